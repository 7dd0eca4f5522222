import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillHistory } from '../../../test/support/history-data';
import { runCliFromSource } from '../../../test/support/cli-source';
import { openStore } from '../store/open-store';

type Tier = { columns: string[]; rows: (number | null)[][] };

describe('syncscope export --format json, on a data folder', { timeout: 90_000 }, () => {
  let dir: string;
  // Twenty whole minutes three hours back, at 1 Hz.
  const T0 = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3 * 3_600_000;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-export-cli-'));
    const store = openStore(join(dir, 'data'));
    try {
      fillHistory(store, { name: 'gm-1', startMs: T0, seconds: 1200, hz: 1, offsetAt: (i) => i % 60 });
    } finally {
      store.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes each series with its points and its minute, hour and day rollup rows', async () => {
    const r = await runCliFromSource(['export', '--device', 'gm-1', '--format', 'json', '--metric', 'ptp.offset_from_master', '--from', new Date(T0).toISOString(), '--to', new Date(T0 + 1_199_000).toISOString(), '--data', join(dir, 'data')], join(dir, 'default'));
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { version: number; series: { points: unknown[]; rollups: Record<'minute' | 'hour' | 'day', Tier> }[] };
    expect(doc.version).toBe(2);
    const [s] = doc.series;
    expect(s!.points).toHaveLength(1200);
    // Each minute holds 0 … 59 once: count 60, min 0, max 59, mean 29.5.
    expect(s!.rollups.minute.rows).toEqual(Array.from({ length: 20 }, (_, m) => [(T0 + m * 60_000) * 1000, 60, 0, 59, 29.5]));
    expect(s!.rollups.day.rows).toEqual([[Math.floor(T0 / 86_400_000) * 86_400_000 * 1000, 1200, 0, 59, 29.5]]);
    expect(s!.rollups.hour.columns).toEqual(['tUs', 'count', 'min', 'max', 'p50', 'p95', 'p99', 'maxAbs']);
  });
});
