import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prometheusBlockBytes, promtoolVersion } from '../bench/prometheus-block-bytes';
import { skipUnlessAvailable } from '../support/skip';

const promtool = promtoolVersion();
const skip = skipUnlessAvailable('Prometheus block tests', promtool === null ? 'promtool (Debian package prometheus) is not installed' : null);
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

// The history bytes bench compares our chunks with the blocks Debian's promtool builds: this checks
// that helper against the real promtool (Prometheus cuts a chunk at 120 samples at most).
describe.skipIf(skip !== null)('Prometheus blocks built by promtool', () => {
  it('holds every sample of each series, at most 120 to a chunk, and counts the chunks apart from the whole block', () => {
    const dir = mkdtempSync(join(tmpdir(), 'syncscope-prom-'));
    dirs.push(dir);
    const t0 = 1_700_006_400_000_000;
    const series = ['a', 'b'].map((device, k) => ({
      device,
      tUs: Array.from({ length: 240 }, (_, i) => t0 + i * 125_000 + 1000 + k * 7),
      value: Array.from({ length: 240 }, (_, i) => ((i * 7919 + k) % 6001) - 3000),
    }));
    const r = prometheusBlockBytes(dir, 'offset_ns', series);
    expect(r.samples).toBe(480);
    expect(r.chunks).toBeGreaterThanOrEqual(4);
    expect(r.chunks).toBeLessThan(480);
    expect(r.chunkBytes).toBeGreaterThan(480);
    expect(r.blockBytes).toBeGreaterThan(r.chunkBytes);
  });
});
