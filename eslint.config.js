import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Browser-only globals that src/core must not touch: it runs in Node, a page and a worker alike. */
const browserGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'chrome', 'browser', 'location'];

export default tseslint.config(
  // e2e/hars/playwright-attach holds response bodies as Playwright recorded them (the demo page's own script among them).
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'artifacts/', 'e2e/hars/playwright-attach/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: {
        console: 'readonly', process: 'readonly', URL: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly',
        setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly',
        atob: 'readonly', btoa: 'readonly', structuredClone: 'readonly', performance: 'readonly', queueMicrotask: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...browserGlobals],
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['preact', 'preact/*', '@preact/*'], message: 'src/core is pure: no Preact.' },
          { group: ['webextension-polyfill', 'webextension-polyfill/*'], message: 'src/core is pure: no browser-extension APIs.' },
          { group: ['**/ui/**', '**/capture/**', '**/cli/**', '**/extension/**'], message: 'src/core imports nothing outside src/core.' },
        ],
      }],
    },
  },
  {
    // The messages between pages and the worker: types and their parsers, over core's model only.
    files: ['src/protocol/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...browserGlobals],
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['preact', 'preact/*', '@preact/*', 'webextension-polyfill', 'webextension-polyfill/*'], message: 'src/protocol is types and parsers: no UI, no browser APIs.' },
          { group: ['**/ui/**', '**/capture/**', '**/cli/**', '**/extension/**'], message: 'src/protocol imports src/core only.' },
        ],
      }],
    },
  },
  {
    // The other side of the UI boundary: capture reports what happened on the wire and never reaches into the UI.
    files: ['src/capture/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['preact', 'preact/*', '@preact/*'], message: 'src/capture has no UI.' },
          { group: ['**/ui/**', '**/cli/**', '**/extension/**'], message: 'src/capture depends on src/core and src/protocol only.' },
        ],
      }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error', 'chrome', 'browser'],
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['webextension-polyfill'], message: 'src/ui makes no browser-API calls: take a capture source instead.' },
          { group: ['**/capture/**', '**/extension/**', '**/cli/**'], message: 'src/ui depends on src/core and its own modules only.' },
        ],
      }],
    },
  },
);
