import type { DeviceEvent } from '../../series/device-event';
import { isMetricKey, METRICS } from '../../series/metric-catalog';
import type { Labels } from '../../series/series';
import { AbsQuantiles } from './abs-quantiles';
import { disconnectedSpans } from './disconnected-spans';
import { isCleanMeasurement } from './clean-measurement';
import { GapTracker } from './gap-tracker';
import { portStateTime } from './port-state-time';
import { RunningStats } from './running-stats';
import { rolePreference, summaryRoleOf, type SummaryRole } from './summary-metrics';
import type { DeviceSummary, EventCounts, InstanceSummary, SeriesSummary } from './summary-types';

/** A stored series as the summary needs it. */
export interface SummarySeries {
  id: number;
  instance: string;
  metric: string;
  labels: Labels;
}

/** Points of one series in time order, as the store's columns (a page of them). */
export interface PointPage {
  tUs: readonly number[];
  value: readonly (number | null)[];
  flags: readonly number[];
}

interface SeriesAcc {
  series: SummarySeries;
  role: SummaryRole;
  stats: RunningStats;
  abs: AbsQuantiles | null;
  gaps: GapTracker;
}

const GM_CHANGES_LISTED = 50;

/**
 * The summary of one device over [fromMs, toMs], built in one streaming pass: pages of points per
 * series (any order between series, time order within one), then the events. Only clean measurements
 * count (shared/series isMeasurement, and neither transient nor step). Memory does not grow with
 * the points: percentiles come from AbsQuantiles.
 */
export class DeviceSummaryBuilder {
  private readonly series: SeriesAcc[] = [];
  private events: DeviceEvent[] = [];

  constructor(private readonly device: { deviceId: string; name: string; fromMs: number; toMs: number }) {}

  /** Whether the summary reads this series at all (offsets, path delays, frequencies). */
  static wants(metric: string): boolean {
    return summaryRoleOf(metric) !== undefined;
  }

  /** A sink for the pages of one series; points outside the window are ignored. */
  addSeries(series: SummarySeries): (page: PointPage) => void {
    const role = summaryRoleOf(series.metric);
    if (!role) return () => undefined;
    const acc: SeriesAcc = { series, role, stats: new RunningStats(), abs: role === 'offset' ? new AbsQuantiles() : null, gaps: new GapTracker(this.device.toMs * 1000) };
    this.series.push(acc);
    const fromUs = this.device.fromMs * 1000;
    const toUs = this.device.toMs * 1000;
    return (page) => {
      for (let i = 0; i < page.tUs.length; i++) {
        const t = page.tUs[i]!;
        if (t < fromUs || t > toUs) continue;
        const v = page.value[i] ?? null;
        const f = page.flags[i] ?? 0;
        acc.gaps.add(t, v, f);
        if (!isCleanMeasurement(v, f)) continue;
        acc.stats.add(v);
        acc.abs?.add(v);
      }
    };
  }

  /**
   * The device's events in time order: those in the window, and (for the port states at its start)
   * the newest port-state and connection events before it.
   */
  addEvents(events: readonly DeviceEvent[]): void {
    this.events = this.events.concat(events);
  }

  finish(): DeviceSummary {
    const { fromMs, toMs } = this.device;
    const events = [...this.events].sort((a, b) => a.tMs - b.tMs);
    const inWindow = events.filter((e) => e.tMs >= fromMs && e.tMs <= toMs);
    const states = portStateTime(
      events.filter((e) => e.kind === 'port-state' || e.kind === 'connection'),
      fromMs,
      toMs,
    );
    const disconnected = disconnectedSpans(events, fromMs, toMs);
    const disconnectedMs = disconnected.reduce((a, s) => a + s.toMs - s.fromMs, 0);
    const instances = new Set<string>([...this.series.map((s) => s.series.instance), ...states.keys(), ...inWindow.flatMap((e) => (e.instance === null ? [] : [e.instance]))]);
    const summaries: InstanceSummary[] = [...instances].sort().map((instance) => {
      const mine = this.series.filter((s) => s.series.instance === instance);
      const byRole = (role: SummaryRole) =>
        mine
          .filter((s) => s.role === role)
          .sort((a, b) => rolePreference(a.series.metric) - rolePreference(b.series.metric) || a.series.id - b.series.id)
          .map(seriesSummary)
          .filter((s) => s.count > 0);
      const offset = byRole('offset');
      const primary = offset[0] ? mine.find((s) => s.series.id === offset[0]!.seriesId) : undefined;
      const ev = inWindow.filter((e) => e.instance === instance);
      const gm = ev.filter((e) => e.kind === 'gm-change');
      return {
        instance,
        offset,
        pathDelay: byRole('pathDelay'),
        frequency: byRole('frequency'),
        portStates: states.get(instance) ?? [],
        gmChanges: { count: gm.length, first: gm.slice(0, GM_CHANGES_LISTED).map((e) => ({ tMs: e.tMs, from: e.from, to: e.to })) },
        gaps: primary ? { ...primary.gaps.finish(disconnected), metric: primary.series.metric, disconnectedMs } : { metric: null, count: 0, totalMs: 0, longestMs: 0, disconnectedMs },
        events: countByKind(ev),
      };
    });
    return { deviceId: this.device.deviceId, name: this.device.name, fromMs, toMs, instances: summaries, disconnectedMs, events: countByKind(inWindow) };
  }
}

function seriesSummary(acc: SeriesAcc): SeriesSummary {
  const { series, stats, abs } = acc;
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    seriesId: series.id,
    metric: series.metric,
    labels: series.labels,
    unit: isMetricKey(series.metric) ? METRICS[series.metric].unit : '',
    count: stats.count,
    mean: stats.mean,
    min: stats.min,
    max: stats.max,
    ...(abs ? { abs: { p50: finite(abs.quantile(0.5)), p95: finite(abs.quantile(0.95)), p99: finite(abs.quantile(0.99)), max: finite(abs.max()) } } : {}),
  };
}

function countByKind(events: readonly DeviceEvent[]): EventCounts {
  const out: EventCounts = {};
  for (const e of events) out[e.kind] = (out[e.kind] ?? 0) + 1;
  return out;
}
