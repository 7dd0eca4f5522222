import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../electron/core/store/open-store';
import { downsampleMinMax } from '../../shared/series/downsample';
import type { Reading } from '../../shared/series/series';
import type { BenchResult } from './poll-transport.bench';
import { PERIOD_US, SyntheticOffsets, T0_US } from './synthetic-offsets';

/** Issue 8's aims: a week of 8 Hz into 2,000 points in under 50 ms and ≥ 100x a naive scan; ≤ 2.0 B per stored point. */
const AIM_MS = 50;
const AIM_SPEEDUP = 100;
const AIM_B_PER_POINT = 2.0;
const MAX_POINTS = 2000;
const DAY_POLLS = 86_400_000_000 / PERIOD_US;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] as number;
}

/** Appends `days` of one device's 8 Hz offsets (and, when asked, its device times) into a fresh store; returns the store's file. */
function fill(dir: string, days: number, deviceTimes: boolean): { file: string; deviceId: string } {
  const store = openStore(dir, { series: { nowUs: () => T0_US + (days + 1) * 86_400e6 } });
  const deviceId = store.devices.add({ transport: 'local', name: 'gm', pollIntervalMs: 125 }).id;
  const gen = new SyntheticOffsets();
  const polls = days * DAY_POLLS;
  for (let from = 0; from < polls; from += 4000) {
    const batch: Reading[] = [];
    for (let i = from; i < Math.min(polls, from + 4000); i++) {
      const tUs = gen.timeUs(i);
      batch.push({ deviceId, instance: 'ptp4l', tUs, deviceTimeNs: deviceTimes ? String(BigInt(T0_US + i * PERIOD_US) * 1000n + 37_000_000_000n + BigInt(Math.round(gen.uniform() * 2000))) : null, values: [{ metric: 'ptp.offset_from_master', value: gen.offsetNs() }] });
    }
    store.series.appendReadings(batch);
  }
  store.series.settle();
  store.close();
  return { file: join(dir, 'syncscope.db'), deviceId };
}

/** The file after VACUUM (its WAL checkpointed), bytes. */
function vacuumedBytes(file: string): number {
  const db = new Database(file);
  db.exec('VACUUM');
  db.close();
  return statSync(file).size;
}

/**
 * Chart queries and bytes on disk for one 8 Hz offset series (σ 3 µs, ms-stamped, the history-bytes
 * model) over 7 days, 4.84 M points, in the real store: the week drawn into 2,000 points (min/max
 * from the minute rollups), against a naive scan of the same raw points from a row-per-point table
 * indexed by (series, time), downsampled the same way; then the store's file after VACUUM, per point.
 */
