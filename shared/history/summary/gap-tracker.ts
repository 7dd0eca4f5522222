import { isGapMarker } from './clean-measurement';
import { overlapMs, type Span } from './disconnected-spans';
import type { GapSummary } from './summary-types';

const FIRST_INTERVALS = 256;
const MIN_HOLE_US = 2_000_000;

/**
 * Gaps of one series, streamed in time order: a gap is a stretch without measurements, from the first
 * gap marker (a null, stale or sentinel point the collector wrote) or the end of a hole in time, to
 * the next measurement (or the window's end); transient and step points are measurements here (the
 * device was measuring). A hole is an interval between measurements longer than
 * 3 × the median of the series's first intervals and at least 2 s (the engine was not running, or
 * nothing was written): its time counts from the last measurement. Time the operator had the device
 * disconnected is left out of the gaps (a gap wholly inside a disconnect is none). Memory: two
 * numbers per gap, none per point.
 */
export class GapTracker {
  /** Each gap's start and end, µs, in order. */
  private readonly gapsUs: number[] = [];
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
      this.record(this.gapStartUs, tUs);
      this.gapStartUs = null;
    } else if (this.lastMeasurementUs !== null) this.interval(this.lastMeasurementUs, tUs);
    this.lastMeasurementUs = tUs;
  }

  /** The gaps, less the time in `disconnected` (spans in order, ms). */
  finish(disconnected: readonly Span[] = []): Omit<GapSummary, 'disconnectedMs'> & { metric: null } {
    this.settleThreshold();
    if (this.gapStartUs !== null) {
      this.record(this.gapStartUs, Math.max(this.gapStartUs, this.toUs));
      this.gapStartUs = null;
    }
    let count = 0;
    let totalUs = 0;
    let longestUs = 0;
    for (let i = 0; i < this.gapsUs.length; i += 2) {
      const a = this.gapsUs[i]!;
      const b = this.gapsUs[i + 1]!;
      const us = b - a - overlapMs(disconnected, a / 1000, b / 1000) * 1000;
      if (us <= 0 && b > a) continue;
      count++;
      totalUs += us;
      if (us > longestUs) longestUs = us;
    }
    return { metric: null, count, totalMs: totalUs / 1000, longestMs: longestUs / 1000 };
  }

  private interval(fromUs: number, toUs: number): void {
    if (this.holeUs === null) {
      this.pending.push({ fromUs, toUs });
      if (this.pending.length >= FIRST_INTERVALS) this.settleThreshold();
      return;
    }
    if (toUs - fromUs > this.holeUs) this.record(fromUs, toUs);
  }

  private settleThreshold(): void {
    if (this.holeUs !== null) return;
    const d = this.pending.map((p) => p.toUs - p.fromUs).filter((x) => x > 0).sort((a, b) => a - b);
    this.holeUs = Math.max(MIN_HOLE_US, 3 * (d[d.length >> 1] ?? 0));
    const pending = this.pending;
    this.pending = [];
    for (const p of pending) this.interval(p.fromUs, p.toUs);
  }

  private record(fromUs: number, toUs: number): void {
    this.gapsUs.push(fromUs, toUs);
  }
}
