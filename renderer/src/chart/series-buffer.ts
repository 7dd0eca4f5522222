import type { PtpSample, SampleColumns } from '../../../shared/domain/ptp';

/** How much of a device's history the live chart keeps on screen. */
export interface ChartWindow {
  maxPoints: number;
  spanMs: number;
}

export const DEFAULT_CHART_WINDOW: ChartWindow = { maxPoints: 3600, spanMs: 10 * 60_000 };

/** uPlot's AlignedData for our two series: x in seconds (uPlot's time unit), y in ns, null = gap. */
export type ChartColumns = [tSec: number[], offsetFromMasterNs: (number | null)[], meanPathDelayNs: (number | null)[]];

type LiveSample = Pick<PtpSample, 'tMs' | 'offsetFromMasterNs' | 'meanPathDelayNs'>;

/**
 * The live chart's data, as columns. Samples are staged by push() and only become visible on
 * flush(), which the chart calls right before uPlot.setData(): the arrays uPlot holds are never
 * changed between two draws, and a burst of samples costs one splice and one redraw.
 */
export class SeriesBuffer {
  readonly columns: ChartColumns = [[], [], []];
  private readonly window: ChartWindow;
  private readonly staged: ChartColumns = [[], [], []];
  private changed = false;

  constructor(window: Partial<ChartWindow> = {}) {
    this.window = { ...DEFAULT_CHART_WINDOW, ...window };
  }

  /** Points uPlot draws (after the last flush). */
  get length(): number {
    return this.columns[0].length;
  }

  /** Replaces what is drawn with stored history; staged live samples newer than it survive. */
  load(history: SampleColumns): void {
    const order = history.tMs.map((_, i) => i);
    if (!isAscending(history.tMs)) order.sort((a, b) => (history.tMs[a] ?? 0) - (history.tMs[b] ?? 0));
    const [t, offset, delay] = this.columns;
    t.length = offset.length = delay.length = 0;
    for (const i of order) {
      this.append(this.columns, (history.tMs[i] ?? 0) / 1000, history.offsetFromMasterNs[i] ?? null, history.meanPathDelayNs[i] ?? null);
    }
    this.changed = true;
  }

  /** Stages one live sample; it is drawn at the next flush. */
  push(sample: LiveSample): void {
    const [t, offset, delay] = this.staged;
    t.push(sample.tMs / 1000);
    offset.push(sample.offsetFromMasterNs);
    delay.push(sample.meanPathDelayNs);
    // Nobody flushes while the window is hidden (no animation frames): keep only what could be drawn.
    if (t.length > 2 * this.window.maxPoints) dropHead(this.staged, t.length - this.window.maxPoints);
  }

  /** Moves staged samples into the drawn columns and trims to the window. True if anything changed. */
  flush(): boolean {
    const [t, offset, delay] = this.staged;
    for (let i = 0; i < t.length; i++) this.append(this.columns, t[i] ?? 0, offset[i] ?? null, delay[i] ?? null);
    if (t.length > 0) dropHead(this.staged, t.length);
    this.trim();
    const changed = this.changed;
    this.changed = false;
    return changed;
  }

  /** Appends one point if it is newer than the last one (history and live samples overlap). */
  private append(into: ChartColumns, tSec: number, offsetNs: number | null, delayNs: number | null): void {
    const [t, offset, delay] = into;
    const last = t[t.length - 1];
    if (last !== undefined && tSec <= last) return;
    t.push(tSec);
    offset.push(offsetNs);
    delay.push(delayNs);
    this.changed = true;
  }

  private trim(): void {
    const t = this.columns[0];
    const last = t[t.length - 1];
    if (last === undefined) return;
    const tooOld = firstIndexAtOrAfter(t, last - this.window.spanMs / 1000);
    const tooMany = t.length - this.window.maxPoints;
    const drop = Math.max(tooOld, tooMany);
    if (drop > 0) {
      dropHead(this.columns, drop);
      this.changed = true;
    }
  }
}

function dropHead(columns: ChartColumns, count: number): void {
  for (const column of columns) column.splice(0, count);
}

function isAscending(values: readonly number[]): boolean {
  for (let i = 1; i < values.length; i++) if ((values[i] ?? 0) < (values[i - 1] ?? 0)) return false;
  return true;
}

/** Binary search in an ascending column. */
function firstIndexAtOrAfter(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
