import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The whole main process with Electron replaced by recorders, except the engine host: utilityProcess.fork
// starts the real host (engine-host.ts) in a real Node child, so start-up failures are real ones.
const fake = vi.hoisted(() => ({
  singleInstance: true,
  userData: '',
  exits: [] as number[],
  errorBoxes: [] as { title: string; content: string }[],
  messageBoxes: [] as { message: string }[],
  windows: [] as { url: string }[],
  handlers: new Map<string, unknown>(),
  children: [] as import('node:child_process').ChildProcess[],
  forkedPaths: [] as string[],
  readyCalls: 0,
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const { fork } = await import('node:child_process');
  const { join } = await import('node:path');
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    setName: () => undefined,
    enableSandbox: () => undefined,
    requestSingleInstanceLock: () => fake.singleInstance,
    whenReady: () => {
      fake.readyCalls++;
      return Promise.resolve();
    },
    getPath: () => fake.userData,
    getAppPath: () => fake.userData,
    getLocale: () => 'en-US',
    exit: (code: number) => void fake.exits.push(code),
    quit: () => undefined,
    relaunch: () => undefined,
  });
  class BrowserWindow extends EventEmitter {
    static getAllWindows = () => [];
    readonly webContents = { mainFrame: {}, send: () => undefined };
    constructor() {
      super();
    }
    loadURL(url: string) {
      fake.windows.push({ url });
      return Promise.resolve();
    }
    isDestroyed = () => false;
    isFocused = () => true;
  }
  return {
    app,
    BrowserWindow,
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
    session: { defaultSession: { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined } },
    dialog: {
      showErrorBox: (title: string, content: string) => void fake.errorBoxes.push({ title, content }),
      showMessageBoxSync: (opts: { message: string }) => (fake.messageBoxes.push(opts), 1),
    },
    ipcMain: { handle: (channel: string, fn: unknown) => fake.handlers.set(channel, fn), removeHandler: (channel: string) => fake.handlers.delete(channel) },
    Notification: { isSupported: () => false },
    safeStorage: { isEncryptionAvailable: () => false },
    utilityProcess: {
      fork: (path: string) => {
        fake.forkedPaths.push(path);
        const child = fork(join(__dirname, '../core/host/engine-host.ts'), [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
        fake.children.push(child);
        return {
          postMessage: (msg: unknown) => void child.send(msg as never),
          on: (_e: 'message', fn: (msg: unknown) => void) => child.on('message', fn),
          once: (_e: 'exit', fn: (code: number) => void) => child.once('exit', (code) => fn(code ?? -1)),
        };
      },
    },
  };
});

const bootMain = async () => {
  vi.resetModules();
  await import('./index');
};
const waitFor = (check: () => boolean) => expect.poll(check, { timeout: 30_000, interval: 50 }).toBe(true);

describe('the main process', () => {
  const others: ChildProcess[] = [];
  beforeEach(() => {
    process.env.SYNCSCOPE_LOG_LEVEL = 'silent';
    delete process.env.SYNCSCOPE_METRICS_PORT;
    fake.userData = mkdtempSync(join(tmpdir(), 'syncscope-main-'));
    Object.assign(fake, { singleInstance: true, readyCalls: 0 });
    for (const list of [fake.exits, fake.errorBoxes, fake.messageBoxes, fake.windows, fake.forkedPaths]) list.length = 0;
    fake.handlers.clear();
  });
  afterEach(async () => {
    // Wait for each host to be gone, so its exit cannot land in the next test's records.
    const running = [...fake.children.splice(0), ...others.splice(0)].filter((c) => c.exitCode === null && c.signalCode === null);
    const gone = running.map((c) => new Promise((resolve) => c.once('exit', resolve)));
    for (const c of running) c.kill('SIGKILL');
    await Promise.all(gone);
    rmSync(fake.userData, { recursive: true, force: true });
  });

  it('starts the engine in its host process, then opens the window on app://', async () => {
    await bootMain();
    await waitFor(() => fake.windows.length === 1);
    expect(fake.forkedPaths[0]).toMatch(/engine-host\.js$/);
    expect(fake.windows).toEqual([{ url: 'app://syncscope/index.html' }]);
    expect(fake.handlers.has('syncscope:request')).toBe(true);
    expect(fake.exits).toEqual([]);
  });

  it('shows the reason and exits non-zero when the database is corrupt', async () => {
    writeFileSync(join(fake.userData, 'syncscope.db'), 'not a database '.repeat(500));
    await bootMain();
    await waitFor(() => fake.exits.length > 0);
    expect(fake.exits).toEqual([1]);
    expect(fake.errorBoxes).toHaveLength(1);
    expect(fake.errorBoxes[0]!.title).toBe('Syncscope could not start');
    expect(fake.errorBoxes[0]!.content).toMatch(/database/i);
    expect(fake.windows).toEqual([]);
  });

  it('shows who holds the data folder when another engine runs on it', async () => {
    const holder = fork(join(__dirname, '../core/host/engine-host.ts'), [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    others.push(holder);
    const ready = new Promise((resolve) => holder.on('message', (msg: { type: string }) => msg.type !== 'event' && resolve(msg)));
    holder.send({ type: 'init', dataDir: fake.userData, dataKey: null });
    expect(await ready).toEqual({ type: 'ready' });
    await bootMain();
    await waitFor(() => fake.exits.length > 0);
    expect(fake.exits).toEqual([1]);
    expect(fake.errorBoxes[0]!.content).toContain(String(holder.pid));
  });

  it('refuses a bad SYNCSCOPE_METRICS_PORT with its own message', async () => {
    process.env.SYNCSCOPE_METRICS_PORT = '99999';
    await bootMain();
    await waitFor(() => fake.exits.length > 0);
    expect(fake.errorBoxes[0]!.content).toMatch(/SYNCSCOPE_METRICS_PORT is "99999"/);
  });

  it('says so, rather than hanging, when the engine host dies', async () => {
    await bootMain();
    await waitFor(() => fake.windows.length === 1);
    fake.children[0]!.kill('SIGKILL');
    await waitFor(() => fake.exits.length > 0);
    expect(fake.messageBoxes[0]!.message).toMatch(/engine stopped unexpectedly/);
    expect(fake.exits).toEqual([1]);
  });

  it('leaves at once when another Syncscope holds the single-instance lock', async () => {
    fake.singleInstance = false;
    await bootMain();
    expect(fake.exits).toEqual([0]);
    expect(fake.readyCalls).toBe(0);
    expect(fake.forkedPaths).toEqual([]);
  });
});
