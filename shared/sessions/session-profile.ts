import { z } from 'zod';
import type { DeviceView } from '../domain/device';

/**
 * A device profile as a session file keeps it: its own schema, not the console's DeviceView, so a
 * file stays readable when DeviceView changes (a field added later is absent from an older file and
 * defaults here; one added to DeviceView is simply not kept). Fields are picked one by one from the
 * view, never copied wholesale, so nothing secret can ride along with a future field.
 */
const nullableText = z.string().max(1024).nullable().default(null);

export const SessionInstance = z.object({
  name: z.string().max(128),
  udsPath: nullableText,
  configPath: nullableText,
  /** Where its log was followed: `file:/path` or `journal:unit` (the first files kept DeviceView's object). */
  log: z
    .union([z.string().max(1024), z.object({ kind: z.string(), path: z.string().optional(), unit: z.string().optional() }).transform((l) => `${l.kind}:${l.path ?? l.unit ?? ''}`)])
    .nullable()
    .default(null),
});

export const SessionProfile = z.object({
  transport: z.string().max(32),
  host: nullableText,
  sshPort: z.number().int().nullable().default(null),
  user: nullableText,
  /** Which kind of login it used (password, privateKey …): never the login itself. */
  authKind: nullableText,
  hostKeySha256: nullableText,
  pollIntervalMs: z.number().nullable().default(null),
  instances: z.array(SessionInstance).default([]),
  jump: z.object({ host: z.string().max(1024), sshPort: z.number().int().nullable().default(null), user: nullableText, hostKeySha256: nullableText }).nullable().default(null),
  serial: z.object({ path: z.string().max(1024), baudRate: z.number().nullable().default(null) }).nullable().default(null),
});
export type SessionProfile = z.infer<typeof SessionProfile>;

export function sessionProfileOf(d: DeviceView): SessionProfile {
  return {
    transport: d.transport,
    host: d.host,
    sshPort: d.sshPort,
    user: d.user,
    authKind: d.authKind,
    hostKeySha256: d.hostKeySha256,
    pollIntervalMs: d.pollIntervalMs,
    instances: d.instances.map((i) => ({ name: i.name, udsPath: i.udsPath, configPath: i.configPath ?? null, log: i.log ? (i.log.kind === 'file' ? `file:${i.log.path}` : `journal:${i.log.unit}`) : null })),
    jump: d.jump ? { host: d.jump.host, sshPort: d.jump.sshPort, user: d.jump.user, hostKeySha256: d.jump.hostKeySha256 } : null,
    serial: d.serial ? { path: d.serial.path, baudRate: d.serial.baudRate } : null,
  };
}
