/**
 * A process that ingests as hard as it can into a data folder's store, for the crash test
 * (crash-durability.test.ts): readings of three series at 8 Hz data time, 400 readings a batch,
 * with the background work (sealing, hour rollups) running. After each flush it prints
 * `ack N`: readings 0..N-1 are committed. The parent SIGKILLs it at a random moment.
 * argv: data dir, device id, first reading index.
 */
import { openStore } from './open-store';

const [dir, deviceId, startArg] = process.argv.slice(2) as [string, string, string];
const T0_US = 1_764_000_000_000_000;
const BATCH = 400;

export const valueAt = (i: number): number => ((i * 2_654_435_761) % 20_001) - 10_000;

const store = openStore(dir, { seriesWrites: { flushAtRows: Number.MAX_SAFE_INTEGER, flushEveryMs: 60_000 }, series: { background: true, nowUs: () => T0_US + 30 * 86_400e6, maintenance: { pauseMs: 0, quietMs: 0 } } });
let next = Number(startArg);

function batch(): void {
  const readings = [];
  for (let i = next; i < next + BATCH; i++) {
    const tUs = T0_US + i * 125_000;
    readings.push({
      deviceId,
      instance: 'ptp4l',
      tUs,
      deviceTimeNs: String(BigInt(tUs) * 1000n + 37_000_000_000n + BigInt(i % 1000)),
      values: [
        { metric: 'ptp.offset_from_master' as const, value: valueAt(i) },
        { metric: 'ptp.mean_path_delay' as const, value: 1500 + (i % 7) },
        { metric: 'ptp.master_offset' as const, value: i % 13 === 0 ? null : -valueAt(i), flags: i % 13 === 0 ? 1 : 0 },
      ],
    });
  }
  store.series.appendReadings(readings);
  if (store.series.flush() > 0) {
    next += BATCH;
    process.stdout.write(`ack ${next}\n`);
  }
  setImmediate(batch);
}
batch();
