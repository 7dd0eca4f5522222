import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { POINT_FLAGS } from '../../../shared/series/series';
import { migrate } from './migrate';
import { migrations } from './migrations';
import { openStore } from './open-store';

const T0_US = 1_764_000_000_000_000;

/** A database as Syncscope wrote it before chunks: schema 3, one row per point in `points`. */
function schema3(file: string, deviceId: string, n: number): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  migrate(db, migrations.slice(0, 3));
  db.prepare("INSERT INTO devices (id, name, transport, profile, poll_interval_ms, created_at_ms, updated_at_ms) VALUES (?, 'old', 'local', '{\"instances\":[{\"name\":\"ptp4l\",\"udsPath\":\"/var/run/ptp4l\"}],\"jump\":null}', 125, 0, 0)").run(deviceId);
  db.prepare('INSERT INTO device_keys (device_id) VALUES (?)').run(deviceId);
  db.prepare("INSERT INTO series (device_key, instance, metric, labels) VALUES (1, 'ptp4l', 'ptp.offset_from_master', '{}'), (1, 'ptp4l', 'ptp.mean_path_delay', '{}')").run();
  const insert = db.prepare('INSERT INTO points (series_id, t_us, value, flags, device_time_ns) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const t = T0_US + i * 125_000;
      const ns = i % 100 === 7 ? null : String(BigInt(t) * 1000n + 37_000_000_123n + BigInt(i));
      insert.run(1, t, i % 1000 === 500 ? null : ((i * 2_654_435_761) % 4001) - 2000, i % 1000 === 500 ? POINT_FLAGS.stale : 0, ns);
      insert.run(2, t, 1500 + (i % 3), 0, ns);
    }
  })();
  db.close();
}

describe('the pre-chunk points table (schema 3) after migration 4', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-legacy-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is answered while it waits, then converted into chunks and rollups in background slices, every point and device time kept', () => {
    const deviceId = '6f0c1d2e-0000-4000-8000-000000000001';
    const n = 30_000; // ~1 h 2 min at 8 Hz: several slices (20,000 rows each), many windows, two hours.
    schema3(join(dir, 'syncscope.db'), deviceId, n);
    // The data's own day, so retention keeps all of it.
    const store = openStore(dir, { series: { nowUs: () => T0_US + 86_400e6 } });
    const key = { deviceId, instance: 'ptp4l', metric: 'ptp.offset_from_master' as const, labels: {} };
    const range = { keys: [key], fromUs: T0_US, toUs: T0_US + n * 125_000 };
    const before = store.series.queryRange(range)[0];
    expect(before?.tUs).toHaveLength(n);
    expect(store.series.pointCount(deviceId)).toBe(2 * n);

    store.series.settle();
    expect(store.db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'legacy_points'").pluck().get()).toBe(0);
    expect(store.db.prepare('SELECT SUM(count) FROM chunks c JOIN series s ON s.id = c.series_id WHERE s.metric = ?').pluck().get('ptp.offset_from_master')).toBe(n);
    const after = store.series.queryRange(range)[0];
    expect(after).toEqual(before);
    expect(after?.value[500]).toBeNull();
    expect(after?.flags[500]).toBe(POINT_FLAGS.stale);
    expect(store.series.pointCount(deviceId)).toBe(2 * n);
    // Rollups were built as the chunks were: minutes, days, and (computed in the background) hours.
    expect(store.db.prepare('SELECT SUM(count) FROM rollup_minute WHERE series_id = 1').pluck().get()).toBe(n - n / 1000);
    expect(store.db.prepare('SELECT COUNT(*) FROM rollup_hour WHERE series_id = 1').pluck().get()).toBe(2);
    const times = store.series.queryDeviceTimes(deviceId, 'ptp4l', T0_US, T0_US + n * 125_000);
    expect(times.deviceTimeNs).toHaveLength(n);
    times.deviceTimeNs.forEach((ns, i) => {
      if (ns !== (i % 100 === 7 ? null : String(BigInt(T0_US + i * 125_000) * 1000n + 37_000_000_123n + BigInt(i)))) throw new Error(`device time ${i} is ${ns}`);
    });
    store.close();
  }, 60_000);
});
