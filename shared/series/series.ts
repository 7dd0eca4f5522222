import { z } from 'zod';
import { isMetricKey, type MetricKey } from './metric-catalog';

/**
 * Series and readings. A series is (device, instance, metric, labels): `instance` names the ptp4l
 * (or phc2sys/ts2phc) instance the number belongs to — never a process name — so a boundary clock's
 * instances stay apart. A reading is what one poll or one log line measured at one time: its values
 * share that time (arrival on the engine's wall clock, µs) and, when the device gave one, the device's
 * own time (ns, as a decimal string: beyond 2^53).
 */

export const Labels = z.record(z.string().max(64), z.string().max(128));
export type Labels = z.infer<typeof Labels>;

export const MetricKeySchema = z.string().refine(isMetricKey, 'unknown metric');

export const SeriesKey = z.object({
  deviceId: z.string(),
  instance: z.string().max(128),
  metric: MetricKeySchema,
  labels: Labels,
});
export type SeriesKey = Omit<z.infer<typeof SeriesKey>, 'metric'> & { metric: MetricKey };

/**
 * Why a value is not a plain measurement. A value of null is a gap (no fresh measurement); its flags
 * say why. Flags on a number mark it as real but not to be trusted for statistics.
 */
export const POINT_FLAGS = {
  /** Not fresh: repeated from before (ingress_time did not advance), or a placeholder zero. */
  stale: 1,
  /** The first summary windows or samples before lock: absurd values are possible. */
  transient: 2,
  /** Around a clock step (servo state s1). */
  step: 4,
  /** An integer beyond 2^53 that a JS number could not hold exactly. */
  inexact: 8,
  /** A sentinel the device printed (UINT64_MAX, 999999 …): shown as n/a. */
  sentinel: 16,
} as const;

/** Flags that make a value no measurement at all: charts show a gap, /metrics drops the series. */
export const NOT_A_MEASUREMENT = POINT_FLAGS.stale | POINT_FLAGS.sentinel;

/** A fresh, real number: neither a gap, nor stale, nor a sentinel. */
export function isMeasurement(v: { value: number | null; flags?: number | undefined }): v is { value: number; flags?: number } {
  return v.value !== null && ((v.flags ?? 0) & NOT_A_MEASUREMENT) === 0;
}

export const ReadingValue = z.object({
  metric: MetricKeySchema,
  labels: Labels.optional(),
  value: z.number().nullable(),
  /** OR of POINT_FLAGS; 0 or absent for a plain measurement. */
  flags: z.number().int().min(0).optional(),
});
export type ReadingValue = Omit<z.infer<typeof ReadingValue>, 'metric'> & { metric: MetricKey };

export const Reading = z.object({
  deviceId: z.string(),
  instance: z.string().max(128),
  /** Arrival on the engine, µs since the epoch (wall clock). */
  tUs: z.number(),
  /** The device's own time of the measurement, ns as a decimal string (e.g. TIME_STATUS_NP ingress_time). */
  deviceTimeNs: z.string().regex(/^-?\d{1,20}$/).nullable(),
  values: z.array(ReadingValue),
});
export type Reading = Omit<z.infer<typeof Reading>, 'values'> & { values: ReadingValue[] };

/** Labels as one canonical string (keys sorted): the store's identity of a series, so {a,b} and {b,a} are one series. */
export function canonicalLabels(labels: Labels | undefined): string {
  if (!labels) return '{}';
  const keys = Object.keys(labels).sort();
  return JSON.stringify(Object.fromEntries(keys.map((k) => [k, labels[k]])));
}
