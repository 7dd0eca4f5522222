import { z } from 'zod';
import { ErrorValue } from './errors';
import { PortState } from './ptp';

/**
 * One meaning of each state everywhere (UI badge, `device list`, /metrics `syncscope_device_up`):
 * - `online`: reachable and measuring (the last poll gave a sample);
 * - `no-data`: reachable, but not measuring (ptp4l silent, pmc refused, no permission…): `lastError` says why;
 * - `offline`: not reachable (or its profile cannot be used): `lastError` says why;
 * - `awaiting-host-key`: first contact (or a changed key) waits for the operator to trust or reject the
 *   device's SSH host key; nothing is sent to the device meanwhile;
 * - `connecting`: a connection attempt is under way; `idle`: not started yet;
 * - `disconnected`: the operator disconnected it (to flash it, say): its connection is closed, its serial
 *   port released, nothing is polled until it is connected again; a deliberate gap, not an outage.
 */
export const Connection = z.enum(['idle', 'connecting', 'online', 'no-data', 'awaiting-host-key', 'offline', 'disconnected']);
export type Connection = z.infer<typeof Connection>;

/** What a device row shows: is it reachable and measuring, what its port does, what went wrong last. */
export const DeviceStatus = z.object({
  deviceId: z.string(),
  connection: Connection,
  portState: PortState.nullable(),
  lastError: ErrorValue.nullable(),
  lastSampleAtMs: z.number().nullable(),
  /** While waiting to retry after a failure: when the next attempt starts, ms since the epoch (engine clock). Otherwise null. */
  nextRetryAtMs: z.number().nullable(),
});
export type DeviceStatus = z.infer<typeof DeviceStatus>;
