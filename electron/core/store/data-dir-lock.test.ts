import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/contract/dispatch';
import { waitFor } from '../../../test/support/engine-server';
import { deadPid } from '../../../test/support/processes';
import { Engine, type EngineOptions } from '../engine';
import { createLogger } from '../log';
import { LOCK_FILE } from './data-dir-lock';
import { errorOf } from '../../../test/support/error-of';

describe('one collecting engine per data folder', () => {
  let dir: string;
  const engines: Engine[] = [];
  const open = (o: Partial<EngineOptions> = {}) => {
    const e = new Engine({ dataDir: dir, processMetrics: false, log: createLogger({ level: 'silent' }), holder: 'syncscope serve', ...o });
    engines.push(e);
    return e;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-lock-'));
  });
  afterEach(async () => {
    for (const e of engines.splice(0)) await e.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second engine, saying who holds the folder and since when', () => {
    open();
    const held = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as { pid: number; what: string; sinceMs: number };
    expect(held).toMatchObject({ pid: process.pid, what: 'syncscope serve' });
    const err = errorOf(() => open({ holder: 'Syncscope desktop app' }));
    expect(err).toMatchObject({ code: 'data-dir-locked', messageId: 'engine.data-dir-locked', params: { pid: process.pid, holder: 'syncscope serve', dir } });
    expect(err.message).toContain(`in use by syncscope serve (pid ${process.pid}`);
    expect(err.message).toContain(new Date(held.sinceMs).toISOString());
    expect(err.hint).toMatch(/--data DIR/);
  });

  it('lets the CLI edit devices beside a running engine, which picks the change up', async () => {
    const server = open({ watchIntervalMs: 50 });
    await server.start();
    const seen: string[] = [];
    server.subscribe((m) => m.event === 'devices.changed' && seen.push(...m.payload.devices.map((d) => d.name)));
    const cli = open({ collect: false });
    expect(await dispatch(cli.handlers, { method: 'devices.add', params: { transport: 'ssh', name: 'gm', host: '192.0.2.1', user: 'root', auth: { kind: 'password', password: 'secret-pw' } } }, { origin: 'cli' })).toMatchObject({ ok: true });
    await waitFor('the engine to see the CLI change', () => seen.includes('gm'));
  });

  it('is released on close, and a dead engine\'s lock is taken over', async () => {
    await open().close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    // A crashed engine: its lock file names a pid that no longer runs.
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: hostname(), what: 'syncscope serve', sinceMs: 0 }));
    open();
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
  });

  it('never breaks a lock held from another machine', () => {
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 4242, host: 'other-lab-host', what: 'Syncscope desktop app', sinceMs: 0 }));
    const err = errorOf(() => open());
    expect(err).toMatchObject({ code: 'data-dir-locked', messageId: 'engine.data-dir-locked-elsewhere', params: { host: 'other-lab-host' } });
    expect(err.hint).toContain(join(dir, LOCK_FILE));
  });
});
