import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../electron/core/store/open-store';
import type { Reading } from '../../shared/series/series';
import type { BenchResult } from './poll-transport.bench';
import { PERIOD_US, SyntheticOffsets } from './synthetic-offsets';

/** Issue 8's aims: at least half the bare loop's rate, and 500 k points/s on the 2-core machine. */
const AIM_RATIO = 0.5;
const AIM_POINTS_PER_S = 500_000;
const DEVICES = 10;
const VALUES = 5;
/** The write queue's default batch: one transaction per 500 readings. */
const BATCH = 500;
const ROUNDS = 3;

/**
 * Sustained ingest into the real store: DEVICES devices polled at 8 Hz, each poll one reading of
 * five values (offset, master offset, path delay, steps removed, port state) with the device's own
 * ns time, appended one poll at a time as the collector does, batched by the store's write queue
 * (one transaction per 500 readings) into compressed chunks with their rollups and open segments.
 * Baseline: a bare better-sqlite3 loop inserting the same points (series id, µs, value) into one
 * rowid table without index, one transaction per the same batch. Real files, WAL, synchronous=NORMAL.
 */
export function benchHistoryIngest(polls = 20_000): BenchResult {
  const dir = mkdtempSync(join(tmpdir(), 'syncscope-bench-ingest-'));
  try {
    const gen = new SyntheticOffsets();
    const readings: Reading[] = [];
    for (let p = 0; p < polls; p++) {
      const tUs = gen.timeUs(p);
      for (let d = 0; d < DEVICES; d++) {
        readings.push({
          deviceId: String(d),
          instance: 'ptp4l',
          tUs: tUs + d * 1000,
          deviceTimeNs: String(BigInt(tUs) * 1000n + 37_000_000_000n + BigInt(Math.round(gen.uniform() * 20_000))),
          values: [
            { metric: 'ptp.offset_from_master', value: gen.offsetNs() },
            { metric: 'ptp.master_offset', value: gen.offsetNs() },
            { metric: 'ptp.mean_path_delay', value: 1500 + Math.round(gen.uniform() * 20) },
            { metric: 'ptp.steps_removed', value: 1 },
            { metric: 'ptp.port_state', labels: { port: '1' }, value: 9 },
          ],
        });
      }
    }
    const points = readings.length * VALUES;

    // Each side runs ROUNDS times, alternating, on fresh files; the best round counts (the machine is shared).
    const bareRun = (round: number): number => {
      const bare = new Database(join(dir, `bare-${round}.db`));
      bare.pragma('journal_mode = WAL');
      bare.pragma('synchronous = NORMAL');
      bare.exec('CREATE TABLE points (series_id INTEGER, t_us INTEGER, value REAL)');
      const insert = bare.prepare('INSERT INTO points (series_id, t_us, value) VALUES (?, ?, ?)');
      const bareBatch = bare.transaction((from: number) => {
        for (let i = from; i < Math.min(readings.length, from + BATCH); i++) {
          const r = readings[i] as Reading;
          const base = Number(r.deviceId) * VALUES;
          r.values.forEach((v, k) => insert.run(base + k, r.tUs, v.value));
        }
      });
      const t0 = performance.now();
      for (let i = 0; i < readings.length; i += BATCH) bareBatch(i);
      const s = (performance.now() - t0) / 1000;
      bare.close();
      return s;
    };
    let chunks = 0;
    const storeRun = (round: number): number => {
      const store = openStore(join(dir, `store-${round}`), { seriesWrites: { flushEveryMs: 60_000, flushAtRows: BATCH } });
      const ids = Array.from({ length: DEVICES }, (_, d) => store.devices.add({ transport: 'local', name: `dev-${d}`, pollIntervalMs: 125 }).id);
      const t1 = performance.now();
      for (const r of readings) store.series.appendReadings([{ ...r, deviceId: ids[Number(r.deviceId)] as string }]);
      store.series.flush();
      const s = (performance.now() - t1) / 1000;
      chunks = store.db.prepare('SELECT COUNT(*) FROM chunks').pluck().get() as number;
      store.close();
      return s;
    };
    let bareS = Infinity;
    let storeS = Infinity;
    for (let round = 0; round < ROUNDS; round++) {
      bareS = Math.min(bareS, bareRun(round));
      storeS = Math.min(storeS, storeRun(round));
    }

    const storeRate = points / storeS;
    const bareRate = points / bareS;
    const ratio = storeRate / bareRate;
    const spanS = (polls * PERIOD_US) / 1e6;
    return {
      name: `history ingest (${DEVICES} devices × ${VALUES} values at 8 Hz, ${polls} polls each = ${(points / 1e6).toFixed(1)} M points, ${(spanS / 60).toFixed(0)} min of data; WAL, synchronous=NORMAL)`,
      lines: [
        `baseline  bare INSERT loop, one rowid table, no index:  ${(bareRate / 1000).toFixed(0)} k points/s`,
        `real store (chunks, open segments, rollups, ${chunks} chunks sealed): ${(storeRate / 1000).toFixed(0)} k points/s = ${ratio.toFixed(2)}x the bare loop`,
        `aim ≥ ${AIM_RATIO}x the bare loop and ≥ ${AIM_POINTS_PER_S / 1000} k points/s: ${ratio >= AIM_RATIO && storeRate >= AIM_POINTS_PER_S ? 'met' : 'not met'}`,
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const r = benchHistoryIngest();
  console.log(r.name);
  for (const l of r.lines) console.log(`  ${l}`);
}
