import { z } from 'zod';
import { DeviceId, DeviceView, HostKeyFingerprint } from '../domain/device';
import { HostKeyTarget } from '../hostkeys/host-key-prompt';

/** Who decided, as the caller names them (a console's or the CLI's login name); the engine adds where the request came from. */
const Operator = z.string().trim().min(1).max(64).regex(/^[\p{L}\p{N} ._@-]+$/u, 'operator may hold letters, digits, space and . _ @ -');

/**
 * Host keys the operator decides (joined into methods.ts). A trusted key becomes the profile's
 * expected key; every decision is a `host-key` device event (who, when, old → new) and a log line.
 */
export const hostKeyMethods = {
  /**
   * Trusts `fingerprint` for the device (or its jump host). It must be the key the device presents
   * now or the one waiting for a decision. Without `fingerprint`: whatever the first contact shows
   * (refused when a key is already expected: a changed key is accepted only by name).
   */
  'hostKeys.trust': {
    params: z.object({ deviceId: DeviceId, target: HostKeyTarget.default('device'), fingerprint: HostKeyFingerprint.optional(), operator: Operator.optional() }),
    result: z.object({ device: DeviceView, target: HostKeyTarget, from: z.string().nullable(), to: z.string() }),
  },
  /** Refuses a presented key: the device is not logged in to while it shows that key, and is not asked about it again. */
  'hostKeys.reject': {
    params: z.object({ deviceId: DeviceId, target: HostKeyTarget.default('device'), fingerprint: HostKeyFingerprint, operator: Operator.optional() }),
    result: z.object({ rejected: z.literal(true) }),
  },
  /** Reads the host keys the device (and its jump host) present now, sending no credential to an untrusted server. */
  'hostKeys.scan': {
    params: z.object({ deviceId: DeviceId }),
    result: z.object({ device: z.string().nullable(), jump: z.string().nullable() }),
  },
} as const;
