import type { PointColumns } from '../../series/downsample';

/** A rollup bucket as a chart needs it: start, measurements counted, extremes. */
export interface RollupRow {
  tUs: number;
  count: number;
  min: number | null;
  max: number | null;
}

/**
 * Rollup buckets (time order) as points for min/max downsampling: each bucket's minimum and maximum
 * inside it, a bucket without measurements as a gap, and a gap after any stretch with no buckets
 * longer than the series' own cadence (1.5 × the larger of the resolution and the median spacing,
 * so a device polled every two minutes is not cut at every other minute). Lines are never drawn
 * across time nothing was measured in.
 */
export function rollupPoints(rows: readonly RollupRow[], resolutionUs: number): PointColumns {
  const out: PointColumns = { tUs: [], value: [], flags: [] };
  const push = (t: number, v: number | null) => {
    out.tUs.push(t);
    out.value.push(v);
    out.flags.push(0);
  };
  const spacing: number[] = [];
  for (let i = 1; i < rows.length; i++) spacing.push((rows[i] as RollupRow).tUs - (rows[i - 1] as RollupRow).tUs);
  spacing.sort((a, b) => a - b);
  const gapAfterUs = 1.5 * Math.max(resolutionUs, spacing[spacing.length >> 1] ?? 0);
  let prev: RollupRow | null = null;
  for (const r of rows) {
    if (prev && r.tUs - prev.tUs > gapAfterUs) push(prev.tUs + resolutionUs, null);
    if (r.count === 0 || r.min === null || r.max === null) push(r.tUs, null);
    else if (r.min === r.max) push(r.tUs + resolutionUs / 2, r.min);
    else {
      push(r.tUs + resolutionUs / 4, r.min);
      push(r.tUs + (3 * resolutionUs) / 4, r.max);
    }
    prev = r;
  }
  return out;
}
