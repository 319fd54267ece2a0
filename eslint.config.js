// Layer rules live here, not in prose (STYLE.md): src-shared is pure, the renderer never reaches into the main
// process, and only src-main/hosts/electron may import 'electron'.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));
const electronOnlyInHost = { name: 'electron', message: "Only src-main/hosts/electron may import 'electron'." };

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'dist/**', 'test-results/**', 'playwright-report/**', '.lab-run/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [electronOnlyInHost] }],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    ignores: ['src-shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInHost, ...nodeBuiltins.map((name) => ({ name, message: 'src-shared is pure: no Node modules.' }))],
          patterns: [
            { group: ['node:*'], message: 'src-shared is pure: no Node modules.' },
            { group: ['**/src-main/**', '**/src-renderer/**', 'react', 'react-dom', 'zustand'], message: 'src-shared imports nothing from the layers above it.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'process', 'Buffer', 'require', '__dirname'].map(
          (name) => ({ name, message: 'src-shared runs in both processes: no DOM or Node globals.' }),
        ),
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInHost, ...nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node.' }))],
          patterns: [
            { group: ['**/src-main/**', '**/src-main'], message: 'The renderer talks to the main process only through the contract client (src-renderer/api).' },
            { group: ['node:*'], message: 'The renderer has no Node.' },
          ],
        },
      ],
    },
  },
  {
    // The team server: Node over PostgreSQL. It shares the sync contract (src-shared) and nothing else.
    files: ['src-server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The team server is plain Node: no electron.' }],
          patterns: [{ group: ['**/src-main/**', '**/src-main', '**/src-renderer/**', '**/src-renderer'], message: 'src-server imports src-shared only, never the desktop.' }],
        },
      ],
    },
  },
  {
    files: ['src-main/hosts/electron/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src-main/app/**/*.ts', 'src-main/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInHost],
          patterns: [{ group: ['**/hosts/**', '**/src-renderer/**'], message: 'app/ and services/ do not depend on a host or the renderer.' }],
        },
      ],
    },
  },
);
