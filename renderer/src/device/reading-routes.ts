import type { Reading } from '../../../shared/series/series';
import { CHARTED_METRICS, seriesKey, type ChartPlan, type SeriesRef } from './chart-plan';

/** Where a series is drawn: its chart and its column there (0 = the first y column). */
export interface SeriesSlot {
  chartId: string;
  index: number;
}

export function slotsOf(plans: readonly ChartPlan[]): Map<string, SeriesSlot> {
  const slots = new Map<string, SeriesSlot>();
  for (const plan of plans) plan.series.forEach((s, index) => slots.set(s.key, { chartId: plan.id, index }));
  return slots;
}

/** Hands every charted value of live readings to `put`, by slot (readings for other charts are skipped). */
export function routeReadings(
  readings: readonly Reading[],
  slots: ReadonlyMap<string, SeriesSlot>,
  put: (slot: SeriesSlot, tUs: number, value: number | null, flags: number | undefined) => void,
): void {
  for (const r of readings) {
    for (const v of r.values) {
      if (!CHARTED_METRICS.has(v.metric)) continue;
      const slot = slots.get(seriesKey(r.instance, v.metric, v.labels));
      if (slot) put(slot, r.tUs, v.value, v.flags);
    }
  }
}

/** Charted series that live readings name and `known` does not: the page then plans its charts again. */
export function newChartedSeries(readings: readonly Reading[], known: ReadonlySet<string>): SeriesRef[] {
  const found = new Map<string, SeriesRef>();
  for (const r of readings) {
    for (const v of r.values) {
      if (!CHARTED_METRICS.has(v.metric)) continue;
      const key = seriesKey(r.instance, v.metric, v.labels);
      if (!known.has(key) && !found.has(key)) found.set(key, { instance: r.instance, metric: v.metric, labels: v.labels ?? {} });
    }
  }
  return [...found.values()];
}
