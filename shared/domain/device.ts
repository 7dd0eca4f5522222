import { z } from 'zod';

/**
 * Device profiles: plain validated data (one schema, read by the UI form, the CLI and the store).
 * Every field that may later reach a shell on a device is constrained here, at the edge.
 */

export const DeviceName = z
  .string()
  .trim()
  .min(1, 'name is empty: give the device a name such as "gm-lab-1"')
  .max(64, 'name is longer than 64 characters')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, 'name may hold letters, digits, space, dot, underscore and dash, and must start with a letter or digit');

/** A DNS name, an IPv4 address or a bracket-free IPv6 address. */
export const HostName = z
  .string()
  .trim()
  .min(1, 'host is empty: give an IP address or a DNS name')
  .max(253)
  .regex(/^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$|^\d{1,3}(?:\.\d{1,3}){3}$|^[0-9A-Fa-f:]+(?:%[A-Za-z0-9_.-]+)?$/, 'host must be an IP address or a DNS name');

export const UserName = z
  .string()
  .trim()
  .min(1, 'user is empty: give the SSH login name')
  .max(32)
  .regex(/^[a-z_][a-z0-9_.-]*\$?$/i, 'user must be a POSIX login name (letters, digits, _ . -)');

/** pmc's UDS path to ptp4l: absolute, no shell metacharacters. */
export const UdsPath = z
  .string()
  .trim()
  .max(107, 'UDS path must be at most 107 characters (the Unix socket limit)')
  .regex(/^\/[A-Za-z0-9._/-]*$/, 'UDS path must be an absolute path of letters, digits, . _ / - (for example /var/run/ptp4l)')
  .refine((p) => !p.split('/').includes('..'), 'UDS path must not contain ".."');

/** One rule for SSH ports, for the form, the CLI and the engine. */
export const SshPort = z.number().int('SSH port must be a whole number').min(1, 'SSH port must be 1–65535').max(65535, 'SSH port must be 1–65535');
export const DEFAULT_SSH_PORT = 22;

/**
 * An SSH host key fingerprint as OpenSSH prints it (`ssh-keygen -l -E sha256`): `SHA256:` and 43
 * base64 characters. A profile may carry the one the first contact must match before any credential is sent.
 */
export const HostKeyFingerprint = z
  .string()
  .trim()
  .regex(/^SHA256:[A-Za-z0-9+/]{43}$/, 'host key fingerprint must look like SHA256:… (43 base64 characters, as `ssh-keygen -lf KEY.pub -E sha256` prints it)');

export const DEFAULT_UDS_PATH = '/var/run/ptp4l';
export const DEFAULT_POLL_INTERVAL_MS = 1000;

export const PollIntervalMs = z
  .number()
  .int()
  .min(200, 'poll interval must be at least 200 ms')
  .max(3_600_000, 'poll interval must be at most one hour');

export const SshAuthInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('password'), password: z.string().min(1, 'password is empty').max(1024) }),
  z.object({
    kind: z.literal('privateKey'),
    privateKey: z
      .string()
      .min(1, 'private key is empty')
      .max(64 * 1024)
      .refine((k) => /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(k), 'private key must be in PEM/OpenSSH form (-----BEGIN … PRIVATE KEY-----)'),
    passphrase: z.string().max(1024).optional(),
  }),
]);
export type SshAuthInput = z.infer<typeof SshAuthInput>;

const common = {
  name: DeviceName,
  udsPath: UdsPath.default(DEFAULT_UDS_PATH),
  pollIntervalMs: PollIntervalMs.default(DEFAULT_POLL_INTERVAL_MS),
};

export const SshDeviceInput = z.object({
  transport: z.literal('ssh'),
  ...common,
  host: HostName,
  sshPort: SshPort.default(DEFAULT_SSH_PORT),
  user: UserName,
  auth: SshAuthInput,
  /** Expected host key: when set, the first contact must present exactly this key before any credential is sent. */
  hostKeySha256: HostKeyFingerprint.optional(),
});

export const LocalDeviceInput = z.object({ transport: z.literal('local'), ...common });

export const DeviceInput = z.discriminatedUnion('transport', [SshDeviceInput, LocalDeviceInput]);
export type DeviceInput = z.output<typeof DeviceInput>;
export type DeviceInputRaw = z.input<typeof DeviceInput>;

/** An edit: every field optional; an omitted secret keeps the stored one. */
export const DevicePatch = z.object({
  name: DeviceName.optional(),
  udsPath: UdsPath.optional(),
  pollIntervalMs: PollIntervalMs.optional(),
  host: HostName.optional(),
  sshPort: SshPort.optional(),
  user: UserName.optional(),
  auth: SshAuthInput.optional(),
  /** Sets the expected host key (replacing a remembered one). */
  hostKeySha256: HostKeyFingerprint.optional(),
});
export type DevicePatch = z.infer<typeof DevicePatch>;

export const DeviceId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'device id is malformed');

/** What leaves the engine: never a secret, only which kind of secret is stored. */
export const DeviceView = z.object({
  id: DeviceId,
  name: z.string(),
  transport: z.enum(['ssh', 'local']),
  host: z.string().nullable(),
  sshPort: z.number().int().nullable(),
  user: z.string().nullable(),
  authKind: z.enum(['password', 'privateKey']).nullable(),
  udsPath: z.string(),
  pollIntervalMs: z.number().int(),
  hostKeySha256: z.string().nullable(),
  createdAtMs: z.number(),
  updatedAtMs: z.number(),
});
export type DeviceView = z.infer<typeof DeviceView>;

/** Where a device is, as an operator writes it: `ptp@192.0.2.10:22`, `root@[fe80::1]:22`, or null for the local machine. */
export function deviceTarget(d: Pick<DeviceView, 'transport' | 'host' | 'user' | 'sshPort'>): string | null {
  if (d.transport === 'local') return null;
  const host = d.host?.includes(':') ? `[${d.host}]` : (d.host ?? '?');
  return `${d.user ? `${d.user}@` : ''}${host}:${d.sshPort ?? DEFAULT_SSH_PORT}`;
}
