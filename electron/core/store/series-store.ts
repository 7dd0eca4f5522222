import type { DeviceEvent } from '../../../shared/series/device-event';
import type { EventQuery, SeriesColumns, SeriesInfo } from '../../../shared/series/series-query';
import type { Reading, SeriesKey } from '../../../shared/series/series';
import type { SeriesRollups } from '../../../shared/history/rollup/rollup-rows';

/** A range of series, by id or by key; `latest` instead of `maxPoints` asks for the newest N raw points. */
export interface RangeQuery {
  seriesIds?: readonly number[];
  keys?: readonly SeriesKey[];
  fromUs: number;
  toUs: number;
  /** Downsample (min/max per bucket) to at most this many points per series, from raw points or rollups (SeriesColumns.tier says which). */
  maxPoints?: number;
  /** Only the newest N points of each series, undownsampled. */
  latest?: number;
}

/**
 * The one narrow interface to stored measurements: append readings, append events, query a range.
 * Appends are batched (they reach the disk within a flush interval); queries see everything appended
 * before them. Behind it: compressed chunks per series and window, minute/hour/day rollups and
 * retention per tier (chunk-series-store.ts); `maxPoints` queries answer from the tier that fits.
 */
export interface SeriesStore {
  appendReadings(readings: readonly Reading[]): void;
  appendEvents(events: readonly DeviceEvent[]): void;
  listSeries(deviceId: string): SeriesInfo[];
  queryRange(q: RangeQuery): SeriesColumns[];
  queryEvents(q: EventQuery): (DeviceEvent & { id: number })[];
  /** The minute, hour and day rollup rows of one series whose buckets overlap [fromUs, toUs]. */
  queryRollups(seriesId: number, fromUs: number, toUs: number): SeriesRollups;
  /** Writes what is queued now; returns how many items were written. */
  flush(): number;
  /** Writes what is queued and takes no more. */
  close(): void;
}