export function benchHistoryQuery(days = 7): BenchResult {
  const dir = mkdtempSync(join(tmpdir(), 'syncscope-bench-query-'));
  try {
    const points = days * DAY_POLLS;
    const t0 = performance.now();
    const { file, deviceId } = fill(join(dir, 'store'), days, false);
    const fillS = (performance.now() - t0) / 1000;

    const store = openStore(join(dir, 'store'), { series: { nowUs: () => T0_US + (days + 1) * 86_400e6 } });
    const key = { deviceId, instance: 'ptp4l', metric: 'ptp.offset_from_master' as const, labels: {} };
    const q = { keys: [key], fromUs: T0_US, toUs: T0_US + days * 86_400e6, maxPoints: MAX_POINTS };
    const weekMs: number[] = [];
    let answer = store.series.queryRange(q)[0];
    for (let i = 0; i < 3; i++) store.series.queryRange(q);
    for (let i = 0; i < 21; i++) {
      const t = performance.now();
      answer = store.series.queryRange(q)[0];
      weekMs.push(performance.now() - t);
    }
    const hourQ = { ...q, fromUs: T0_US + 86_400e6, toUs: T0_US + 86_400e6 + 3600e6 };
    const hourMs: number[] = [];
    let hourAnswer = store.series.queryRange(hourQ)[0];
    for (let i = 0; i < 11; i++) {
      const t = performance.now();
      hourAnswer = store.series.queryRange(hourQ)[0];
      hourMs.push(performance.now() - t);
    }
    const stored = store.db.prepare('SELECT SUM(count), SUM(length(data)), COUNT(*) FROM chunks').raw().get() as [number, number, number];
    store.close();

    // Baseline: the same points, one row each, indexed by (series, time); scanned and downsampled.
    const naive = new Database(join(dir, 'naive.db'));
    naive.pragma('journal_mode = WAL');
    naive.exec('CREATE TABLE points (series_id INTEGER NOT NULL, t_us INTEGER NOT NULL, value REAL, flags INTEGER NOT NULL); CREATE INDEX points_by_series_time ON points (series_id, t_us)');
    const gen = new SyntheticOffsets();
    const insert = naive.prepare('INSERT INTO points VALUES (1, ?, ?, 0)');
    naive.transaction(() => {
      for (let i = 0; i < points; i++) insert.run(gen.timeUs(i), gen.offsetNs());
    })();
    const scan = naive.prepare('SELECT t_us, value, flags FROM points WHERE series_id = 1 AND t_us >= ? AND t_us <= ? ORDER BY t_us').raw();
    const naiveMs: number[] = [];
    for (let i = 0; i < 2; i++) {
      const t = performance.now();
      const cols = { tUs: [] as number[], value: [] as (number | null)[], flags: [] as number[] };
      for (const [tUs, v, f] of scan.iterate(q.fromUs, q.toUs) as IterableIterator<[number, number | null, number]>) {
        cols.tUs.push(tUs);
        cols.value.push(v);
        cols.flags.push(f);
      }
      downsampleMinMax(cols, q.fromUs, q.toUs, MAX_POINTS);
      naiveMs.push(performance.now() - t);
    }
    naive.close();

    const bytes = vacuumedBytes(file);
    const bPerPoint = bytes / points;
    // The device's own ns times cost a stream of their own: measured on one day apart.
    const withTimes = vacuumedBytes(fill(join(dir, 'times'), 1, true).file);
    const withoutTimes = vacuumedBytes(fill(join(dir, 'plain'), 1, false).file);
    const timesB = (withTimes - withoutTimes) / DAY_POLLS;

    const week = median(weekMs);
    const speedup = median(naiveMs) / week;
    return {
      name: `history queries and bytes (one 8 Hz offset series, σ 3 µs, ${days} days = ${(points / 1e6).toFixed(2)} M points; filled and rolled up in ${fillS.toFixed(0)} s)`,
      lines: [
        `baseline  naive scan of the raw rows (indexed row-per-point table) + min/max: ${median(naiveMs).toFixed(0)} ms`,
        `the week into ${MAX_POINTS} points from the ${answer?.tier} tier: ${week.toFixed(1)} ms median (${answer?.tUs.length} points) = ${speedup.toFixed(0)}x faster; aim < ${AIM_MS} ms and ≥ ${AIM_SPEEDUP}x: ${week < AIM_MS && speedup >= AIM_SPEEDUP ? 'met' : 'not met'}`,
        `one hour of it into ${MAX_POINTS} points from the ${hourAnswer?.tier} tier: ${median(hourMs).toFixed(1)} ms median (${hourAnswer?.tUs.length} points)`,
        `store file after VACUUM: ${(bytes / 1e6).toFixed(2)} MB = ${bPerPoint.toFixed(2)} B/point (chunk blobs ${(stored[1] / stored[0]).toFixed(2)} B/point in ${stored[2]} chunks; the rest rows, rollups, indexes); aim ≤ ${AIM_B_PER_POINT}: ${bPerPoint <= AIM_B_PER_POINT ? 'met' : 'not met'}`,
        `the device's own ns times (a stream beside the values, one per reading): +${timesB.toFixed(2)} B per reading`,
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const r = benchHistoryQuery();
  console.log(r.name);
  for (const l of r.lines) console.log(`  ${l}`);
}
