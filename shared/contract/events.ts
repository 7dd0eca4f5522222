import { z } from 'zod';
import { Alarm } from '../alarms/alarm-model';
import { DeviceView } from '../domain/device';
import { PtpSample } from '../domain/ptp';
import { DeviceStatus } from '../domain/status';
import { StoreHealth } from '../domain/store-health';
import { PushProgress } from './methods-config';
import { DeviceEvent } from '../series/device-event';
import { Reading } from '../series/series';
import { CaptureProgress } from '../sessions/capture-progress';
import { ImportProgress } from '../sessions/import-progress';

/** Everything the engine pushes, unasked: a first-class stream, same on IPC and socket.io. */
export const events = {
  'devices.changed': z.object({ devices: z.array(DeviceView) }),
  'device.status': DeviceStatus,
  'ptp.sample': PtpSample,
  /** Readings as they are stored (one device's batch at a time). */
  'series.readings': z.object({ deviceId: z.string(), readings: z.array(Reading) }),
  /** Device events as they happen. */
  'device.events': z.object({ deviceId: z.string(), events: z.array(DeviceEvent) }),
  /** A log import's progress (about every 250 ms) and its end (state done, cancelled or failed). */
  'sessions.importProgress': ImportProgress,
  /** A capture's progress (about every 250 ms) and its end. */
  'sessions.captureProgress': CaptureProgress,
  /** A session was captured, imported, opened or deleted: re-read sessions.list. */
  'sessions.changed': z.object({}),
  /** History writes started failing (a full disk) or resumed: sent at each change of state. */
  'store.health': StoreHealth,
  /** Alarms that changed state (fired, acknowledged, resolved, silenced): re-read alarms.active for the rest. */
  'alarms.changed': z.object({ alarms: z.array(Alarm) }),
  /** A notification for people (grouped: one per rule's group): the desktop app shows it as an OS notification. */
  'alarms.notification': z.object({ id: z.string(), status: z.enum(['firing', 'resolved']), severity: z.enum(['warning', 'critical']), title: z.string(), body: z.string() }),
  /** A config push moved to another step (or ended one): see methods-config.ts. */
  'config.push.progress': PushProgress,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

/** One pushed event on the wire. */
export type EventMessage = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName];
