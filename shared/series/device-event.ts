import { z } from 'zod';

/**
 * Events: what changed on a device, when. Port and servo states, grandmaster changes (a new best
 * master, or the local clock taking over), clock class and holdover, steps removed, foreign masters,
 * fault and warning lines, connection gaps, host-key refusals, pmc restarts.
 */
export const DEVICE_EVENT_KINDS = [
  'port-state',
  'servo-state',
  'gm-change',
  'clock-class',
  'holdover',
  'steps-removed',
  'foreign-master',
  'link',
  'notice',
  'connection',
  'host-key',
  'source-restart',
  'counter-reset',
  /** An alarm about this device fired, was acknowledged or resolved (shared/alarms): shown on its charts. */
  'alarm',
] as const;
export const DeviceEventKind = z.enum(DEVICE_EVENT_KINDS);
export type DeviceEventKind = z.infer<typeof DeviceEventKind>;

export const DeviceEvent = z.object({
  deviceId: z.string(),
  /** The ptp4l/phc2sys/ts2phc instance, or null for the device itself (connection, host key). */
  instance: z.string().max(128).nullable(),
  kind: DeviceEventKind,
  from: z.string().max(256).nullable(),
  to: z.string().max(256).nullable(),
  /** Small structured detail: port, interface, event name, notice code, severity, the raw line … */
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  /** Engine wall clock, ms since the epoch. */
  tMs: z.number(),
});
export type DeviceEvent = z.infer<typeof DeviceEvent>;
