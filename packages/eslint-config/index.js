// The code linter's rules (`npm run lint:code`). This lives in its own private workspace because
// typescript-eslint needs TypeScript's JavaScript API, which TypeScript 7 (our compiler) no longer ships:
// npm installs TypeScript 6 here for the linter's parser only (docs/decisions/0017-code-linter.md).
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The widget's code: runs in every browser that embeds it, so Lit, accessibility and custom-element rules. */
const WIDGET = ['components/**/*.ts', 'src/**/*.ts'];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      'build/',
      'cdn/',
      'coverage/',
      '.tmp/',
      'packages/tools/schemas/',
      'packages/tools/locales/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true, caughtErrors: 'none' },
      ],
      // import() types stay allowed for vi.mock's importOriginal<typeof import('…')>().
      '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
      'prefer-const': ['error', { destructuring: 'all' }],
      // `interface GlobalEventHandlersEventMap extends KlarEventMap {}` adds the widget's events to the DOM's map.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    // Tests build and break JSON documents freely; `any` stays out of the code they test.
    files: ['**/test/**/*.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  { files: WIDGET, ...lit.configs['flat/recommended'] },
  { files: WIDGET, ...litA11y.configs.recommended },
  { files: WIDGET, ...wc.configs['flat/best-practice'] },
  {
    // The widget writes to the host's console only to warn its developers, and never uses eval-like APIs (strict CSP).
    files: WIDGET,
    rules: {
      'no-console': ['error', { allow: ['warn'] }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
);
