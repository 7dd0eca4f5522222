import type { Statement } from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PtpSample } from '../../shared/domain/ptp';
import { openStore } from '../../electron/core/store/open-store';
import { INSERT_SAMPLE_SQL, sampleParams } from '../../electron/core/store/samples-repo';
import type { BenchResult } from './poll-transport.bench';

/**
 * Cost per stored sample: one autocommit INSERT each (what the engine did) against the engine's
 * write queue (one transaction per 500 rows), on real SQLite files in WAL mode, synchronous=NORMAL.
 */
export function benchSampleWrites(samples = 20_000): BenchResult {
  const dir = mkdtempSync(join(tmpdir(), 'syncscope-bench-writes-'));
  try {
    const run = (name: string, write: (store: ReturnType<typeof openStore>, s: PtpSample) => void) => {
      const store = openStore(join(dir, name));
      const deviceId = store.devices.add({ transport: 'local', name: 'bench', udsPath: '/var/run/ptp4l', pollIntervalMs: 1000 }).id;
      const make = (i: number): PtpSample => ({ deviceId, tMs: i, masterOffsetNs: i, offsetFromMasterNs: -i, meanPathDelayNs: 1500, stepsRemoved: 1, gmPresent: true, gmIdentity: '001122.fffe.334455', portState: 'SLAVE', ports: [] });
      for (let i = 0; i < 500; i++) write(store, make(i));
      const t0 = performance.now();
      for (let i = 500; i < samples + 500; i++) write(store, make(i));
      store.samples.flush();
      const us = ((performance.now() - t0) * 1000) / samples;
      store.close();
      return us;
    };
    let autocommit: Statement<unknown[]> | null = null;
    const autoUs = run('autocommit', (store, s) => {
      autocommit ??= store.db.prepare<unknown[]>(INSERT_SAMPLE_SQL);
      autocommit.run(...sampleParams(s));
    });
    const batchedUs = run('batched', (store, s) => store.samples.insert(s));
    return {
      name: `sample writes (${samples} samples, SQLite WAL, synchronous=NORMAL)`,
      lines: [
        `baseline  autocommit INSERT per sample: ${autoUs.toFixed(2)} µs/sample`,
        `write queue, 500 rows per transaction: ${batchedUs.toFixed(2)} µs/sample (${(autoUs / batchedUs).toFixed(1)}x faster)`,
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
