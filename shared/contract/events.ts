import { z } from 'zod';
import { DeviceView } from '../domain/device';
import { PtpSample } from '../domain/ptp';
import { DeviceStatus } from '../domain/status';

/** Everything the engine pushes, unasked: a first-class stream, same on IPC and socket.io. */
export const events = {
  'devices.changed': z.object({ devices: z.array(DeviceView) }),
  'device.status': DeviceStatus,
  'ptp.sample': PtpSample,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

/** One pushed event on the wire. */
export type EventMessage = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName];
