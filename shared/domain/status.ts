import { z } from 'zod';
import { ErrorValue } from './errors';
import { PortState } from './ptp';

export const Connection = z.enum(['idle', 'connecting', 'online', 'offline']);
export type Connection = z.infer<typeof Connection>;

/** What a device row shows: is it reachable, what its port does, what went wrong last. */
export const DeviceStatus = z.object({
  deviceId: z.string(),
  connection: Connection,
  portState: PortState.nullable(),
  lastError: ErrorValue.nullable(),
  lastSampleAtMs: z.number().nullable(),
  /** When the collector tries again after a failure (backoff), ms since the epoch. */
  nextRetryAtMs: z.number().nullable(),
});
export type DeviceStatus = z.infer<typeof DeviceStatus>;
