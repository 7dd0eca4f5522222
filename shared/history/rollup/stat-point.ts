import { POINT_FLAGS } from '../../series/series';

/**
 * Whether a point counts in rollups: a measurement (not a gap, stale or a sentinel, see
 * isMeasurement) that is also not transient (before lock) nor around a clock step, whose absurd
 * values would swamp a minute's min/max or an hour's percentiles.
 */
const NOT_A_STATISTIC = POINT_FLAGS.stale | POINT_FLAGS.sentinel | POINT_FLAGS.transient | POINT_FLAGS.step;

export function isStatistic(value: number | null | undefined, flags: number): value is number {
  return value !== null && value !== undefined && !Number.isNaN(value) && (flags & NOT_A_STATISTIC) === 0;
}
