import { z } from 'zod';
import { DeviceEvent, DeviceEventKind } from './device-event';
import { Labels, MetricKeySchema, SeriesKey } from './series';

/** One stored series, as `series.list` describes it: its small id, its key, and when it last got a value. */
export const SeriesInfo = z.object({
  id: z.number().int(),
  deviceId: z.string(),
  instance: z.string(),
  metric: MetricKeySchema,
  labels: Labels,
  /** Time of the newest point, µs since the epoch; null when it has none. */
  lastTUs: z.number().nullable(),
});
export type SeriesInfo = z.infer<typeof SeriesInfo>;

/**
 * Points of one series in a range, as columns (uPlot takes columns). `value` null is a gap, never a
 * zero; `flags` are POINT_FLAGS. When the range held more than maxPoints, `downsampled` is true and
 * each bucket keeps its minimum and maximum (and a gap, when it held one).
 */
export const SeriesColumns = z.object({
  id: z.number().int(),
  tUs: z.array(z.number()),
  value: z.array(z.number().nullable()),
  flags: z.array(z.number().int()),
  downsampled: z.boolean(),
  /** Which tier answered: raw points, or minute/hour/day rollups (min and max of each bucket). */
  tier: z.enum(['raw', 'minute', 'hour', 'day']).optional(),
});
export type SeriesColumns = z.infer<typeof SeriesColumns>;

export const MAX_QUERY_SERIES = 64;

export const SeriesQuery = z
  .object({
    seriesIds: z.array(z.number().int().min(1)).max(MAX_QUERY_SERIES).optional(),
    keys: z.array(SeriesKey).max(MAX_QUERY_SERIES).optional(),
    fromMs: z.number(),
    toMs: z.number(),
    maxPoints: z.number().int().min(3).max(100_000).default(2000),
  })
  .refine((q) => (q.seriesIds?.length ?? 0) + (q.keys?.length ?? 0) > 0, { message: 'name at least one series (seriesIds or keys)', path: ['seriesIds'] })
  .refine((q) => q.fromMs <= q.toMs, { message: 'fromMs must not be after toMs', path: ['toMs'] });
export type SeriesQuery = z.output<typeof SeriesQuery>;

export const EventQuery = z.object({
  deviceId: z.string(),
  sinceMs: z.number().optional(),
  untilMs: z.number().optional(),
  kinds: z.array(DeviceEventKind).optional(),
  limit: z.number().int().min(1).max(100_000).default(1000),
});
export type EventQuery = z.output<typeof EventQuery>;

/** A stored event: the event plus its row id (stable, for paging and de-duplication). */
export const StoredEvent = DeviceEvent.extend({ id: z.number().int() });
export type StoredEvent = z.infer<typeof StoredEvent>;
