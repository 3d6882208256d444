/**
 * The project's own lint rules, as a local ESLint plugin (`local/...` in eslint.config.js).
 *
 * `no-literal-ui-text`: every user-visible string goes through the i18n catalogs. Flags text a user
 * would read when it is written in the code: JSX text, string literals (and template text) in JSX
 * children and in user-facing props (`title`, `aria-label`, `placeholder`, `label`…), user-facing
 * object fields (`title:`, `message:`, `label:` in notifications and views) and `useDocumentTitle('…')`.
 * Text without a letter ("—", "·", "×", "3/5") is not language and passes. Class names, ids, colours
 * and other technical strings live in props and fields this rule does not look at.
 */

const LETTER = /\p{L}/u;
const UI_PROPS = new Set([
  'title',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'alt',
  'placeholder',
  'label',
  'description',
  'error',
  'message',
  'tooltip',
  'confirmLabel',
  'cancelLabel',
  'retryLabel',
  'nothingFoundMessage',
]);
const UI_FIELDS = new Set(['title', 'message', 'label', 'description', 'placeholder']);
const UI_CALLS = new Set(['useDocumentTitle']);

/** The string parts of an expression a user would see: literals, template text, both arms of ?: and ||. */
function textParts(node) {
  if (!node) return [];
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' ? [{ node, text: node.value }] : [];
    case 'TemplateLiteral':
      return node.quasis.map((q) => ({ node: q, text: q.value.cooked ?? '' }));
    case 'ConditionalExpression':
      return [...textParts(node.consequent), ...textParts(node.alternate)];
    case 'LogicalExpression':
      return [...textParts(node.left), ...textParts(node.right)];
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
      return textParts(node.expression);
    default:
      return [];
  }
}

function propName(name) {
  return name.type === 'JSXNamespacedName' ? `${name.namespace.name}:${name.name.name}` : name.name;
}

const noLiteralUiText = {
  meta: {
    type: 'problem',
    docs: { description: 'User-visible text must come from the i18n catalogs (t(…)), not a literal.' },
    schema: [],
    messages: {
      literal: 'User-visible text "{{text}}" is hard-coded: put it in a catalog (src/i18n/locales/*/<ns>.json) and use t(…).',
    },
  },
  create(context) {
    const report = (parts) => {
      for (const { node, text } of parts) {
        if (LETTER.test(text)) context.report({ node, messageId: 'literal', data: { text: text.trim().slice(0, 40) } });
      }
    };
    return {
      JSXText(node) {
        report([{ node, text: node.value }]);
      },
      JSXExpressionContainer(node) {
        if (node.parent.type === 'JSXElement' || node.parent.type === 'JSXFragment') report(textParts(node.expression));
      },
      JSXAttribute(node) {
        if (!UI_PROPS.has(propName(node.name)) || !node.value) return;
        report(node.value.type === 'JSXExpressionContainer' ? textParts(node.value.expression) : textParts(node.value));
      },
      Property(node) {
        const key = node.key.type === 'Identifier' ? node.key.name : node.key.type === 'Literal' ? node.key.value : undefined;
        if (!node.computed && UI_FIELDS.has(key)) report(textParts(node.value));
      },
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && UI_CALLS.has(node.callee.name)) report(textParts(node.arguments[0]));
      },
    };
  },
};

export default { rules: { 'no-literal-ui-text': noLiteralUiText } };
