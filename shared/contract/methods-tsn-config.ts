import { z } from 'zod';
import { DeviceId } from '../domain/device';

/**
 * Reading a device's TSN qdisc configuration (joined into methods.ts): the exact `tc -j qdisc show
 * dev IF` text, read over the device's live connection. The console parses it with
 * shared/tsn/config (both taprio schedules, exact 64-bit times), as it parses saved output.
 */
export const QdiscConfigText = z.object({
  deviceId: z.string(),
  iface: z.string(),
  /** tc's stdout as printed (JSON; invalid JSON from old iproute2 is for the reader to report). */
  text: z.string(),
  /** tc's stderr, e.g. `Cannot find device "eth9"`. */
  stderr: z.string(),
  exitCode: z.number().int().nullable(),
  readAtMs: z.number(),
});
export type QdiscConfigText = z.infer<typeof QdiscConfigText>;

export const tsnConfigMethods = {
  /** `tc -j qdisc show dev IFACE` on the device now; the interface name is checked before any command. */
  'tsn.qdiscConfig': {
    params: z.object({ deviceId: DeviceId, iface: z.string().max(64) }),
    result: QdiscConfigText,
  },
} as const;
