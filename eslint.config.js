import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Layering is enforced here, not just described: src/core is pure (no DOM, no node:),
// src/db may not reach up into React code, and nothing imports from scripts/ or tests/.
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
);
