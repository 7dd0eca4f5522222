import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/contract/methods-config';
import { openDatabase, type Db } from '../store/db';
import { AuditRepo, STALE_RUNNING_MS } from './audit-repo';
import { startEntry } from './push-recorder';

const CHILD = `
const { openDatabase } = require('./electron/core/store/db');
const { AuditRepo } = require('./electron/core/config-push/audit-repo');
const db = openDatabase(process.argv[process.argv.length - 1]);
const { PushRecorder, startEntry } = require('./electron/core/config-push/push-recorder');
const r = new PushRecorder(startEntry({ id: 'p1', actor: { origin: 'cli', user: null, address: null }, deviceId: 'd', deviceName: 'd', targetKind: 'ptp4l-conf', target: '/x', instance: null, newSha256: 'f'.repeat(64) }), new AuditRepo(db), () => undefined);
r.start('push', 'connect');
r.end('ok', 'ssh');
r.start('push', 'write');
process.kill(process.pid, 'SIGKILL');
`;

function entry(over: Partial<AuditEntry>): AuditEntry {
  const start = { id: 'a', actor: { origin: 'socket', user: null, address: '192.0.2.7' }, deviceId: 'dev-1', deviceName: 'gm-1', targetKind: 'ptp4l-conf' as const, target: '/etc/linuxptp/ptp4l.conf', instance: 'ptp4l', newSha256: 'f'.repeat(64) };
  return { ...startEntry(start, 1_000), ...over };
}

// Real processes and files: a machine busy with other suites takes longer than vitest's 5 s default.
describe('the config push audit log (a real SQLite file, migration 7)', { timeout: 30_000 }, () => {
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-audit-'));
    db = openDatabase(join(dir, 'engine.db'));
  });
  afterEach(() => db.close());

  it('keeps every step a recorder wrote when the engine is killed mid-push (SIGKILL, no chance to close)', () => {
    const file = join(dir, 'engine.db');
    db.close();
    // A child engine records two steps and is killed during the second: nothing closes the database.
    const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', CHILD, file], { cwd: resolve(__dirname, '../../..'), encoding: 'utf8' });
    expect(child.signal, child.stderr).toBe('SIGKILL');
    db = openDatabase(file);
    const row = new AuditRepo(db).get('p1');
    expect(row?.outcome).toBe('running');
    expect(row?.steps.map((s) => `${s.step} ${s.state}`)).toEqual(['connect ok', 'write running']);
  });

  it('marks a push an engine left running long ago as interrupted, saying at which step', () => {
    const repo = new AuditRepo(db);
    repo.insert(entry({ id: 'old', steps: [{ phase: 'push', step: 'apply', state: 'running', startedAtMs: 1_000, endedAtMs: null, detail: null, error: null }] }));
    repo.insert(entry({ id: 'fresh', startedAtMs: 5_000, updatedAtMs: STALE_RUNNING_MS }));
    const list = repo.list({ limit: 10 }, STALE_RUNNING_MS + 2_000);
    expect(list.map((e) => `${e.id}:${e.outcome}`)).toEqual(['fresh:running', 'old:interrupted']);
    expect(list[1]?.error).toMatchObject({ messageId: 'config-push.interrupted', params: { step: 'push apply' } });
  });

  it('filters by device, outcome and time, newest first; rows outlive their device', () => {
    const repo = new AuditRepo(db);
    repo.insert(entry({ id: '1', startedAtMs: 1_000, outcome: 'applied' }));
    repo.insert(entry({ id: '2', startedAtMs: 2_000, outcome: 'rolled-back' }));
    repo.insert(entry({ id: '3', startedAtMs: 3_000, outcome: 'applied', deviceId: 'dev-2', deviceName: 'bc-1' }));
    expect(repo.list({ limit: 10 }).map((e) => e.id)).toEqual(['3', '2', '1']);
    expect(repo.list({ deviceId: 'dev-1', limit: 10 }).map((e) => e.id)).toEqual(['2', '1']);
    expect(repo.list({ outcome: 'applied', sinceMs: 1_500, limit: 10 }).map((e) => e.id)).toEqual(['3']);
    expect(repo.list({ untilMs: 2_000, limit: 10 }).map((e) => e.id)).toEqual(['1']);
    // No device table row was ever needed, and none is consulted: a removed device's pushes stay.
    expect(repo.list({ deviceId: 'dev-2', limit: 1 })[0]).toMatchObject({ deviceName: 'bc-1', actor: { origin: 'socket', address: '192.0.2.7' } });
  });
});
