import { Counter, Gauge, type Registry } from 'prom-client';
import { METRICS, type MetricKey } from '../../../shared/series/metric-catalog';
import type { MetricDef } from '../../../shared/series/metric-def';
import { isMeasurement, type Reading } from '../../../shared/series/series';

/**
 * The label naming the instance a number belongs to. Not `instance`: Prometheus sets that on every
 * scraped series (the target's host:port) and would rename ours to `exported_instance`.
 */
export const INSTANCE_LABEL = 'instance_name';


interface Exported {
  def: MetricDef;
  /** value × scale; a scale like 1e-9 is applied as ÷ 1e9, which prints ns → s exactly (-12 → -1.2e-8). */
  toExported(value: number): number;
  labelNames: string[];
  gauge: Gauge | null;
  counter: Counter | null;
}

type LabelSet = Record<string, string>;

function exporter(scale: number): (value: number) => number {
  const divisor = Math.round(1 / scale);
  if (scale < 1 && Math.abs(divisor * scale - 1) < 1e-12) return (v) => v / divisor;
  return (v) => v * scale;
}

/**
 * /metrics gauges built from the metric catalog (name, help, scale, labels + device + instance): a
 * metric added to a catalog file is exported without touching this file. A device counter is a
 * Prometheus counter (kept monotonic across a device-side reset by starting over); everything else a
 * gauge. Only current values are exported: a gap, a stale or a sentinel value removes the series.
 */
export class CatalogMetrics {
  private readonly exported = new Map<MetricKey, Exported>();
  /** Per device: every label set exported, per metric, with a counter's last device value. */
  private readonly live = new Map<string, Map<MetricKey, Map<string, { labels: LabelSet; last: number }>>>();

  constructor(registry: Registry) {
    for (const [key, def] of Object.entries(METRICS) as [MetricKey, MetricDef][]) {
      if (!def.prometheus) continue;
      const labelNames = ['device', INSTANCE_LABEL, ...def.labels];
      const help = `${def.help} Unit: ${def.unit}${def.prometheus.scale !== 1 ? ` × ${def.prometheus.scale}` : ''}. Source: ${def.source}.`;
      const common = { name: def.prometheus.name, help, labelNames, registers: [registry] };
      this.exported.set(key, {
        def,
        toExported: exporter(def.prometheus.scale),
        labelNames,
        gauge: def.kind === 'gauge' ? new Gauge(common) : null,
        counter: def.kind === 'counter' ? new Counter(common) : null,
      });
    }
  }

  record(device: string, readings: readonly Reading[]): void {
    for (const r of readings) {
      for (const v of r.values) {
        const m = this.exported.get(v.metric);
        if (!m) continue;
        // The label set's key within this device and metric: the instance and the catalog labels' values, in order.
        let id = r.instance;
        for (const name of m.def.labels) id += `\u0000${v.labels?.[name] ?? ''}`;
        const perMetric = this.perMetric(device, v.metric);
        const seen = perMetric.get(id);
        if (!isMeasurement(v) || !Number.isFinite(v.value)) {
          if (seen && m.gauge) {
            m.gauge.remove(seen.labels);
            perMetric.delete(id);
          }
          continue;
        }
        const value = m.toExported(v.value);
        // Only a changed value is exported again: prom-client hashes the label set on every call.
        if (seen && seen.last === value) continue;
        const labels = seen?.labels ?? this.labelSet(device, r.instance, m, v.labels);
        if (m.gauge) m.gauge.set(labels, value);
        else if (m.counter) {
          // A counter that went down was reset on the device: start over rather than go backwards.
          if (!seen || value < seen.last) {
            m.counter.remove(labels);
            m.counter.inc(labels, Math.max(0, value));
          } else m.counter.inc(labels, value - seen.last);
        }
        if (seen) seen.last = value;
        else perMetric.set(id, { labels, last: value });
      }
    }
  }

  private labelSet(device: string, instance: string, m: Exported, valueLabels: Record<string, string> | undefined): LabelSet {
    const labels: LabelSet = { device, [INSTANCE_LABEL]: instance };
    for (const name of m.def.labels) labels[name] = valueLabels?.[name] ?? '';
    return labels;
  }

  /** The device is not measuring: its last gauges are no longer current (counters keep their totals). */
  dropGauges(device: string): void {
    for (const [key, sets] of this.live.get(device) ?? []) {
      const m = this.exported.get(key);
      if (!m?.gauge) continue;
      for (const { labels } of sets.values()) m.gauge.remove(labels);
      sets.clear();
    }
  }

  /** Forgets every series of a device (removed or renamed). */
  forget(device: string): void {
    for (const [key, sets] of this.live.get(device) ?? []) {
      const m = this.exported.get(key);
      for (const { labels } of sets.values()) (m?.gauge ?? m?.counter)?.remove(labels);
    }
    this.live.delete(device);
  }

  private perMetric(device: string, key: MetricKey): Map<string, { labels: LabelSet; last: number }> {
    let byMetric = this.live.get(device);
    if (!byMetric) this.live.set(device, (byMetric = new Map()));
    let sets = byMetric.get(key);
    if (!sets) byMetric.set(key, (sets = new Map()));
    return sets;
  }
}
