import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const UI_TEXT = 'Interface text goes in locales/en.yml and locales/zh_CN.yml and is read with t() (lib/ui/i18n.ts).';
/** Attributes a person reads or hears. */
const LABEL_ATTRS = '/^(aria-label|aria-description|aria-roledescription|aria-valuetext|title|placeholder|alt|label)$/';

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
    // The interface's words come from one catalogue per language (locales/*.yml, through
    // lib/ui/i18n.ts): no words written into a component, as text, a label or a message.
    files: ['components/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'JSXText[value=/\\p{L}/u]', message: UI_TEXT },
        {
          selector: `JSXAttribute[name.name=${LABEL_ATTRS}] :matches(Literal[value=/\\p{L}/u], TemplateElement[value.raw=/\\p{L}/u]):not(CallExpression > Literal)`,
          message: UI_TEXT,
        },
        {
          selector:
            'JSXElement > JSXExpressionContainer :matches(Literal[value=/\\p{L}/u], TemplateElement[value.raw=/\\p{L}/u]):not(JSXAttribute *, CallExpression > Literal, BinaryExpression > Literal)',
          message: UI_TEXT,
        },
      ],
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
