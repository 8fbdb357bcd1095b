import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      '.output',
      '.output-*',
      '.wxt',
      '.generated',
      'test/fixtures',
      'demo-output',
      'test-results',
      'bench/tmp',
      'scripts/tmp',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The matcher is pure: it runs in Node, the content script and benchmarks alike.
    files: ['lib/match/**', 'lib/dataset/schema.ts', 'lib/dataset/aliases.ts'],
    rules: {
      'no-restricted-globals': ['error', 'document', 'window', 'browser', 'chrome'],
    },
  },
);
