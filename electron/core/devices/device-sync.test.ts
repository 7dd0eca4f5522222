import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/contract/dispatch';
import type { EventMessage } from '../../../shared/contract/events';
import { waitFor } from '../../../test/support/engine-server';
import { Engine } from '../engine';
import { createLogger } from '../log';

const actor = { origin: 'test' as const };
const local = (name: string) => ({ method: 'devices.add', params: { transport: 'local', name, pollIntervalMs: 60_000 } });

describe('device changes while another process holds the database write lock', () => {
  let dir: string;
  let engine: Engine;
  let other: Database.Database;
  const events: EventMessage[] = [];
  const announced = (name: string) => events.some((e) => e.event === 'devices.changed' && e.payload.devices.some((d) => d.name === name));

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-sync-'));
    engine = new Engine({ dataDir: dir, collect: false, processMetrics: false, log: createLogger({ level: 'silent' }), busyTimeoutMs: 200, watchIntervalMs: 50 });
    engine.subscribe((m) => events.push(m));
    await engine.start();
    // A second connection on the same file, as `syncscope device add --data` would open.
    other = new Database(join(dir, 'syncscope.db'));
  });
  afterEach(async () => {
    if (other.inTransaction) other.exec('ROLLBACK');
    other.close();
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
    events.length = 0;
  });

  it('answers a refused write with a database error, and every later change is still applied and announced', async () => {
    other.exec('BEGIN IMMEDIATE');
    const refused = await dispatch(engine.handlers, local('during-lock'), actor);
    expect(refused).toMatchObject({ ok: false, error: { code: 'database', messageId: 'store.busy' } });
    expect(refused.ok === false && refused.error.message).toMatch(/busy: another program holds its write lock/);
    other.exec('COMMIT');

    expect(await dispatch(engine.handlers, local('after-lock'), actor)).toMatchObject({ ok: true, value: { name: 'after-lock' } });
    expect(announced('after-lock')).toBe(true);
    expect(announced('during-lock')).toBe(false);
    expect((await engine.handlers['devices.list']({}, actor)).map((d) => d.name)).toEqual(['after-lock']);
  });

  it('picks up a change another process committed after the lock is released', async () => {
    other.exec('BEGIN IMMEDIATE');
    other
      .prepare(
        `INSERT INTO devices (id, name, transport, profile, poll_interval_ms, created_at_ms, updated_at_ms)
         VALUES ('x1', 'from-cli', 'local', '{"instances":[{"name":"ptp4l","udsPath":"/var/run/ptp4l"}],"jump":null}', 1000, 0, 0)`,
      )
      .run();
    expect(await dispatch(engine.handlers, local('blocked'), actor)).toMatchObject({ ok: false, error: { code: 'database' } });
    other.exec('COMMIT');
    await waitFor('the engine to announce the device the other process added', () => announced('from-cli'));
    expect(await dispatch(engine.handlers, local('later'), actor)).toMatchObject({ ok: true });
    expect(announced('later')).toBe(true);
  });
});
