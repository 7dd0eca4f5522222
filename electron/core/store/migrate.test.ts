import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SyncscopeError } from '../../../shared/domain/errors';
import { openDatabase } from './db';
import { migrate } from './migrate';
import { migrations } from './migrations';

describe('migrations', () => {
  it('apply once, in WAL mode, and are idempotent', () => {
    const dir = mkdtempSync(join(tmpdir(), 'syncscope-mig-'));
    const db = openDatabase(join(dir, 'a.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(migrate(db)).toBe(0);
    expect((db.prepare('SELECT COUNT(*) n FROM schema_migrations').get() as { n: number }).n).toBe(migrations.length);
    db.close();
    rmSync(dir, { recursive: true });
  });

  it('refuse a database whose applied migration was edited', () => {
    const db = new Database(':memory:');
    migrate(db, [{ version: 1, name: 'x', up: 'CREATE TABLE t (a INTEGER)' }]);
    expect(() => migrate(db, [{ version: 1, name: 'x', up: 'CREATE TABLE t (a TEXT)' }])).toThrow(/differs/);
  });

  it('refuse a database from a newer Syncscope', () => {
    const db = new Database(':memory:');
    migrate(db, [{ version: 1, name: 'x', up: 'CREATE TABLE t (a INTEGER)' }, { version: 2, name: 'y', up: 'CREATE TABLE u (a INTEGER)' }]);
    expect(() => migrate(db, [{ version: 1, name: 'x', up: 'CREATE TABLE t (a INTEGER)' }])).toThrow(/newer than this Syncscope/);
  });

  it('explain a corrupt file instead of crashing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'syncscope-mig-'));
    const file = join(dir, 'bad.db');
    writeFileSync(file, 'this is not a database at all, just text '.repeat(200));
    const err = (() => {
      try {
        openDatabase(file);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(SyncscopeError);
    expect((err as SyncscopeError).value).toMatchObject({ code: 'database', messageId: 'store.open-failed', message: expect.stringContaining(`Cannot open the Syncscope database ${file}`), hint: expect.stringMatching(/move it aside/) });
    rmSync(dir, { recursive: true });
  });

  it('keep the samples of a version-1 database when they drop its cascade (migration 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'syncscope-mig-'));
    const file = join(dir, 'v1.db');
    const v1 = new Database(file);
    migrate(v1, migrations.slice(0, 1));
    v1.prepare("INSERT INTO devices (id, name, transport, uds_path, poll_interval_ms, created_at_ms, updated_at_ms) VALUES ('d1', 'gm', 'local', '/var/run/ptp4l', 1000, 0, 0)").run();
    v1.prepare("INSERT INTO ptp_samples (device_id, t_ms, offset_from_master_ns) VALUES ('d1', 5, -12.5)").run();
    v1.close();
    const db = openDatabase(file);
    expect(db.prepare('SELECT device_id, t_ms, offset_from_master_ns FROM ptp_samples').all()).toEqual([{ device_id: 'd1', t_ms: 5, offset_from_master_ns: -12.5 }]);
    expect(db.pragma('foreign_key_list(ptp_samples)')).toEqual([]);
    db.prepare("DELETE FROM devices WHERE id = 'd1'").run();
    expect(db.prepare('SELECT COUNT(*) FROM ptp_samples').pluck().get()).toBe(1);
    db.close();
    rmSync(dir, { recursive: true });
  });
});
