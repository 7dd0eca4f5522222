import type { XRange } from './device-chart-options';

/** How much an instance's charts and timeline show while following live data. */
export const LIVE_SPAN_SEC = 10 * 60;
/** A fresh device's first points are not squeezed against the right edge of ten minutes… */
export const MIN_SPAN_SEC = 60;

/**
 * The one time axis of an instance's charts and its state timeline. Following live, it shows from
 * the earliest point any of its charts holds (at most LIVE_SPAN_SEC back, at least MIN_SPAN_SEC)
 * to now; a drag across any chart zooms all of them (and the timeline) until "Follow live".
 */
export class TimeAxis {
  private zoom: XRange | null = null;
  private readonly earliest = new Map<string, number>();
  private latestSec = 0;
  private readonly listeners = new Set<() => void>();

  get zoomed(): XRange | null {
    return this.zoom;
  }

  /** The range to draw now (s). */
  range(nowSec: number): XRange {
    if (this.zoom) return this.zoom;
    const max = Math.max(nowSec, this.latestSec);
    let first = Infinity;
    for (const t of this.earliest.values()) first = Math.min(first, t);
    const min = Math.max(max - LIVE_SPAN_SEC, Math.min(first, max - MIN_SPAN_SEC));
    return { min, max };
  }

  /** A chart tells what it holds; the axis moves with the data. */
  noteData(chartId: string, firstSec: number | null, lastSec: number | null): void {
    if (firstSec === null) this.earliest.delete(chartId);
    else this.earliest.set(chartId, firstSec);
    if (lastSec !== null && lastSec > this.latestSec) this.latestSec = lastSec;
  }

  setZoom(range: XRange | null): void {
    this.zoom = range;
    this.changed();
  }

  /** Listeners redraw their x range (on zoom, and on the page's clock tick while live). */
  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  changed(): void {
    for (const fn of this.listeners) fn();
  }
}
