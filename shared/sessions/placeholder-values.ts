import { POINT_FLAGS, type Reading } from '../series/series';

/**
 * Numbers other tools write where there is no measurement (reference.md §6): linuxptp-daemon's
 * 999999 for a faulty port, cloud-event-proxy's -9999999999999999 for FREERUN. Logs re-exported by
 * those tools carry them as offsets; imported, they would draw a 1 ms or a 116-day spike. Such a value
 * becomes a gap flagged `sentinel` (shown as n/a, never charted), like linuxptp's own UINT64_MAX.
 */
/** -9999999999999999 is beyond 2^53: as a double (how the parser reads it) it is exactly -1e16. */
export const PLACEHOLDER_OFFSETS: readonly number[] = [999_999, -1e16];

/** Offsets are where these tools write them; a path delay or frequency of 999999 is left alone. */
function isOffsetMetric(metric: string): boolean {
  return metric.endsWith('offset') || metric.includes('_offset');
}

/** Flags placeholder offsets in place; returns how many it flagged. */
export function flagPlaceholders(readings: readonly Reading[]): number {
  let flagged = 0;
  for (const r of readings) {
    for (const v of r.values) {
      if (v.value === null || !PLACEHOLDER_OFFSETS.includes(v.value) || !isOffsetMetric(v.metric)) continue;
      v.value = null;
      v.flags = ((v.flags ?? 0) & ~POINT_FLAGS.inexact) | POINT_FLAGS.sentinel;
      flagged++;
    }
  }
  return flagged;
}
