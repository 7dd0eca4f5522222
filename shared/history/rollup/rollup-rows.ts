import type { HourStats } from './hour-stats';

/**
 * A series' rollup rows over a selection, as the store keeps them: per minute and per day (count,
 * min, max, mean), per hour (count, min, max, p50, p95, p99, max |x|). A bucket with no measurement
 * has count 0 and nulls. Times are the buckets' UTC-aligned starts, µs.
 */
export interface MeanBucket {
  tUs: number;
  count: number;
  min: number | null;
  max: number | null;
  mean: number | null;
}

/** An hour bucket is the hour rollup itself (hour-stats.ts). */
export type HourBucket = HourStats;

export interface SeriesRollups {
  minute: MeanBucket[];
  hour: HourBucket[];
  day: MeanBucket[];
}

export const MEAN_BUCKET_COLUMNS = ['tUs', 'count', 'min', 'max', 'mean'] as const;
export const HOUR_BUCKET_COLUMNS = ['tUs', 'count', 'min', 'max', 'p50', 'p95', 'p99', 'maxAbs'] as const;

/** A bucket's count and sum as its mean; null when it held no measurement. */
export function meanOf(count: number, sum: number): number | null {
  return count > 0 ? sum / count : null;
}
