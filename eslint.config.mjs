import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Layers you can see: renderer → shared ← electron. These rules keep every import pointing that way,
// and keep dangerous calls (child processes) in the one file meant for them.
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'net', 'http', 'crypto'];
const restrict = (patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-output/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: nodeBuiltins, message: 'shared/ is pure TypeScript: no Node built-ins.' },
        { group: ['electron', 'react', 'react-dom', 'socket.io*', 'better-sqlite3', 'ssh2'], message: 'shared/ depends on no runtime.' },
        { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ is imported by the other layers, never the reverse.' },
      ]),
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: nodeBuiltins, message: 'The renderer runs in a sandboxed page: no Node.' },
        { group: ['electron', '**/electron/**'], message: 'The renderer reaches the engine only through shared/contract.' },
      ]),
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['electron'], message: 'The engine runs under plain Node (syncscope serve): never import electron.' },
        { group: ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**'], message: 'The engine does not depend on UI or Electron glue.' },
        { group: ['child_process', 'node:child_process'], message: 'Run device commands through a DeviceTransport (transport/local-transport.ts).' },
      ]),
    },
  },
  {
    files: ['electron/core/transport/local-transport.ts'],
    rules: {
      'no-restricted-imports': restrict([{ group: ['electron'], message: 'The engine never imports electron.' }]),
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([{ group: ['**/renderer/**'], message: 'Electron glue talks to the UI only over the contract.' }]),
    },
  },
);
