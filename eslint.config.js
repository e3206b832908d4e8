import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import path from 'node:path';

// Layering is enforced here, not just described: src/core is pure (no DOM, no node:),
// src/db may not reach up into React code, and nothing imports from scripts/ or tests/.
/** The six views (src/features/shared/app-state/app-state.ts `VIEWS`), each a folder of src/features/. */
const VIEWS = ['trends', 'compare', 'profile', 'coverage', 'data', 'import'];

/** The view folder of src/features/ a file is in, or null (shared/, i18n/, or outside features). */
function viewOf(file) {
  const match = /(?:^|\/)src\/features\/([^/]+)\//.exec(file.split(path.sep).join('/'));
  return match && VIEWS.includes(match[1]) ? match[1] : null;
}

/**
 * Resolves each relative import and reports one that leaves the file's view for another view, or
 * reaches a view from a shared module. Patterns on the import text could not tell `../data/` in
 * shared/ (shared/data) from `../data/` in a view (the Data view).
 */
const noViewToView = {
  meta: { type: 'problem', schema: [], messages: {
    view: 'A view ({{from}}) never imports another view ({{to}}): move what they share to src/features/shared/.',
    shared: 'A shared module never imports a view ({{to}}): shared parts serve the views.',
  } },
  create(context) {
    const from = viewOf(context.filename);
    const check = (node) => {
      const spec = node.source && node.source.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = viewOf(path.resolve(path.dirname(context.filename), spec));
      if (to === null || to === from) return;
      context.report({ node, messageId: from === null ? 'shared' : 'view', data: { from, to } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

const noUpward = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'public/', 'coverage/', 'tests/artifacts/', '.tmp/', '**/*.tmp/'] },
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: { ...globals.node } } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      ...noUpward([
        { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads'], message: 'src/core must run in the browser: no Node built-ins.' },
        { group: ['**/db/**', '**/charts/**', '**/features/**', '**/app/**', 'react', 'react-dom', 'echarts', '@duckdb/*'], message: 'src/core is the bottom layer: it imports nothing above it.' },
        { group: ['**/scripts/**', '**/tests/**'], message: 'src/ never imports from scripts/ or tests/.' },
      ]),
      'no-restricted-globals': ['error',
        { name: 'window', message: 'No DOM in src/core.' },
        { name: 'document', message: 'No DOM in src/core.' },
        { name: 'navigator', message: 'No DOM in src/core.' },
        { name: 'localStorage', message: 'No DOM in src/core.' },
        ...['fetch', 'indexedDB', 'Worker', 'XMLHttpRequest', 'self', 'sessionStorage'].map((name) => ({ name, message: 'No DOM in src/core: take what you need as an argument (src/core/tsconfig.json checks the same).' })),
        { name: 'process', message: 'No Node globals in src/core.' },
        { name: 'Buffer', message: 'No Node globals in src/core.' },
        { name: '__dirname', message: 'No Node globals in src/core.' },
        { name: 'require', message: 'No Node globals in src/core.' },
      ],
    },
  },
  {
    files: ['src/db/**/*.ts'],
    rules: noUpward([
      { group: ['**/charts/**', '**/features/**', '**/app/**', 'react', 'react-dom'], message: 'src/db sits below the UI.' },
      { group: ['**/scripts/**', '**/tests/**', 'node:*'], message: 'src/ never imports from scripts/ or tests/, nor Node built-ins.' },
    ]),
  },
  {
    files: ['src/charts/**/*.{ts,tsx}'],
    rules: noUpward([
      { group: ['**/features/**', '**/app/**'], message: 'charts are below features.' },
      { group: ['**/scripts/**', '**/tests/**', 'node:*'], message: 'src/ never imports from scripts/ or tests/, nor Node built-ins.' },
    ]),
  },
  {
    files: ['src/features/**/*.{ts,tsx}', 'src/app/**/*.{ts,tsx}'],
    rules: noUpward([
      { group: ['**/scripts/**', '**/tests/**', 'node:*'], message: 'src/ never imports from scripts/ or tests/, nor Node built-ins.' },
    ]),
  },
  // Views never import each other: what two views share lives in src/features/shared/ (pickers, the
  // source panel, data hooks, exports, the user's data) or src/features/i18n/ (the words).
  {
    files: ['src/features/**/*.{ts,tsx}'],
    plugins: { atlas: { rules: { 'no-view-to-view': noViewToView } } },
    rules: {
      'atlas/no-view-to-view': 'error',
      ...noUpward([
        { group: ['**/app/**'], message: 'features are below src/app.' },
        { group: ['**/scripts/**', '**/tests/**', 'node:*'], message: 'src/ never imports from scripts/ or tests/, nor Node built-ins.' },
      ]),
    },
  },
);
