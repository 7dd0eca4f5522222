import type { Reading } from '../../../shared/series/series';
import { AlignedColumns, DEFAULT_CHART_WINDOW, type ChartWindow } from './aligned-columns';
import type { ChartPlan } from './chart-plan';
import { routeReadings, slotsOf, type SeriesSlot } from './reading-routes';

/**
 * The device page's live data: one AlignedColumns per chart, fed by routing each pushed
 * `series.readings` batch; a chart whose columns got values is told once per batch, and draws at
 * its next animation frame. Built again only when the set of charts changes.
 */
export class ChartHub {
  private readonly buffers = new Map<string, AlignedColumns>();
  private readonly slots: Map<string, SeriesSlot>;
  private readonly listeners = new Map<string, () => void>();

  constructor(plans: readonly ChartPlan[], window: ChartWindow = DEFAULT_CHART_WINDOW) {
    for (const p of plans) this.buffers.set(p.id, new AlignedColumns(p.series.length, window));
    this.slots = slotsOf(plans);
  }

  buffer(chartId: string): AlignedColumns | undefined {
    return this.buffers.get(chartId);
  }

  /** The chart redraws when told; one listener per chart. */
  listen(chartId: string, fn: () => void): () => void {
    this.listeners.set(chartId, fn);
    return () => {
      if (this.listeners.get(chartId) === fn) this.listeners.delete(chartId);
    };
  }

  push(readings: readonly Reading[]): void {
    const touched = new Set<string>();
    routeReadings(readings, this.slots, (slot, tUs, value, flags) => {
      this.buffers.get(slot.chartId)?.stage(slot.index, tUs, value, flags);
      touched.add(slot.chartId);
    });
    for (const id of touched) this.listeners.get(id)?.();
  }
}
