import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One series as Prometheus gets it: a label value, times (µs) and values already in the unit exported. */
export interface PromSeries {
  device: string;
  tUs: ArrayLike<number>;
  value: ArrayLike<number>;
}

export interface PromBlockBytes {
  samples: number;
  /** Chunks in the blocks (Prometheus cuts one at 120 samples at most, sooner early in a block). */
  chunks: number;
  /** Bytes of the blocks' `chunks/` segment files (the samples themselves). */
  chunkBytes: number;
  /** Bytes of the whole block folders (chunks, index, meta.json, tombstones). */
  blockBytes: number;
}

/** Whether Debian's promtool (or any on PATH) can be run; the bench skips Prometheus plainly without it. */
export function promtoolVersion(): string | null {
  try {
    const out = execFileSync('promtool', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return /version (\S+)/.exec(out)?.[1] ?? 'unknown version';
  } catch {
    return null;
  }
}

function bytesUnder(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    total += e.isDirectory() ? bytesUnder(p) : statSync(p).size;
  }
  return total;
}

/**
 * Writes the series as OpenMetrics text (timestamps in seconds with 3 decimals: Prometheus keeps
 * milliseconds, so a µs time is floored to its ms) and builds TSDB blocks from it with
 * `promtool tsdb create-blocks-from openmetrics`, the backfill path Prometheus itself documents.
 */
export function prometheusBlockBytes(dir: string, metric: string, series: readonly PromSeries[]): PromBlockBytes {
  const lines = [`# TYPE ${metric} gauge`];
  let samples = 0;
  for (const s of series) {
    for (let i = 0; i < s.tUs.length; i++) {
      const ms = Math.floor((s.tUs[i] as number) / 1000);
      lines.push(`${metric}{device="${s.device}"} ${s.value[i] as number} ${Math.floor(ms / 1000)}.${String(ms % 1000).padStart(3, '0')}`);
      samples++;
    }
  }
  lines.push('# EOF', '');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'series.om');
  const out = join(dir, 'blocks');
  writeFileSync(file, lines.join('\n'));
  execFileSync('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', file, out], { stdio: ['ignore', 'ignore', 'pipe'] });
  let chunkBytes = 0;
  let blockBytes = 0;
  let stored = 0;
  let chunks = 0;
  for (const block of readdirSync(out, { withFileTypes: true })) {
    if (!block.isDirectory()) continue;
    blockBytes += bytesUnder(join(out, block.name));
    chunkBytes += bytesUnder(join(out, block.name, 'chunks'));
    const meta = JSON.parse(readFileSync(join(out, block.name, 'meta.json'), 'utf8')) as { stats?: { numSamples?: number; numChunks?: number } };
    stored += meta.stats?.numSamples ?? 0;
    chunks += meta.stats?.numChunks ?? 0;
  }
  // A sample promtool dropped (out of order, duplicate time) would flatter its bytes per point.
  if (stored !== samples) throw new Error(`promtool stored ${stored} of ${samples} samples`);
  return { samples, chunks, chunkBytes, blockBytes };
}
