import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import syncscope from './scripts/lint/boundaries.mjs';

// Layers you can see: renderer → shared ← electron. Each layer lists the folders and packages it may
// import; `syncscope/layer-imports` checks every import's *resolved* path against that list, so
// `../main/ipc` from the engine or `ssh2` from the renderer is caught however it is spelled.
// `syncscope/sanctioned` keeps each dangerous call in the one module that validates it.
// Tests, the lab and benchmarks are exempt: they drive real processes and files on purpose.
const TESTS = ['**/*.test.ts', '**/*.test.tsx', 'test/**'];

const LAYERS = {
  shared: { files: ['shared/**/*.ts'], folders: ['shared/'], packages: ['zod'] },
  renderer: {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    folders: ['renderer/', 'shared/'],
    packages: ['react', 'react-dom', '@mantine/*', 'i18next', 'react-i18next', 'uplot', 'socket.io-client', 'zod'],
  },
  engine: {
    files: ['electron/core/**/*.ts'],
    folders: ['electron/core/', 'shared/'],
    packages: ['node:*', 'better-sqlite3', 'ssh2', 'serialport', 'pino', 'prom-client', 'socket.io', 'socket.io-client', 'commander', 'zod'],
  },
  // Main is glue: the window, the keychain, dialogs. The engine itself runs in a utility process, so
  // main reaches electron/core only for the host's client and protocol, the sealed data key and logging.
  main: {
    files: ['electron/main/**/*.ts'],
    folders: [
      'electron/main/',
      'shared/',
      'electron/core/host/host-client.ts',
      'electron/core/host/host-protocol.ts',
      'electron/core/secrets/sealed-data-key.ts',
      'electron/core/log.ts',
      'electron/core/paths.ts',
    ],
    packages: ['electron', 'node:path', 'node:fs', 'node:fs/promises', 'node:url'],
  },
  preload: { files: ['electron/preload/**/*.ts'], folders: ['electron/preload/', 'shared/contract/'], packages: ['electron'] },
};

const FS_WRITES = ['writeFile', 'appendFile', 'createWriteStream', 'rm', 'rmdir', 'unlink', 'rename', 'chmod', 'mkdir', 'mkdtemp', 'copyFile', 'cp', 'truncate', 'symlink', 'link'];
const syncToo = (names) => names.flatMap((n) => (n === 'createWriteStream' ? [n] : [n, `${n}Sync`]));
// Session files (a portable SQLite file per session, its .partial while written, a copy of one a
// colleague sent, deletion) are written by one module that validates session ids before they become names.
const FS_WRITERS = ['electron/core/store/', 'electron/core/secrets/', 'electron/core/devices/', 'electron/core/sessions/session-files.ts', 'electron/core/history/output-file.ts'];
// Files a person chose (exports, reports) are written by history/output-file.ts: beside the target, renamed when whole.
const fsMessage = 'files are written by the store, the secret boxes, device profiles, session-files.ts and history/output-file.ts only.';

export const SANCTIONED = [
  { module: 'node:child_process', only: ['electron/core/transport/local-transport.ts'], message: 'run device commands through a DeviceTransport (transport/local-transport.ts).' },
  { module: 'ssh2', only: ['electron/core/transport/ssh-transport.ts'], allowTypeOnly: true, message: 'SSH sessions belong to transport/ssh-transport.ts.' },
  // Serial ports are opened by the serial transport and listed by one module (a second open would fight for the port).
  { module: 'serialport', only: ['electron/core/transport/serial-transport.ts', 'electron/core/transport/serial-ports.ts'], allowTypeOnly: true, message: 'serial ports belong to transport/serial-transport.ts (and the listing to serial-ports.ts).' },
  { module: 'electron', members: [['shell', 'openExternal']], only: ['electron/main/open-external.ts'], message: 'open links through openExternal() in electron/main/open-external.ts, which allows http(s) only.' },
  { module: 'node:fs', members: [...syncToo(FS_WRITES).map((n) => [n]), ...FS_WRITES.map((n) => ['promises', n])], only: FS_WRITERS, message: fsMessage },
  { module: 'node:fs/promises', members: FS_WRITES.map((n) => [n]), only: FS_WRITERS, message: fsMessage },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-output/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...Object.entries(LAYERS).map(([layer, { files, folders, packages }]) => ({
    files,
    ignores: TESTS,
    plugins: { syncscope },
    rules: { 'syncscope/layer-imports': ['error', { layer, folders, packages }] },
  })),
  {
    files: ['shared/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx', 'electron/**/*.ts'],
    ignores: TESTS,
    plugins: { syncscope },
    rules: { 'syncscope/sanctioned': ['error', SANCTIONED] },
  },
);
