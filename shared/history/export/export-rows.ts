import { isMetricKey, METRICS } from '../../series/metric-catalog';
import { POINT_FLAGS, type Labels } from '../../series/series';
import type { StoredEvent } from '../../series/series-query';
import { HOUR_BUCKET_COLUMNS, MEAN_BUCKET_COLUMNS, type HourBucket, type MeanBucket, type SeriesRollups } from '../rollup/rollup-rows';
import { CRLF, csvRecord, numberCell, textCell } from './csv-cells';
import { isoFormatterUs, isoFromMs, nsFromMs, nsFromUs } from './time-cells';

/** A series as an export names it. */
export interface ExportSeries {
  id: number;
  deviceId: string;
  device: string;
  instance: string;
  metric: string;
  labels: Labels;
}

export const POINT_COLUMNS = ['time_utc', 'time_ns', 'device', 'instance', 'metric', 'labels', 'unit', 'value', 'flags'] as const;
export const EVENT_COLUMNS = ['time_utc', 'time_ns', 'device', 'instance', 'kind', 'from', 'to', 'detail'] as const;

const FLAG_NAMES = Object.entries(POINT_FLAGS) as [keyof typeof POINT_FLAGS, number][];

/** POINT_FLAGS by name, `|`-joined (`stale|transient`); empty for a plain measurement. */
export function flagNames(flags: number): string {
  return FLAG_NAMES.filter(([, bit]) => (flags & bit) !== 0)
    .map(([name]) => name)
    .join('|');
}

/** `port=1;counter=rx_Sync`, keys sorted. */
export function labelsText(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(';');
}

export function unitOf(metric: string): string {
  return isMetricKey(metric) ? METRICS[metric].unit : '';
}

export function pointCsvRows(s: ExportSeries, tUs: readonly number[], value: readonly (number | null)[], flags: readonly number[]): string {
  const fixed = [textCell(s.device), textCell(s.instance), textCell(s.metric), textCell(labelsText(s.labels)), textCell(unitOf(s.metric))].join(',');
  const iso = isoFormatterUs();
  let out = '';
  for (let i = 0; i < tUs.length; i++) {
    const t = tUs[i]!;
    const f = flags[i] ?? 0;
    out += `${iso(t)},${nsFromUs(t)},${fixed},${numberCell(value[i])},${f === 0 ? '' : textCell(flagNames(f))}${CRLF}`;
  }
  return out;
}

function detailText(detail: StoredEvent['detail']): string {
  return Object.entries(detail)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join('; ');
}

export function eventCsvRows(device: string, events: readonly StoredEvent[]): string {
  let out = '';
  for (const e of events) out += csvRecord([isoFromMs(e.tMs), nsFromMs(e.tMs), textCell(device), textCell(e.instance), textCell(e.kind), textCell(e.from), textCell(e.to), textCell(detailText(e.detail))]);
  return out;
}

/** A series' opening in the JSON export: its key, then `"points":[` as [tUs, value, flags] rows. */
export function seriesJsonOpen(s: ExportSeries): string {
  return `{"id":${s.id},"deviceId":${JSON.stringify(s.deviceId)},"device":${JSON.stringify(s.device)},"instance":${JSON.stringify(s.instance)},"metric":${JSON.stringify(s.metric)},"labels":${JSON.stringify(s.labels)},"unit":${JSON.stringify(unitOf(s.metric))},"columns":["tUs","value","flags"],"points":[`;
}

export function pointJsonRows(tUs: readonly number[], value: readonly (number | null)[], flags: readonly number[], first: boolean): string {
  let out = '';
  for (let i = 0; i < tUs.length; i++) out += `${i === 0 && first ? '' : ','}[${tUs[i]},${value[i] === null || value[i] === undefined || !Number.isFinite(value[i]) ? 'null' : value[i]},${flags[i] ?? 0}]`;
  return out;
}

export function eventJsonRows(device: string, events: readonly StoredEvent[], first: boolean): string {
  return events.map((e, i) => `${i === 0 && first ? '' : ','}${JSON.stringify({ ...e, device })}`).join('');
}

const jsonNumber = (x: number | null) => (x === null || !Number.isFinite(x) ? 'null' : String(x));
const meanRow = (b: MeanBucket) => [b.tUs, b.count, b.min, b.max, b.mean];
const hourRow = (b: HourBucket) => [b.tUs, b.count, b.min, b.max, b.p50, b.p95, b.p99, b.maxAbs];
const tierJson = (columns: readonly string[], rows: (number | null)[][]) => `{"columns":${JSON.stringify(columns)},"rows":[${rows.map((r) => `[${r.map(jsonNumber).join(',')}]`).join(',')}]}`;

/**
 * A series' rollups in the JSON export, after its points: `,"rollups":{"minute":{"columns":[…],"rows":[[…]…]},"hour":…,"day":…}`,
 * each row in its tier's columns (minute and day: count, min, max, mean; hour: count, min, max, p50, p95, p99, max |x|).
 */
export function rollupsJson(r: SeriesRollups): string {
  return `,"rollups":{"minute":${tierJson(MEAN_BUCKET_COLUMNS, r.minute.map(meanRow))},"hour":${tierJson(HOUR_BUCKET_COLUMNS, r.hour.map(hourRow))},"day":${tierJson(MEAN_BUCKET_COLUMNS, r.day.map(meanRow))}}`;
}

export function rollupRowCount(r: SeriesRollups): number {
  return r.minute.length + r.hour.length + r.day.length;
}
