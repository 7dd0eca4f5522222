import type { TimedInput } from '../../../shared/alarms/preview';
import type { AlarmRule } from '../../../shared/alarms/rule-schema';
import { scopeMatcher } from '../../../shared/alarms/scope';
import { Connection } from '../../../shared/domain/status';
import type { MetricKey } from '../../../shared/series/metric-catalog';
import type { SeriesStore } from '../store/series-store';

/** The stored history a rule reads, as evaluator inputs in time order (for alarms.rules.preview). */
export function historyInputs(rule: AlarmRule, devices: readonly { id: string; name: string }[], series: SeriesStore, fromMs: number, toMs: number): { inputs: TimedInput[]; devices: number; points: number; events: number } {
  const inScope = scopeMatcher(rule.scope);
  const watched = devices.filter((d) => inScope(d.name));
  const inputs: TimedInput[] = [];
  let points = 0;
  let events = 0;
  const metric: MetricKey | null = 'metric' in rule && rule.metric ? rule.metric : rule.kind === 'topology' ? 'ptp.gm_priority1' : null;
  const eventKinds = new Set<string>(rule.kind === 'change' || rule.kind === 'line' || rule.kind === 'security' ? [rule.event] : rule.kind === 'topology' ? ['gm-change', 'connection'] : rule.kind === 'absence' && rule.of !== 'series' ? ['connection'] : []);
  for (const d of watched) {
    if (metric) {
      const want = 'labels' in rule ? rule.labels : undefined;
      const ids = series
        .listSeries(d.id)
        .filter((s) => s.metric === metric && Object.entries(want ?? {}).every(([k, v]) => s.labels[k] === v))
        .map((s) => ({ id: s.id, instance: s.instance, labels: s.labels }));
      if (ids.length > 0) {
        const cols = series.queryRange({ seriesIds: ids.map((s) => s.id), fromUs: fromMs * 1000, toUs: toMs * 1000 });
        for (const c of cols) {
          const key = ids.find((s) => s.id === c.id);
          if (!key) continue;
          for (let i = 0; i < c.tUs.length; i++) {
            const tUs = c.tUs[i] ?? 0;
            inputs.push({ tMs: tUs / 1000, input: { type: 'readings', readings: [{ deviceId: d.id, instance: key.instance, tUs, deviceTimeNs: null, values: [{ metric, labels: key.labels, value: c.value[i] ?? null, flags: c.flags[i] ?? 0 }] }] } });
            points++;
          }
        }
      }
    }
    if (eventKinds.size === 0) continue;
    for (const e of series.queryEvents({ deviceId: d.id, sinceMs: fromMs, untilMs: toMs, limit: 100_000 })) {
      if (!eventKinds.has(e.kind)) continue;
      events++;
      // A connection event is also the device's status at that time (absence and topology rules read statuses).
      const connection = e.kind === 'connection' ? Connection.safeParse(e.to) : null;
      if (connection?.success) inputs.push({ tMs: e.tMs, input: { type: 'status', deviceId: d.id, connection: connection.data, tMs: e.tMs } });
      if (e.kind !== 'connection' || rule.kind === 'security' || rule.kind === 'line') inputs.push({ tMs: e.tMs, input: { type: 'events', events: [e] } });
    }
  }
  return { inputs, devices: watched.length, points, events };
}
