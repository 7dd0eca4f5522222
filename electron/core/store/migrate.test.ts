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
    const db = new Database(file);
    migrate(db, migrations.slice(0, 2));
    expect(db.prepare('SELECT device_id, t_ms, offset_from_master_ns FROM ptp_samples').all()).toEqual([{ device_id: 'd1', t_ms: 5, offset_from_master_ns: -12.5 }]);
    expect(db.pragma('foreign_key_list(ptp_samples)')).toEqual([]);
    db.prepare("DELETE FROM devices WHERE id = 'd1'").run();
    expect(db.prepare('SELECT COUNT(*) FROM ptp_samples').pluck().get()).toBe(1);
    db.close();
    rmSync(dir, { recursive: true });
  });

  it('turn ptp_samples into points of the catalog series, port states into linuxptp codes (migration 3)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'syncscope-mig-'));
    const file = join(dir, 'v2.db');
    const v2 = new Database(file);
    migrate(v2, migrations.slice(0, 2));
    v2.prepare("INSERT INTO devices (id, name, transport, uds_path, poll_interval_ms, created_at_ms, updated_at_ms) VALUES ('d1', 'gm', 'local', '/run/ptp4l-x', 1000, 0, 0)").run();
    const insert = v2.prepare('INSERT INTO ptp_samples (device_id, t_ms, master_offset_ns, offset_from_master_ns, mean_path_delay_ns, steps_removed, port_state) VALUES (?, ?, ?, ?, ?, ?, ?)');
    insert.run('d1', 1000, -3, -4, 1500, 1, 'SLAVE');
    insert.run('d1', 2000, null, 7, 1501, 1, 'UNCALIBRATED');
    // A removed device whose samples were still waiting for the purge keeps them (under its own key) until the purge.
    insert.run('gone', 1500, 1, 1, 1, 0, 'MASTER');
    v2.close();

    // Up to schema 3 only: migration 4 renames points (legacy-conversion.test.ts turns them into chunks).
    const db = new Database(file);
    migrate(db, migrations.slice(0, 3));
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'ptp_samples'").all()).toEqual([]);
    expect(JSON.parse(db.prepare("SELECT profile FROM devices WHERE id = 'd1'").pluck().get() as string)).toEqual({ instances: [{ name: 'ptp4l', udsPath: '/run/ptp4l-x' }], jump: null });
    const points = db
      .prepare(`SELECT k.device_id, s.instance, s.metric, s.labels, p.t_us, p.value FROM points p JOIN series s ON s.id = p.series_id JOIN device_keys k ON k.key = s.device_key
                WHERE k.device_id = 'd1' ORDER BY s.metric, p.t_us`)
      .all();
    expect(points).toEqual([
      { device_id: 'd1', instance: 'ptp4l', metric: 'ptp.master_offset', labels: '{}', t_us: 1_000_000, value: -3 },
      { device_id: 'd1', instance: 'ptp4l', metric: 'ptp.master_offset', labels: '{}', t_us: 2_000_000, value: null },
      { device_id: 'd1', instance: 'ptp4l', metric: 'ptp.mean_path_delay', labels: '{}', t_us: 1_000_000, value: 1500 },
      { device_id: 'd1', instance: 'ptp4l', metric: 'ptp.mean_path_delay', labels: '{}', t_us: 2_000_000, value: 1501 },
      { device_id: 'd1', instance: 'ptp4l', metric: 'ptp.offset_from_master', labels: '{}', t_us: 1_000_000, value: -4 },
      { device_id: 'd1', instance: 'ptp4l', metric: 'ptp.offset_from_master', labels: '{}', t_us: 2_000_000, value: 7 },
      { device_id: 'd1', instance: 'ptp4l', metric: 'ptp.port_state', labels: '{"port":"1"}', t_us: 1_000_000, value: 9 },
      { device_id: 'd1', instance: 'ptp4l', metric: 'ptp.port_state', labels: '{"port":"1"}', t_us: 2_000_000, value: 8 },
      { device_id: 'd1', instance: 'ptp4l', metric: 'ptp.steps_removed', labels: '{}', t_us: 1_000_000, value: 1 },
      { device_id: 'd1', instance: 'ptp4l', metric: 'ptp.steps_removed', labels: '{}', t_us: 2_000_000, value: 1 },
    ]);
    expect(db.prepare("SELECT COUNT(*) FROM points p JOIN series s ON s.id = p.series_id JOIN device_keys k ON k.key = s.device_key WHERE k.device_id = 'gone'").pluck().get()).toBe(5);
    db.close();
    rmSync(dir, { recursive: true });
  });
});
