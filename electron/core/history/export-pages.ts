import { z } from 'zod';
import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import { CRLF } from '../../../shared/history/export/csv-cells';
import {
  EVENT_COLUMNS,
  eventCsvRows,
  eventJsonRows,
  POINT_COLUMNS,
  pointCsvRows,
  pointJsonRows,
  rollupRowCount,
  rollupsJson,
  seriesJsonOpen,
  type ExportSeries,
} from '../../../shared/history/export/export-rows';
import { startCursor } from '../../../shared/history/export/forward-pages';
import { historyDevice, type HistoryDevice, type HistoryReader } from './history-reader';
import { eventPageAt, pointPageAt } from './history-pages';

export interface ExportRequest {
  deviceIds: readonly string[];
  fromMs: number;
  toMs: number;
  format: 'csv' | 'json';
  /** CSV holds one table: points, or events. JSON holds both, and each series' minute/hour/day rollup rows. */
  table: 'points' | 'events';
  /** Only these metrics (all when absent). */
  metrics?: readonly string[] | undefined;
  cursor?: string | undefined;
  /** About this many rows per page (a page of the store may overshoot it by up to MIN_QUERY rows). */
  maxRows: number;
}

export interface ExportPage {
  text: string;
  rows: number;
  /** Give it back for the next page; null when this page was the last. */
  cursor: string | null;
}

const At = z.object({ fromT: z.number(), span: z.number() });
const Cursor = z.object({
  v: z.literal(1),
  phase: z.enum(['points', 'events']),
  dev: z.number().int().min(0),
  /** The series being written, or null between series. */
  sid: z.number().int().nullable(),
  /** The last series finished on this device (series go in id order). */
  lastSid: z.number().int(),
  at: At.nullable(),
  /** JSON: whether the next array element is the first of its array (no comma before it). */
  first: z.boolean(),
  firstPoint: z.boolean(),
});
type Cursor = z.infer<typeof Cursor>;

/** A store query never asks for fewer rows than this (tiny windows would cost many queries). */
const MIN_QUERY = 1000;
const MAX_QUERY = 50_000;

function decode(raw: string): Cursor {
  try {
    return Cursor.parse(JSON.parse(raw));
  } catch {
    throw new SyncscopeError(catalogError('history.bad-cursor', {}, { field: 'cursor' }));
  }
}

/** The JSON export's opening: what it holds, then the series array. */
function jsonHead(reader: HistoryReader, devices: HistoryDevice[], r: ExportRequest): string {
  const head = { format: 'syncscope-export', version: 2, source: reader.source, fromMs: r.fromMs, toMs: r.toMs, exportedAtMs: Date.now(), devices };
  return `${JSON.stringify(head).slice(0, -1)},"series":[`;
}

/**
 * One page of an export (CSV or JSON text), resumable from the cursor the previous page gave: the
 * whole export is the pages' texts joined, so neither side ever holds more than a page. Series of
 * each device in id order, then (JSON, or the CSV events table) each device's events oldest first.
 * Stateless: the cursor carries where to go on, so a page can be asked of another engine process.
 */
export function exportPage(reader: HistoryReader, r: ExportRequest): ExportPage {
  const devices = r.deviceIds.map((id) => historyDevice(reader, id));
  const fromUs = r.fromMs * 1000;
  const toUs = r.toMs * 1000;
  const metrics = r.metrics && r.metrics.length > 0 ? new Set(r.metrics) : null;
  let out = '';
  let rows = 0;
  let c: Cursor;
  if (r.cursor) c = decode(r.cursor);
  else {
    const phase = r.format === 'csv' && r.table === 'events' ? 'events' : 'points';
    c = { v: 1, phase, dev: 0, sid: null, lastSid: 0, at: null, first: true, firstPoint: true };
    if (r.format === 'json') out += jsonHead(reader, devices, r);
    else out += (phase === 'points' ? POINT_COLUMNS : EVENT_COLUMNS).join(',') + CRLF;
  }
  const json = r.format === 'json';
  const series = new Map<number, ExportSeries>();
  const seriesOf = (d: HistoryDevice) => {
    const list = reader
      .listSeries(d.id)
      .filter((s) => metrics === null || metrics.has(s.metric))
      .sort((a, b) => a.id - b.id);
    for (const s of list) series.set(s.id, { id: s.id, deviceId: d.id, device: d.name, instance: s.instance, metric: s.metric, labels: s.labels });
    return list;
  };
  const limit = () => Math.min(MAX_QUERY, Math.max(MIN_QUERY, r.maxRows - rows));

  while (rows < r.maxRows) {
    const device = devices[c.dev];
    if (!device) {
      if (c.phase === 'points' && json) {
        out += '],"events":[';
        c = { ...c, phase: 'events', dev: 0, at: null, first: true };
        continue;
      }
      if (json) out += ']}\n';
      return { text: out, rows, cursor: null };
    }
    if (c.phase === 'events') {
      const page = eventPageAt(reader, device.id, c.at ?? startCursor(r.fromMs, r.toMs), r.toMs, limit());
      out += json ? eventJsonRows(device.name, page.page, c.first) : eventCsvRows(device.name, page.page);
      rows += page.count;
      if (page.count > 0) c.first = false;
      c = page.next ? { ...c, at: page.next } : { ...c, dev: c.dev + 1, at: null };
      continue;
    }
    if (c.sid === null) {
      const next = seriesOf(device).find((s) => s.id > c.lastSid);
      if (!next) {
        c = { ...c, dev: c.dev + 1, lastSid: 0 };
        continue;
      }
      c = { ...c, sid: next.id, at: startCursor(fromUs, toUs), firstPoint: true };
      if (json) {
        out += (c.first ? '' : ',') + seriesJsonOpen(series.get(next.id)!);
        c.first = false;
      }
    }
    const sid = c.sid!;
    const page = pointPageAt(reader, sid, c.at ?? startCursor(fromUs, toUs), toUs, limit());
    const p = page.page;
    if (json) out += pointJsonRows(p.tUs, p.value, p.flags, c.firstPoint);
    else {
      // Resumed in the middle of a series: its key is looked up again.
      if (!series.has(sid)) seriesOf(device);
      const s = series.get(sid);
      if (s) out += pointCsvRows(s, p.tUs, p.value, p.flags);
    }
    rows += page.count;
    if (page.count > 0) c.firstPoint = false;
    if (page.next) c = { ...c, at: page.next };
    else {
      if (json) {
        // The series' rollup rows (buckets overlapping the selection) close it: a few per minute of the range at most.
        const rollups = reader.queryRollups(sid, fromUs, toUs);
        out += `]${rollupsJson(rollups)}}`;
        rows += rollupRowCount(rollups);
      }
      c = { ...c, sid: null, lastSid: sid, at: null };
    }
  }
  return { text: out, rows, cursor: JSON.stringify(c) };
}
