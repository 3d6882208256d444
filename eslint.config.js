import js from '@eslint/js';
import globals from 'globals';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import tseslint from 'typescript-eslint';
import architecture from './eslint-rules/importBoundaries.js';
import local from './eslint-local-rules.js';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'e2e/artifacts', 'bench/results'] },
  {
    // Type-aware rules: every TypeScript file belongs to one of the tsconfig projects (app, node, e2e, server).
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': ['warn', { allowConstantExport: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx'],
    extends: [jsxA11y.flatConfigs.recommended],
  },
  {
    // The architecture (STYLE.md): app → features → api/components/i18n; features never import each
    // other; src/ never imports server/, and server/ imports only the API contract from src/.
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts'],
    plugins: { architecture },
    rules: { 'architecture/import-boundaries': 'error' },
  },
  {
    // React Flow's internal store is written in one adapter only (flowStore.ts, with its upgrade test).
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/features/task-graph/flowStore.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.callee.property.name='getState'][property.name=/^(setNodes|setEdges)$/]",
          message: "React Flow's internal store actions go through src/features/task-graph/flowStore.ts.",
        },
        {
          selector: "CallExpression[callee.object.name='store'][callee.property.name='setState']",
          message: "React Flow's internal store is written only in src/features/task-graph/flowStore.ts.",
        },
      ],
    },
  },
  {
    // Every user-visible string goes through the i18n catalogs (src/i18n/locales/<lang>/<ns>.json).
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/test/**', 'src/**/fixtures.ts', 'src/**/*.bench.ts'],
    plugins: { local },
    rules: { 'local/no-literal-ui-text': 'error' },
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }] },
  },
);
