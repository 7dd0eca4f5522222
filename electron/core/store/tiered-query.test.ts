import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { POINT_FLAGS, type Reading } from '../../../shared/series/series';
import { openStore, type Store } from './open-store';
import type { SeriesStoreOptions } from './open-store';

const T0_US = 1_764_000_000_000_000; // on an hour boundary
const DAY_US = 86_400e6;

describe('chart queries answered from the right tier', { timeout: 60_000 }, () => {
  let dir: string;
  let store: Store;
  let deviceId: string;
  let nowUs = T0_US;
  const key = () => ({ deviceId, instance: 'ptp4l', metric: 'ptp.offset_from_master' as const, labels: {} });
  const open = (series: Omit<SeriesStoreOptions, 'writes'> = {}) => {
    store = openStore(dir, { series: { nowUs: () => nowUs, maintenance: { quietMs: 0 }, ...series } });
    deviceId = store.devices.list()[0]?.id ?? store.devices.add({ transport: 'local', name: 'here', pollIntervalMs: 1000 }).id;
  };
  /** Points every `periodUs` over [fromUs, toUs), value from `at`, null to skip (no reading at all). */
  const fill = (fromUs: number, toUs: number, periodUs: number, at: (tUs: number) => { value: number | null; flags?: number } | null) => {
    let batch: Reading[] = [];
    for (let t = fromUs; t < toUs; t += periodUs) {
      const v = at(t);
      if (v) batch.push({ deviceId, instance: 'ptp4l', tUs: t, deviceTimeNs: null, values: [{ metric: 'ptp.offset_from_master', value: v.value, flags: v.flags ?? 0 }] });
      if (batch.length === 5000) {
        store.series.appendReadings(batch);
        batch = [];
      }
    }
    store.series.appendReadings(batch);
    store.series.flush();
  };
  const wave = (t: number) => Math.round(Math.sin(t / 3.7e9) * 10_000 + ((t / 1e6) % 17));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-tiers-'));
    nowUs = T0_US;
    open();
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('draws two hours of 1 Hz from raw points, min/max per bucket, within the budget', () => {
    fill(T0_US, T0_US + 2 * 3600e6, 1e6, (t) => ({ value: wave(t) }));
    nowUs = T0_US + 2 * 3600e6;
    const [all] = store.series.queryRange({ keys: [key()], fromUs: T0_US, toUs: nowUs });
    const [cols] = store.series.queryRange({ keys: [key()], fromUs: T0_US, toUs: nowUs, maxPoints: 2000 });
    expect(all?.tUs).toHaveLength(7200);
    expect(cols).toMatchObject({ tier: 'raw', downsampled: true });
    expect(cols!.tUs.length).toBeLessThanOrEqual(2000);
    const numbers = (c: typeof cols) => c!.value.filter((v): v is number => v !== null);
    expect(Math.max(...numbers(cols))).toBe(Math.max(...numbers(all)));
    expect(Math.min(...numbers(cols))).toBe(Math.min(...numbers(all)));
    // Within the budget whole: raw, untouched.
    const [few] = store.series.queryRange({ keys: [key()], fromUs: T0_US, toUs: T0_US + 600e6, maxPoints: 2000 });
    expect(few).toMatchObject({ tier: 'raw', downsampled: false });
    expect(few?.tUs).toHaveLength(601);
  });

  it('draws a week from minute rollups, keeping a stretch without data and a minute of stale values as gaps', () => {
    const hole = [T0_US + 3 * DAY_US, T0_US + 3 * DAY_US + 6 * 3600e6];
    const staleMinute = T0_US + 5 * DAY_US;
    fill(T0_US, T0_US + 7 * DAY_US, 10e6, (t) => (t >= hole[0]! && t < hole[1]! ? null : t >= staleMinute && t < staleMinute + 60e6 ? { value: 0, flags: POINT_FLAGS.stale } : { value: wave(t) }));
    nowUs = T0_US + 7 * DAY_US;
    store.series.settle();
    const [cols] = store.series.queryRange({ keys: [key()], fromUs: T0_US, toUs: nowUs, maxPoints: 2000 });
    expect(cols).toMatchObject({ tier: 'minute', downsampled: true });
    expect(cols!.tUs.length).toBeLessThanOrEqual(2000);
    const gapAt = cols!.tUs.filter((t, i) => cols!.value[i] === null);
    expect(gapAt.some((t) => t >= hole[0]! && t < hole[1]!)).toBe(true);
    expect(gapAt.some((t) => t >= staleMinute && t < staleMinute + 60e6)).toBe(true);
    // No line across the hole: nothing but the gap is drawn inside it.
    expect(cols!.tUs.filter((t, i) => t > hole[0]! + 60e6 && t < hole[1]! && cols!.value[i] !== null)).toEqual([]);
    const [raw] = store.series.queryRange({ keys: [key()], fromUs: T0_US, toUs: nowUs });
    const measured = raw!.value.filter((v, i): v is number => v !== null && raw!.flags[i] === 0);
    const drawn = cols!.value.filter((v): v is number => v !== null);
    expect(Math.max(...drawn)).toBe(Math.max(...measured));
    expect(Math.min(...drawn)).toBe(Math.min(...measured));
  });

  it('draws four months from hour rollups (from minutes until the hours are computed), and says so', () => {
    fill(T0_US, T0_US + 120 * DAY_US, 300e6, (t) => ({ value: wave(t) }));
    nowUs = T0_US + 120 * DAY_US;
    const q = { keys: [key()], fromUs: T0_US, toUs: nowUs, maxPoints: 2000 };
    const [early] = store.series.queryRange(q);
    expect(early?.tier).toBe('hour');
    store.series.settle();
    // Every hour but those the still-open chunk (the last 256 points) reaches into.
    expect(store.db.prepare('SELECT COUNT(*) FROM rollup_hour').pluck().get()).toBeGreaterThan(119 * 24 - 256 / 12);
    const [late] = store.series.queryRange(q);
    expect(late).toMatchObject({ tier: 'hour', downsampled: true });
    expect(late!.tUs.length).toBeLessThanOrEqual(2000);
    const extremes = (c: typeof late) => [Math.min(...c!.value.filter((v): v is number => v !== null)), Math.max(...c!.value.filter((v): v is number => v !== null))];
    expect(extremes(late)).toEqual(extremes(early));
    const [years] = store.series.queryRange({ ...q, fromUs: nowUs - 3 * 365 * DAY_US });
    expect(years?.tier).toBe('day');
  });

  it('keeps exact percentiles per hour, of measurements only', () => {
    // 3600 points in one hour: values 1..3600 shuffled, plus transient spikes that must not count.
    const order = Array.from({ length: 3600 }, (_, i) => ((i * 1597) % 3600) + 1);
    fill(T0_US, T0_US + 3600e6, 1e6, (t) => ({ value: order[(t - T0_US) / 1e6]! }));
    fill(T0_US + 500_000, T0_US + 10e6, 1e6, () => ({ value: -1e9, flags: POINT_FLAGS.transient }));
    nowUs = T0_US + 2 * 3600e6;
    store.series.settle();
    expect(store.db.prepare('SELECT count, min, max, p50, p95, p99, max_abs FROM rollup_hour').all()).toEqual([{ count: 3600, min: 1, max: 3600, p50: 1800, p95: 3420, p99: 3564, max_abs: 3600 }]);
  });

  it('applies retention per tier in background slices and answers old ranges from what is kept', () => {
    store.close();
    open({ retention: { raw: 14 * 86_400_000, minute: 30 * 86_400_000, hour: null, day: null } });
    fill(T0_US, T0_US + 40 * DAY_US, 60e6, (t) => ({ value: wave(t) }));
    nowUs = T0_US + 40 * DAY_US;
    const before = store.series.pointCount(deviceId);
    store.series.settle();
    // Whole chunks go once their last point is past the horizon.
    const rawUntil = store.db.prepare('SELECT MIN(t1_us) FROM chunks').pluck().get() as number;
    expect(rawUntil).toBeGreaterThanOrEqual(nowUs - 14 * DAY_US);
    expect(rawUntil).toBeLessThan(nowUs - 13 * DAY_US);
    expect(store.series.pointCount(deviceId)).toBeLessThan(before / 2);
    expect(store.db.prepare('SELECT MIN(t_min) FROM rollup_minute').pluck().get() as number).toBeGreaterThanOrEqual((nowUs - 30 * DAY_US) / 60e6 - 1);
    // An hour 20 days ago: raw is gone, its minutes answer.
    const [old] = store.series.queryRange({ keys: [key()], fromUs: nowUs - 20 * DAY_US, toUs: nowUs - 20 * DAY_US + 3600e6, maxPoints: 2000 });
    expect(old?.tier).toBe('minute');
    expect(old!.value.filter((v) => v !== null).length).toBeGreaterThan(50);
    // An hour 35 days ago: only hours are left.
    const [older] = store.series.queryRange({ keys: [key()], fromUs: nowUs - 35 * DAY_US, toUs: nowUs - 35 * DAY_US + 6 * 3600e6, maxPoints: 2000 });
    expect(older?.tier).toBe('hour');
    expect(older!.value.filter((v) => v !== null).length).toBeGreaterThan(0);
  });
});
