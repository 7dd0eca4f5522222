import { isMeasurement, POINT_FLAGS } from '../../../shared/series/series';

/**
 * One chart's data as uPlot's aligned columns: x in seconds, then one column per series. A series
 * that has no point at a time holds `undefined` there (uPlot draws across it); a point that is no
 * measurement (a gap, stale, a sentinel, or transient/around a step) holds `null` (uPlot breaks the line). Live points are
 * staged as flat columns and only join the drawn columns on flush(), right before uPlot.setData():
 * the arrays uPlot holds never change between two draws, and a burst costs one merge and one redraw.
 */
export type Cell = number | null | undefined;

/** How much of a series a chart keeps: the newest `maxPoints` within `spanMs`. */
export interface ChartWindow {
  maxPoints: number;
  spanMs: number;
}

export const DEFAULT_CHART_WINDOW: ChartWindow = { maxPoints: 3600, spanMs: 10 * 60_000 };
export type AlignedData = [tSec: number[], ...values: Cell[][]];

export interface HistoryColumns {
  tUs: readonly number[];
  value: readonly (number | null)[];
  flags: readonly number[];
}

export class AlignedColumns {
  /** The columns uPlot draws: `t` then `values`, the same arrays. */
  readonly data: AlignedData;
  private readonly t: number[] = [];
  private readonly values: Cell[][];
  private readonly stagedT: number[] = [];
  private readonly stagedSeries: number[] = [];
  private readonly stagedValue: (number | null)[] = [];
  private changed = false;

  constructor(
    readonly seriesCount: number,
    private readonly window: ChartWindow,
  ) {
    this.values = Array.from({ length: seriesCount }, () => []);
    this.data = [this.t, ...this.values];
  }

  get length(): number {
    return this.t.length;
  }

  /** Points drawn for series `index` (numbers only; gaps and absent times do not count). */
  pointsOf(index: number): number {
    let n = 0;
    for (const v of this.values[index] ?? []) if (typeof v === 'number') n++;
    return n;
  }

  firstSec(): number | null {
    return this.t[0] ?? null;
  }

  lastSec(): number | null {
    return this.t[this.t.length - 1] ?? null;
  }

  /** Replaces what is drawn with stored history (one entry per series, null when it has none); staged live points survive. */
  loadHistory(history: readonly (HistoryColumns | null)[]): void {
    const { t, values } = this;
    t.length = 0;
    for (const col of values) col.length = 0;
    const times = mergeTimes(history.map((h) => h?.tUs ?? []));
    for (const tUs of times) {
      t.push(tUs / 1e6);
      for (const col of values) col.push(undefined);
    }
    history.forEach((h, s) => {
      const col = values[s];
      if (!h || !col) return;
      let row = 0;
      for (let i = 0; i < h.tUs.length; i++) {
        const tSec = h.tUs[i]! / 1e6;
        while (row < t.length && t[row]! < tSec) row++;
        col[row] = cellOf(h.value[i] ?? null, h.flags[i]);
      }
    });
    this.changed = true;
  }

  /** Stages one live value of series `index`; drawn at the next flush. */
  stage(index: number, tUs: number, value: number | null, flags: number | undefined): void {
    if (index < 0 || index >= this.seriesCount) return;
    this.stagedT.push(tUs / 1e6);
    this.stagedSeries.push(index);
    this.stagedValue.push(cellOf(value, flags));
    // Nobody flushes while the window is hidden (no animation frames): keep only what could be drawn.
    const cap = 2 * this.window.maxPoints * Math.max(1, this.seriesCount);
    if (this.stagedT.length > cap) this.dropStaged(this.stagedT.length - cap / 2);
  }

  /** Moves staged values into the drawn columns and trims to the window. True if anything changed. */
  flush(): boolean {
    for (let i = 0; i < this.stagedT.length; i++) {
      const row = this.rowAt(this.stagedT[i]!);
      this.values[this.stagedSeries[i]!]![row] = this.stagedValue[i];
    }
    if (this.stagedT.length > 0) {
      this.dropStaged(this.stagedT.length);
      this.changed = true;
    }
    this.trim();
    const changed = this.changed;
    this.changed = false;
    return changed;
  }

  /** The row of time tSec, made when missing; live times nearly always land at or after the last row. */
  private rowAt(tSec: number): number {
    const { t, values } = this;
    const last = t.length - 1;
    if (last >= 0 && t[last] === tSec) return last;
    if (last < 0 || t[last]! < tSec) {
      t.push(tSec);
      for (const col of values) col.push(undefined);
      return last + 1;
    }
    const at = firstIndexAtOrAfter(t, tSec);
    if (t[at] === tSec) return at;
    t.splice(at, 0, tSec);
    for (const col of values) col.splice(at, 0, undefined);
    return at;
  }

  private trim(): void {
    const last = this.lastSec();
    if (last === null) return;
    const tooOld = firstIndexAtOrAfter(this.t, last - this.window.spanMs / 1000);
    const drop = Math.max(tooOld, this.length - this.window.maxPoints);
    if (drop > 0) {
      this.t.splice(0, drop);
      for (const col of this.values) col.splice(0, drop);
      this.changed = true;
    }
  }

  private dropStaged(count: number): void {
    this.stagedT.splice(0, count);
    this.stagedSeries.splice(0, count);
    this.stagedValue.splice(0, count);
  }
}

/**
 * Real values the charts leave out all the same: the first summary windows before lock and samples
 * around a clock step can be absurd (a 1 s step next to 100 ns offsets), and would squash the y
 * scale of everything else. They stay in the store and the Events tab says what happened.
 */
const NOT_CHARTED = POINT_FLAGS.transient | POINT_FLAGS.step;

/** A value as the chart draws it: a measurement, or null (a gap) for anything that is not one or must not poison the chart. */
function cellOf(value: number | null, flags: number | undefined): number | null {
  return isMeasurement({ value, flags }) && ((flags ?? 0) & NOT_CHARTED) === 0 ? value : null;
}

/** The union of several ascending time columns (µs), ascending, without repeats. */
export function mergeTimes(columns: readonly (readonly number[])[]): number[] {
  const all: number[] = [];
  for (const c of columns) for (const t of c) all.push(t);
  all.sort((a, b) => a - b);
  const out: number[] = [];
  for (const t of all) if (out.length === 0 || out[out.length - 1] !== t) out.push(t);
  return out;
}

/** Binary search in an ascending column. */
export function firstIndexAtOrAfter(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
