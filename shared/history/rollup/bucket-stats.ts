import { isStatistic } from './stat-point';

/** One bucket of a minute or day rollup: how many measurements, their extremes and sum (mean = sum / count). */
export interface BucketStats {
  tUs: number;
  count: number;
  min: number | null;
  max: number | null;
  sum: number;
}

export interface PointsLike {
  tUs: ArrayLike<number>;
  /** null or NaN is a gap. */
  value: ArrayLike<number | null>;
  flags: ArrayLike<number>;
}

/**
 * Points into UTC-aligned buckets of `resolutionUs`, in order of first appearance. A bucket whose
 * points are all gaps or not measurements is kept with count 0: a chart shows it as a gap, where a
 * missing bucket would let a line bridge it.
 */
export function bucketStats(points: PointsLike, resolutionUs: number, from = 0, to = points.tUs.length): BucketStats[] {
  const byStart = new Map<number, BucketStats>();
  for (let i = from; i < to; i++) {
    const t = Math.floor((points.tUs[i] as number) / resolutionUs) * resolutionUs;
    let b = byStart.get(t);
    if (!b) byStart.set(t, (b = { tUs: t, count: 0, min: null, max: null, sum: 0 }));
    const v = points.value[i];
    if (!isStatistic(v, points.flags[i] ?? 0)) continue;
    b.count++;
    b.sum += v;
    if (b.min === null || v < b.min) b.min = v;
    if (b.max === null || v > b.max) b.max = v;
  }
  return [...byStart.values()];
}

/** Two rollups of the same bucket as one (a minute split across two chunks, late points). */
export function mergeBuckets(a: BucketStats, b: BucketStats): BucketStats {
  const min = a.min === null ? b.min : b.min === null ? a.min : Math.min(a.min, b.min);
  const max = a.max === null ? b.max : b.max === null ? a.max : Math.max(a.max, b.max);
  return { tUs: a.tUs, count: a.count + b.count, min, max, sum: a.sum + b.sum };
}
