import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const simRestrictedGlobals = [
  'window',
  'document',
  'self',
  'globalThis',
  'navigator',
  'localStorage',
  'postMessage',
  'importScripts',
  'setTimeout',
  'setInterval',
  'requestAnimationFrame',
  'process',
].map((name) => ({ name, message: 'src/sim is pure: inject host services instead.' }));

export default defineConfig(
  {
    ignores: ['dist', 'dist-node', 'node_modules', 'playwright-report', 'test-results', 'coverage'],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['src/sim/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error', ...simRestrictedGlobals],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the injected seeded RNG.' },
        { object: 'Date', property: 'now', message: 'Use simulated time.' },
        { object: 'performance', property: 'now', message: 'Use simulated time.' },
      ],
    },
  },
  {
    files: ['src/sim/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\.)',
              message: 'src/sim may only import relative modules inside src/sim.',
            },
            {
              regex: '(^|/)\\.\\./(\\.\\./)*(ui|protocol|worker|scenarios|cli|src)(/|$)',
              message: 'src/sim may only import modules inside src/sim.',
            },
          ],
        },
      ],
    },
  },
);
