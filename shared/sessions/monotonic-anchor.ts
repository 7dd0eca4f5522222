/**
 * Anchors linuxptp's `[seconds]` (the device's CLOCK_MONOTONIC) to wall time, from lines that carry
 * both (a syslog or journal stamp around linuxptp's own). Every such line bounds the offset
 * wall − monotonic: a whole-second stamp is truncated, so its bound is low by up to a second and the
 * largest seen is the best; a sub-second stamp is late by the logging delay, so the smallest is. A
 * line far from the current offset (a reboot, a stepped wall clock, months of drift) re-anchors.
 * Lines are then stamped monotonic + offset: 8 Hz samples inside one syslog second keep their order
 * and spacing instead of sharing a stamp.
 */
export class MonotonicAnchor {
  private offsetMs: number | null = null;

  /** A line with both times; `wholeSeconds` when its wall stamp has no fraction. */
  observe(monotonicS: number, wallMs: number, wholeSeconds: boolean): void {
    const candidate = wallMs - monotonicS * 1000;
    const current = this.offsetMs;
    const limitMs = wholeSeconds ? 1500 : 100;
    if (current === null || Math.abs(candidate - current) > limitMs) this.offsetMs = candidate;
    else this.offsetMs = wholeSeconds ? Math.max(current, candidate) : Math.min(current, candidate);
  }

  /** Wall time of a monotonic stamp, ms; null before any line anchored it. */
  wallMs(monotonicS: number): number | null {
    return this.offsetMs === null ? null : monotonicS * 1000 + this.offsetMs;
  }
}
