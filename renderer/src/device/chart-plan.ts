import { METRICS, type MetricKey } from '../../../shared/series/metric-catalog';
import type { MetricUnit } from '../../../shared/series/metric-def';
import { canonicalLabels, type Labels } from '../../../shared/series/series';

/**
 * Which charts a device page draws, from the series the device has: per instance one offset, one
 * path delay and one frequency chart of ptp4l, and the same per clock that phc2sys or ts2phc steer
 * (their series come from log following). A table says which metrics go on which chart.
 */
export type ChartKind = 'offset' | 'delay' | 'frequency';
export type ClockProgram = 'ptp4l' | 'phc2sys' | 'ts2phc';

export interface SeriesRef {
  instance: string;
  metric: MetricKey;
  labels: Labels;
}

export interface PlannedSeries extends SeriesRef {
  /** The series' identity on this page (instance, metric, canonical labels). */
  key: string;
}

export interface ChartPlan {
  /** Stable while the chart's series stay the same: `instance/program[:clock]/kind`. */
  id: string;
  instance: string;
  program: ClockProgram;
  /** The clock phc2sys/ts2phc steer (`CLOCK_REALTIME`, `/dev/ptp0`, `eth0`); null for ptp4l. */
  clock: string | null;
  kind: ChartKind;
  unit: MetricUnit;
  series: PlannedSeries[];
}

interface ChartRule {
  program: ClockProgram;
  kind: ChartKind;
  /** In legend order. */
  metrics: readonly MetricKey[];
  /** Drawn (and waited for) even before the device has such a series: pmc always measures it. */
  always?: MetricKey;
}

export const CHART_RULES: readonly ChartRule[] = [
  { program: 'ptp4l', kind: 'offset', metrics: ['ptp.offset_from_master', 'ptp.servo_offset'], always: 'ptp.offset_from_master' },
  { program: 'ptp4l', kind: 'delay', metrics: ['ptp.mean_path_delay', 'ptp.servo_path_delay'], always: 'ptp.mean_path_delay' },
  { program: 'ptp4l', kind: 'frequency', metrics: ['ptp.freq', 'ptp.rate_offset'], always: 'ptp.rate_offset' },
  { program: 'phc2sys', kind: 'offset', metrics: ['phc2sys.offset'] },
  { program: 'phc2sys', kind: 'delay', metrics: ['phc2sys.delay'] },
  { program: 'phc2sys', kind: 'frequency', metrics: ['phc2sys.freq'] },
  { program: 'ts2phc', kind: 'offset', metrics: ['ts2phc.offset'] },
  { program: 'ts2phc', kind: 'frequency', metrics: ['ts2phc.freq'] },
];

/** The metrics a device page reads for its charts. */
export const CHARTED_METRICS: ReadonlySet<MetricKey> = new Set(CHART_RULES.flatMap((r) => r.metrics));

export function seriesKey(instance: string, metric: string, labels: Labels | undefined): string {
  return `${instance}\u241f${metric}\u241f${canonicalLabels(labels)}`;
}

/**
 * The charts of a device: its configured instances first (each gets its ptp4l charts, with the
 * metrics pmc always measures), then instances only its series name; phc2sys/ts2phc charts per clock.
 */
export function planCharts(configuredInstances: readonly string[], known: readonly SeriesRef[]): ChartPlan[] {
  const instances = [...new Set([...configuredInstances, ...known.filter((s) => CHARTED_METRICS.has(s.metric)).map((s) => s.instance)])];
  const plans: ChartPlan[] = [];
  for (const instance of instances) {
    const mine = known.filter((s) => s.instance === instance);
    for (const program of ['ptp4l', 'phc2sys', 'ts2phc'] as const) {
      const clocks = program === 'ptp4l' ? [null] : clocksOf(mine, program);
      for (const clock of clocks) {
        for (const rule of CHART_RULES.filter((r) => r.program === program)) {
          const series = seriesOf(rule, instance, clock, mine);
          if (series.length === 0) continue;
          const id = `${instance}/${program}${clock === null ? '' : `:${clock}`}/${rule.kind}`;
          plans.push({ id, instance, program, clock, kind: rule.kind, unit: METRICS[series[0]!.metric].unit, series });
        }
      }
    }
  }
  return plans;
}

function clocksOf(series: readonly SeriesRef[], program: ClockProgram): string[] {
  const metrics = new Set(CHART_RULES.filter((r) => r.program === program).flatMap((r) => r.metrics));
  const clocks = series.filter((s) => metrics.has(s.metric) && s.labels.clock !== undefined).map((s) => s.labels.clock!);
  return [...new Set(clocks)].sort();
}

function seriesOf(rule: ChartRule, instance: string, clock: string | null, known: readonly SeriesRef[]): PlannedSeries[] {
  const out: PlannedSeries[] = [];
  const seen = new Set<string>();
  for (const metric of rule.metrics) {
    const matching = known.filter((s) => s.metric === metric && (clock === null || s.labels.clock === clock));
    const refs: SeriesRef[] = matching.length === 0 && rule.always === metric ? [{ instance, metric, labels: {} }] : matching;
    for (const ref of [...refs].sort((a, b) => canonicalLabels(a.labels).localeCompare(canonicalLabels(b.labels)))) {
      const key = seriesKey(instance, ref.metric, ref.labels);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ instance, metric: ref.metric, labels: ref.labels, key });
    }
  }
  return out;
}

/** One id for a set of plans: the page builds its charts again only when this changes. */
export function planSignature(plans: readonly ChartPlan[]): string {
  return plans.map((p) => `${p.id}=${p.series.map((s) => s.key).join(',')}`).join(';');
}
