// The architecture's one-way imports as a lint error (STYLE.md): app → features → api/components/i18n,
// features never import each other, src/ (the browser) never imports server/ (Node), server/ imports
// only the API contract from src/, and only tests import the test helpers. Relative specifiers are
// resolved against the importing file, so the rule holds at any folder depth.
import path from 'node:path';

/** @typedef {{ kind: 'app' | 'feature' | 'shared' | 'test-support' | 'server' | 'src-other', name?: string }} Zone */

/** @param {string} rel a path relative to the repository root, with forward slashes */
export function zoneOf(rel) {
  const parts = rel.split('/');
  if (parts[0] === 'server') return { kind: 'server' };
  if (parts[0] !== 'src') return null;
  const top = parts[1] ?? '';
  if (top === 'app' || top === 'main.tsx') return { kind: 'app' };
  if (top === 'features') return { kind: 'feature', name: parts[2] ?? '' };
  if (top === 'api' || top === 'components' || top === 'i18n') return { kind: 'shared', name: top };
  if (top === 'test') return { kind: 'test-support' };
  return { kind: 'src-other' };
}

/** The contract both sides share: OCP's API (zod schemas), the console's own protocol (headers, faults), and how a saved task file reads. */
const CONTRACTS = ['src/api/schemas.ts', 'src/api/consoleProtocol.ts', 'src/api/taskFile.ts'];
const ROOT = path.resolve(import.meta.dirname, '..');
const isTestFile = (rel) => /\.test\.[cm]?[jt]sx?$/.test(rel);

/** Why `from` may not import `to`, or null when it may. Paths relative to the root, extensions as written. */
export function violation(fromRel, toRel) {
  const from = zoneOf(fromRel);
  const to = zoneOf(toRel);
  if (!from || !to) return null;
  const fromSrc = from.kind !== 'server';
  if (fromSrc && to.kind === 'server') return 'src/ is the browser app; server/ is Node-side only.';
  if (!fromSrc) {
    if (to.kind === 'server') return null;
    const bare = toRel.replace(/\.[cm]?[jt]sx?$/, '');
    return CONTRACTS.some((c) => bare === c.replace(/\.ts$/, ''))
      ? null
      : `server/ may import only the API contract (${CONTRACTS.join(', ')}) from src/.`;
  }
  if (to.kind === 'test-support' && from.kind !== 'test-support' && !isTestFile(fromRel)) {
    return 'src/test/ holds test helpers: only tests import them.';
  }
  if (from.kind === 'shared' && (to.kind === 'feature' || to.kind === 'app')) {
    return `src/${from.name}/ sits below features and app: it may not import ${to.kind === 'app' ? 'src/app' : 'a feature'}.`;
  }
  if (from.kind === 'feature' && to.kind === 'app') return 'Features sit below app: a feature may not import src/app.';
  if (from.kind === 'feature' && to.kind === 'feature' && to.name !== from.name) {
    return `Feature "${from.name}" may not import feature "${to.name}": move what both need to components/ or api/, or compose them in app/.`;
  }
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
export const importBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the one-way imports between src/app, src/features/*, src/api|components|i18n and server/.' },
    schema: [],
    messages: { boundary: '{{why}} (imports {{target}})' },
  },
  create(context) {
    const root = ROOT;
    const fromRel = path.relative(root, context.filename).split(path.sep).join('/');
    if (!zoneOf(fromRel)) return {};
    /** @param {import('estree').Node | null | undefined} source */
    const check = (source) => {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const spec = source.value;
      if (!spec.startsWith('.') && !spec.startsWith('/')) return;
      const abs = spec.startsWith('/') ? path.join(root, spec) : path.resolve(path.dirname(context.filename), spec);
      const toRel = path.relative(root, abs).split(path.sep).join('/');
      const why = violation(fromRel, toRel);
      if (why) context.report({ node: source, messageId: 'boundary', data: { why, target: spec } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export default { rules: { 'import-boundaries': importBoundaries } };
