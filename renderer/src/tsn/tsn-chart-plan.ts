import type { MetricKey } from '../../../shared/series/metric-catalog';
import type { SeriesInfo } from '../../../shared/series/series-query';

/**
 * Which statistics charts the TSN tab draws, from the series a device has (the TSN collector's
 * `tsn.*` metrics): per interface, for its qdiscs, tc classes and hardware queues, one chart per
 * figure (bit rate, packets/s, drops/s, backlog), a line per qdisc/class/queue. A table, as the PTP charts have.
 */
export type TsnChartGroup = 'qdisc' | 'class' | 'queue';
export type TsnChartFigure = 'bitRate' | 'packetRate' | 'dropRate' | 'backlog';

export const TSN_CHART_RULES: readonly { group: TsnChartGroup; figure: TsnChartFigure; metric: MetricKey }[] = [
  { group: 'qdisc', figure: 'bitRate', metric: 'tsn.qdisc.bit_rate' },
  { group: 'qdisc', figure: 'packetRate', metric: 'tsn.qdisc.packet_rate' },
  { group: 'qdisc', figure: 'dropRate', metric: 'tsn.qdisc.drop_rate' },
  { group: 'qdisc', figure: 'backlog', metric: 'tsn.qdisc.backlog' },
  { group: 'class', figure: 'bitRate', metric: 'tsn.class.bit_rate' },
  { group: 'class', figure: 'dropRate', metric: 'tsn.class.drop_rate' },
  { group: 'class', figure: 'backlog', metric: 'tsn.class.backlog' },
  { group: 'queue', figure: 'bitRate', metric: 'tsn.queue.bit_rate' },
  { group: 'queue', figure: 'packetRate', metric: 'tsn.queue.packet_rate' },
];

/** A chart holds at most this many lines (one query asks for at most 64 series). */
export const MAX_LINES = 16;

export interface TsnChartPlan {
  id: string;
  iface: string;
  group: TsnChartGroup;
  figure: TsnChartFigure;
  /** Legend order: by qdisc handle / class id / queue number. */
  series: { id: number; legend: string }[];
}

function legendOf(group: TsnChartGroup, labels: Record<string, string>): string {
  if (group === 'qdisc') return `${labels.kind ?? '?'} ${labels.handle ?? ''}`.trim();
  if (group === 'class') return `${labels.kind ?? ''} ${labels.class ?? '?'}`.trim();
  return `${labels.direction ?? ''} ${labels.queue ?? '?'}`.trim();
}

const naturally = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

export function planTsnCharts(series: readonly SeriesInfo[]): TsnChartPlan[] {
  const plans: TsnChartPlan[] = [];
  const ifaces = [...new Set(series.filter((s) => s.metric.startsWith('tsn.')).map((s) => s.labels.interface ?? ''))].filter((i) => i !== '').sort(naturally);
  for (const iface of ifaces) {
    for (const rule of TSN_CHART_RULES) {
      const mine = series
        .filter((s) => s.metric === rule.metric && s.labels.interface === iface)
        .map((s) => ({ id: s.id, legend: legendOf(rule.group, s.labels) }))
        .sort((a, b) => naturally(a.legend, b.legend))
        .slice(0, MAX_LINES);
      if (mine.length > 0) plans.push({ id: `${iface}/${rule.group}/${rule.figure}`, iface, group: rule.group, figure: rule.figure, series: mine });
    }
  }
  return plans;
}
