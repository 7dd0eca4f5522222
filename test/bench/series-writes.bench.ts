import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../electron/core/store/open-store';
import type { Reading } from '../../shared/series/series';
import type { BenchResult } from './poll-transport.bench';

/**
 * Cost per stored value: the engine's batched appendReadings (series ids resolved, one transaction
 * per 500 readings, points indexed by series and time) against the floor of a bare better-sqlite3
 * loop inserting into one rowid table inside one transaction. Real SQLite files, WAL, synchronous=NORMAL.
 */
export function benchSeriesWrites(readings = 20_000): BenchResult {
  const dir = mkdtempSync(join(tmpdir(), 'syncscope-bench-series-'));
  const valuesPerReading = 5;
  try {
    // Baseline: the same number of values, one rowid table, no index, one transaction per 500 readings' values.
    const bare = new Database(join(dir, 'bare.db'));
    bare.pragma('journal_mode = WAL');
    bare.pragma('synchronous = NORMAL');
    bare.exec('CREATE TABLE t (a INTEGER, b INTEGER, c REAL)');
    const ins = bare.prepare('INSERT INTO t (a, b, c) VALUES (?, ?, ?)');
    const batch = bare.transaction((from: number) => {
      for (let i = from; i < from + 500; i++) for (let v = 0; v < valuesPerReading; v++) ins.run(v, i, i * 0.5);
    });
    const t0 = performance.now();
    for (let i = 0; i < readings; i += 500) batch(i);
    const bareUs = ((performance.now() - t0) * 1000) / (readings * valuesPerReading);
    bare.close();

    const store = openStore(join(dir, 'store'), { seriesWrites: { flushEveryMs: 60_000 } });
    const deviceId = store.devices.add({ transport: 'local', name: 'bench', pollIntervalMs: 1000 }).id;
    const make = (i: number): Reading => ({
      deviceId,
      instance: 'ptp4l',
      tUs: 1_700_000_000_000_000 + i * 1000,
      deviceTimeNs: '1700000000000000000',
      values: [
        { metric: 'ptp.offset_from_master', value: -i },
        { metric: 'ptp.master_offset', value: i },
        { metric: 'ptp.mean_path_delay', value: 1500 },
        { metric: 'ptp.steps_removed', value: 1 },
        { metric: 'ptp.port_state', labels: { port: '1' }, value: 9 },
      ],
    });
    for (let i = 0; i < 500; i++) store.series.appendReadings([make(-1 - i)]);
    store.series.flush();
    const t1 = performance.now();
    for (let i = 0; i < readings; i++) store.series.appendReadings([make(i)]);
    store.series.flush();
    const storeUs = ((performance.now() - t1) * 1000) / (readings * valuesPerReading);
    store.close();
    return {
      name: `series writes (${readings} readings × ${valuesPerReading} values, SQLite WAL, synchronous=NORMAL)`,
      lines: [
        `baseline  bare INSERT loop, one rowid table, no index: ${bareUs.toFixed(2)} µs/value`,
        `appendReadings, batched (series ids, points index):   ${storeUs.toFixed(2)} µs/value (${(storeUs / bareUs).toFixed(2)}x the bare loop)`,
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
