import { isMeasurement, POINT_FLAGS } from '../../series/series';

/** Real but not to be trusted for statistics: before lock, or around a clock step. */
const UNTRUSTED = POINT_FLAGS.transient | POINT_FLAGS.step;

/** A value that counts in a summary or a timing analysis: a fresh measurement, not transient, not a step. */
export function isCleanMeasurement(value: number | null | undefined, flags: number | undefined): value is number {
  return value !== undefined && isMeasurement({ value, flags }) && ((flags ?? 0) & UNTRUSTED) === 0 && Number.isFinite(value);
}

/** A point that says the measurement is missing (a gap, stale, a sentinel): transient and step points are real, so not gaps. */
export function isGapMarker(value: number | null | undefined, flags: number | undefined): boolean {
  return value === undefined || !isMeasurement({ value, flags });
}
