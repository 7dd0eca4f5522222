import { z } from 'zod';
import { DeviceId } from '../domain/device';

/** Serial ports and consoles (joined into methods.ts). */

/** One port as the OS lists it; only `path` is always known. */
export const SerialPortInfo = z.object({
  path: z.string(),
  manufacturer: z.string().nullable(),
  serialNumber: z.string().nullable(),
  vendorId: z.string().nullable(),
  productId: z.string().nullable(),
  pnpId: z.string().nullable(),
});
export type SerialPortInfo = z.infer<typeof SerialPortInfo>;

export const SerialPortList = z.object({
  ports: z.array(SerialPortInfo),
  /** Set when the OS could not be asked (no udev): the list is then only device names, or empty. */
  note: z.string().nullable(),
});
export type SerialPortList = z.infer<typeof SerialPortList>;

/** One line of a device's raw serial console, stamped with the engine's wall time when it was complete. */
export const ConsoleLogLineView = z.object({
  tMs: z.number(),
  text: z.string(),
  /** `in`: the device printed it; `kernel`: a kernel message; `note`: what Syncscope did (never a secret). */
  kind: z.enum(['in', 'kernel', 'note']),
});
export type ConsoleLogLineView = z.infer<typeof ConsoleLogLineView>;

export const serialMethods = {
  /** The serial ports of the machine the engine runs on (for the device form's port picker). */
  'serial.ports': {
    params: z.object({}).default({}),
    result: SerialPortList,
  },
  /** The newest lines of a serial device's raw console (kept in memory, at most 2000); empty for other devices. */
  'serial.consoleLog': {
    params: z.object({ deviceId: DeviceId, limit: z.number().int().min(1).max(2000).default(500) }),
    result: z.array(ConsoleLogLineView),
  },
} as const;
