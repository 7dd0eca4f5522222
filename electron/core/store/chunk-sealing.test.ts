import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { POINT_FLAGS, type Reading } from '../../../shared/series/series';
import { openStore, type Store } from './open-store';

/** A 10-minute boundary, so windows are easy to reason about. */
const T0_US = 1_764_000_000_000_000;
const PERIOD_US = 125_000;

describe('chunks of a series on a real SQLite file', () => {
  let dir: string;
  let store: Store;
  let deviceId: string;
  const reading = (i: number, value: number | null, deviceTimeNs: string | null = null, flags = 0): Reading => ({
    deviceId,
    instance: 'ptp4l',
    tUs: T0_US + i * PERIOD_US,
    deviceTimeNs,
    values: [{ metric: 'ptp.offset_from_master', value, flags }],
  });
  const key = () => ({ deviceId, instance: 'ptp4l', metric: 'ptp.offset_from_master' as const, labels: {} });
  const count = (table: string) => store.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-chunks-'));
    store = openStore(dir);
    deviceId = store.devices.add({ transport: 'local', name: 'here', pollIntervalMs: 125 }).id;
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('seals a chunk when its 10-minute window closes, with minute and day rollups of its measurements only', () => {
    // 10 minutes and 1 s at 8 Hz: one full window and the start of the next.
    const n = 4808;
    const values = Array.from({ length: n }, (_, i) => (i === 10 ? null : ((i * 7919) % 2001) - 1000));
    store.series.appendReadings(values.map((v, i) => reading(i, v, null, i === 20 ? POINT_FLAGS.transient : i === 30 ? POINT_FLAGS.stale : 0)));
    store.series.flush();
    expect(store.db.prepare('SELECT count, value_count FROM chunks').all()).toEqual([{ count: 4800, value_count: 4799 }]);
    expect(store.series.pointCount(deviceId)).toBe(n);
    const minutes = store.db.prepare('SELECT t_min, count, min, max, sum FROM rollup_minute ORDER BY t_min').all() as { t_min: number; count: number; min: number; max: number; sum: number }[];
    expect(minutes).toHaveLength(10);
    // The gap, the transient and the stale point count in no statistic.
    const first = values.slice(0, 480).filter((v, i): v is number => v !== null && i !== 20 && i !== 30);
    expect(minutes[0]).toEqual({ t_min: T0_US / 60e6, count: first.length, min: Math.min(...first), max: Math.max(...first), sum: first.reduce((a, b) => a + b, 0) });
    expect(store.db.prepare('SELECT SUM(count) FROM rollup_day').pluck().get()).toBe(minutes.reduce((a, m) => a + m.count, 0));
    // Everything, sealed and open, comes back exactly, gap and flags included.
    const [cols] = store.series.queryRange({ keys: [key()], fromUs: T0_US, toUs: T0_US + n * PERIOD_US });
    expect(cols?.value).toEqual(values);
    expect(cols?.flags[20]).toBe(POINT_FLAGS.transient);
    expect(cols?.tUs).toEqual(values.map((_, i) => T0_US + i * PERIOD_US));
  });

  it('keeps the open chunk across a restart and goes on filling it', () => {
    store.series.appendReadings([reading(0, 1), reading(1, 2)]);
    store.close();
    store = openStore(dir);
    store.series.appendReadings([reading(2, 3)]);
    store.close();
    store = openStore(dir);
    expect(count('chunks')).toBe(0);
    expect(store.series.queryRange({ keys: [key()], fromUs: T0_US, toUs: T0_US + 1e9 })[0]?.value).toEqual([1, 2, 3]);
    // A day later: the chunk has reached its longest span and is sealed with what it holds.
    store.series.appendReadings([reading(700_000, 4)]);
    store.series.flush();
    expect(store.db.prepare('SELECT count FROM chunks').pluck().all()).toEqual([3]);
    expect(store.series.queryRange({ keys: [key()], fromUs: T0_US, toUs: T0_US + 1e12 })[0]?.value).toEqual([1, 2, 3, 4]);
  });

  it('rewrites many small segments as one, so an open chunk stays a few rows', () => {
    for (let i = 0; i < 100; i++) {
      store.series.appendReadings([reading(i, i)]);
      store.series.flush();
    }
    expect(count('open_segments')).toBeLessThanOrEqual(32);
    expect(store.series.queryRange({ keys: [key()], fromUs: T0_US, toUs: T0_US + 1e9 })[0]?.value).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('seals a series that went quiet for 15 minutes, and drops a removed device\'s open chunk instead', () => {
    store.close();
    let nowUs = T0_US;
    store = openStore(dir, { series: { nowUs: () => nowUs, maintenance: { quietMs: 0 } } });
    const other = store.devices.add({ transport: 'local', name: 'gone', pollIntervalMs: 125 }).id;
    store.series.appendReadings([reading(0, 5), { ...reading(0, 6), deviceId: other }]);
    store.series.settle();
    expect(count('chunks')).toBe(0);
    nowUs = T0_US + 14 * 60e6;
    store.series.settle();
    expect(count('chunks')).toBe(0);
    nowUs = T0_US + 16 * 60e6;
    store.devices.remove(other);
    store.series.settle();
    expect(store.db.prepare('SELECT count FROM chunks').pluck().all()).toEqual([1]);
    expect(store.series.pointCount(deviceId)).toBe(1);
  });

  it('keeps the device\'s own ns time exactly, beyond 2^53 and across a step a double cannot carry', () => {
    const times = ['1764000000000000123', '1764000000125000999', null, '99999999999999999999', '-5', '1764000000500000001'];
    store.series.appendReadings(times.map((ns, i) => reading(i, i, ns)));
    store.series.appendReadings(Array.from({ length: 4800 }, (_, i) => reading(i + 6, 0, String(1_764_000_000_750_000_000n + BigInt(i) * 125_000_017n))));
    store.series.flush();
    expect(count('chunks')).toBeGreaterThan(1);
    const back = store.series.queryDeviceTimes(deviceId, 'ptp4l', T0_US, T0_US + 1e12);
    expect(back.deviceTimeNs.slice(0, 6)).toEqual(times.map((t) => (t === null ? null : BigInt(t).toString())));
    expect(back.deviceTimeNs[4805]).toBe(String(1_764_000_000_750_000_000n + 4799n * 125_000_017n));
    // The hidden series is no metric: listing shows only the offset.
    expect(store.series.listSeries(deviceId).map((s) => s.metric)).toEqual(['ptp.offset_from_master']);
  });
});
