import { z } from 'zod';
import type { ErrorValue } from '../domain/errors';
import type { Connection, DeviceStatus } from '../domain/status';

/** Which login a host key belongs to: the device's own, or the jump host's on the way. */
export const HostKeyTarget = z.enum(['device', 'jump']);
export type HostKeyTarget = z.infer<typeof HostKeyTarget>;

/**
 * What the operator is asked about a device: a first-contact key to trust or reject, or a changed
 * key (the expected one and the one presented now) to accept or keep refusing.
 */
export interface HostKeyPrompt {
  deviceId: string;
  target: HostKeyTarget;
  kind: 'new' | 'changed';
  /** `host:port` of the SSH server that presented the key. */
  hostPort: string;
  presented: string;
  /** The key expected until now (changed keys only). */
  expected: string | null;
}

/** Connect errors after which a device waits for its operator rather than for the network. */
const AWAITING_IDS = new Set(['ssh.host-key-unknown', 'ssh.host-key-mismatch']);

/** The connection state a failed connect leaves a device in: waiting for the operator on an untrusted or changed key, else offline. */
export function connectionAfterConnectError(error: ErrorValue): Extract<Connection, 'offline' | 'awaiting-host-key'> {
  return error.messageId && AWAITING_IDS.has(error.messageId) ? 'awaiting-host-key' : 'offline';
}

const Params = z.object({ hostPort: z.string(), role: HostKeyTarget.optional() });

/** The prompt a status asks for, read from its error's catalog id and parameters; null when it asks nothing. */
export function hostKeyPromptOf(status: DeviceStatus): HostKeyPrompt | null {
  return status.connection === 'awaiting-host-key' && status.lastError ? hostKeyPromptOfError(status.deviceId, status.lastError) : null;
}

/** The same from a refusal alone (ssh.host-key-unknown or ssh.host-key-mismatch with their parameters). */
export function hostKeyPromptOfError(deviceId: string, e: ErrorValue): HostKeyPrompt | null {
  if (!e.params) return null;
  const base = Params.safeParse(e.params);
  if (!base.success) return null;
  const target = base.data.role ?? 'device';
  const p = e.params;
  if (e.messageId === 'ssh.host-key-unknown' && typeof p.fingerprint === 'string') {
    return { deviceId, target, kind: 'new', hostPort: base.data.hostPort, presented: p.fingerprint, expected: null };
  }
  if (e.messageId === 'ssh.host-key-mismatch' && typeof p.presented === 'string' && typeof p.expected === 'string') {
    return { deviceId, target, kind: 'changed', hostPort: base.data.hostPort, presented: p.presented, expected: p.expected };
  }
  return null;
}
