import { z } from 'zod';
import { DeviceEventKind } from '../../series/device-event';
import { Labels } from '../../series/series';

/**
 * What a summary says about a device over a window, as the contract carries it. Every number that
 * can be missing is null (no measurement in the window), never a zero.
 */
const n = z.number().nullable();

export const SeriesSummary = z.object({
  seriesId: z.number().int(),
  metric: z.string(),
  labels: Labels,
  unit: z.string(),
  /** Measurements counted (gaps, stale, sentinel, transient and step points left out). */
  count: z.number().int(),
  mean: n,
  min: n,
  max: n,
  /** Offsets only: percentiles of |value| (exact below 1024, within 0.1 % above). */
  abs: z.object({ p50: n, p95: n, p99: n, max: n }).optional(),
});
export type SeriesSummary = z.infer<typeof SeriesSummary>;

export const PortStateTime = z.object({
  port: z.string(),
  /** Milliseconds in each port state (ptp4l's names). */
  stateMs: z.record(z.string(), z.number()),
  /** The device was not online (no connection, or connected and measuring nothing): no state is known. */
  offlineMs: z.number(),
  /** The operator had disconnected the device (a deliberate gap, not counted as offline). */
  disconnectedMs: z.number(),
  /** Online, but no state seen yet (before the first port-state event of the window, or after a reconnect). */
  unknownMs: z.number(),
});
export type PortStateTime = z.infer<typeof PortStateTime>;

export const GapSummary = z.object({
  /** The offset series the gaps were read from; null when the instance has none. */
  metric: z.string().nullable(),
  count: z.number().int(),
  /** Time without measurements, less the time the operator had the device disconnected. */
  totalMs: z.number(),
  longestMs: z.number(),
  /** Time in the window the operator had the device disconnected ("disconnected by operator"), apart from the gaps. */
  disconnectedMs: z.number(),
});
export type GapSummary = z.infer<typeof GapSummary>;

export const GmChange = z.object({ tMs: z.number(), from: z.string().nullable(), to: z.string().nullable() });

export const EventCounts = z.partialRecord(DeviceEventKind, z.number().int());
export type EventCounts = z.infer<typeof EventCounts>;

export const InstanceSummary = z.object({
  instance: z.string(),
  offset: z.array(SeriesSummary),
  pathDelay: z.array(SeriesSummary),
  frequency: z.array(SeriesSummary),
  portStates: z.array(PortStateTime),
  gmChanges: z.object({ count: z.number().int(), first: z.array(GmChange) }),
  gaps: GapSummary,
  events: EventCounts,
});
export type InstanceSummary = z.infer<typeof InstanceSummary>;

export const DeviceSummary = z.object({
  deviceId: z.string(),
  name: z.string(),
  fromMs: z.number(),
  toMs: z.number(),
  instances: z.array(InstanceSummary),
  /** Time in the window the operator had the device disconnected: a deliberate gap, not an outage. */
  disconnectedMs: z.number(),
  /** Every event of the device in the window, by kind (device-level ones too: connection, host key). */
  events: EventCounts,
});
export type DeviceSummary = z.infer<typeof DeviceSummary>;
