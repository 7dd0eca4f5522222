import { isGapMarker } from './clean-measurement';
import type { GapSummary } from './summary-types';

const FIRST_INTERVALS = 256;
const MIN_HOLE_US = 2_000_000;

/**
 * Gaps of one series, streamed in time order: a gap is a stretch without measurements, from the first
 * gap marker (a null, stale or sentinel point the collector wrote) or the end of a hole in time, to
 * the next measurement (or the window's end); transient and step points are measurements here (the
 * device was measuring). A hole is an interval between measurements longer than
 * 3 × the median of the series's first intervals and at least 2 s (the engine was not running, or
 * nothing was written): its time counts from the last measurement. Constant memory.
 */
export class GapTracker {
  count = 0;
  totalUs = 0;
  longestUs = 0;
  private lastMeasurementUs: number | null = null;
  private gapStartUs: number | null = null;
  private holeUs: number | null = null;
  /** Intervals seen before the hole threshold is known, judged once it is. */
  private pending: { fromUs: number; toUs: number }[] = [];

  constructor(private readonly toUs: number) {}

  add(tUs: number, value: number | null, flags: number): void {
    if (isGapMarker(value, flags)) {
      if (this.gapStartUs === null) this.gapStartUs = tUs;
      return;
    }
    if (this.gapStartUs !== null) {
      this.record(tUs - this.gapStartUs);
      this.gapStartUs = null;
    } else if (this.lastMeasurementUs !== null) this.interval(this.lastMeasurementUs, tUs);
    this.lastMeasurementUs = tUs;
  }

  finish(): GapSummary & { metric: null } {
    this.settleThreshold();
    if (this.gapStartUs !== null) {
      this.record(Math.max(0, this.toUs - this.gapStartUs));
      this.gapStartUs = null;
    }
    return { metric: null, count: this.count, totalMs: this.totalUs / 1000, longestMs: this.longestUs / 1000 };
  }

  private interval(fromUs: number, toUs: number): void {
    if (this.holeUs === null) {
      this.pending.push({ fromUs, toUs });
      if (this.pending.length >= FIRST_INTERVALS) this.settleThreshold();
      return;
    }
    if (toUs - fromUs > this.holeUs) this.record(toUs - fromUs);
  }

  private settleThreshold(): void {
    if (this.holeUs !== null) return;
    const d = this.pending.map((p) => p.toUs - p.fromUs).filter((x) => x > 0).sort((a, b) => a - b);
    this.holeUs = Math.max(MIN_HOLE_US, 3 * (d[d.length >> 1] ?? 0));
    const pending = this.pending;
    this.pending = [];
    for (const p of pending) this.interval(p.fromUs, p.toUs);
  }

  private record(us: number): void {
    this.count++;
    this.totalUs += us;
    if (us > this.longestUs) this.longestUs = us;
  }
}
