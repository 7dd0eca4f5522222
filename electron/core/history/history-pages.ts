import { forwardPage, forwardPages, type ForwardPage, type PageCursor, type PageSource } from '../../../shared/history/export/forward-pages';
import type { DeviceEventKind } from '../../../shared/series/device-event';
import type { SeriesColumns, StoredEvent } from '../../../shared/series/series-query';
import type { HistoryReader } from './history-reader';

/** Raw points per query: a page of one series. */
export const POINT_PAGE = 50_000;
/** Events per query. */
export const EVENT_PAGE = 10_000;

const EMPTY = (id: number): SeriesColumns => ({ id, tUs: [], value: [], flags: [], downsampled: false });

/** Raw points of one series in µs, oldest first, a page at a time (the store answers the newest `latest` of a window). */
export function pointSource(reader: HistoryReader, seriesId: number): PageSource<SeriesColumns> {
  return {
    fetch: (fromUs, toUs, limit) => reader.queryRange({ seriesIds: [seriesId], fromUs, toUs, latest: limit })[0] ?? EMPTY(seriesId),
    count: (p) => p.tUs.length,
    firstT: (p) => p.tUs[0]!,
  };
}

/** A device's events in ms, oldest first, a page at a time. */
export function eventSource(reader: HistoryReader, deviceId: string, kinds?: DeviceEventKind[]): PageSource<StoredEvent[]> {
  return {
    fetch: (sinceMs, untilMs, limit) => reader.queryEvents({ deviceId, sinceMs, untilMs, limit, ...(kinds ? { kinds } : {}) }),
    count: (p) => p.length,
    firstT: (p) => p[0]!.tMs,
  };
}

export function pointPages(reader: HistoryReader, seriesId: number, fromUs: number, toUs: number, limit = POINT_PAGE): Generator<SeriesColumns> {
  return forwardPages(pointSource(reader, seriesId), fromUs, toUs, limit);
}

export function eventPages(reader: HistoryReader, deviceId: string, fromMs: number, toMs: number, limit = EVENT_PAGE): Generator<StoredEvent[]> {
  return forwardPages(eventSource(reader, deviceId), fromMs, toMs, limit);
}

export function pointPageAt(reader: HistoryReader, seriesId: number, at: PageCursor, toUs: number, limit: number): ForwardPage<SeriesColumns> {
  return forwardPage(pointSource(reader, seriesId), at, toUs, limit);
}

export function eventPageAt(reader: HistoryReader, deviceId: string, at: PageCursor, toMs: number, limit: number): ForwardPage<StoredEvent[]> {
  return forwardPage(eventSource(reader, deviceId), at, toMs, limit);
}
