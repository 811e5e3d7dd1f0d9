// Lint is a gate: type-aware rules, React hooks and accessibility, and the folder boundaries of
// architecture §1 (shared/ imports none of the others; renderer/ never reaches electron/ or server/;
// server/ only shared/).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const outside = (...folders) => folders.flatMap((f) => [`**/${f}/**`, `../${f}/*`, `../../${f}/*`]);

const RENDERER_PATTERNS = [
  { group: outside('electron', 'server', 'cli'), message: 'renderer/ never imports electron/ or server/.' },
  {
    group: ['electron', 'electron/*', 'node:*'],
    message: 'renderer/ talks to the main process only through window.encours.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'dist-web/**',
      'release/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'bin/**',
      'test/bench/run.bundle.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: [
      '*.config.ts',
      '*.config.js',
      'electron.vite.config.ts',
      'renderer/vite.config.ts',
      'eslint.config.js',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ...jsxA11y.flatConfigs.strict,
    languageOptions: { ...jsxA11y.flatConfigs.strict.languageOptions, globals: { ...globals.browser } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: outside('electron', 'renderer', 'server', 'cli', 'test'),
              message: 'shared/ imports none of the other folders.',
            },
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto'],
              message: 'shared/ uses no Node built-ins.',
            },
            {
              group: ['electron', 'react', 'react-dom', 'dexie'],
              message: 'shared/ is pure TypeScript: no Electron, React or DOM.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests of shared/ run in Node and may read fixture files; shared/ production code stays pure.
    files: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: outside('electron', 'renderer', 'server', 'cli'),
              message: 'shared/ imports none of the other folders.',
            },
            { group: ['electron', 'react', 'react-dom', 'dexie'], message: 'shared/ is pure TypeScript.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}', 'renderer/test-setup.ts', 'renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: RENDERER_PATTERNS }],
      // Node's types are visible to renderer tests (they read fixtures); the app itself runs in a browser.
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', '__dirname', '__filename', 'global'].map((name) => ({
          name,
          message: 'The renderer runs in a browser: no Node globals.',
        })),
      ],
    },
  },
  {
    // Style §3: screens read through hooks and write through commands (renderer/data); never the database.
    files: [
      'renderer/app/**/*.{ts,tsx}',
      'renderer/features/**/*.{ts,tsx}',
      'renderer/components/**/*.{ts,tsx}',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...RENDERER_PATTERNS,
            {
              group: ['**/db/*', '**/db', 'dexie', 'dexie/*'],
              message: 'Screens use the hooks and commands of renderer/data, never the database.',
            },
          ],
        },
      ],
    },
  },
  {
    // Renderer tests run in Node (jsdom) and may read fixture files; renderer code itself may not.
    files: ['renderer/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: outside('electron', 'server', 'cli'),
              message: 'renderer/ never imports electron/ or server/.',
            },
            {
              group: ['electron', 'electron/*'],
              message: 'renderer/ talks to the main process only through window.encours.',
            },
          ],
        },
      ],
    },
  },
  {
    // Build tooling that lives beside the renderer but runs in Node.
    files: ['renderer/vite.config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: outside('electron', 'renderer', 'cli', 'test'),
              message: 'server/ imports only shared/.',
            },
            { group: ['electron'], message: 'server/ never imports Electron.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: outside('renderer', 'server', 'cli'), message: 'electron/ imports only shared/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  prettier,
);
