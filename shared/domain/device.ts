import { z } from 'zod';
import { InterfaceName } from '../tsn/stats/interface-name';

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
  // 10 Hz: a poll over the kept-open pmc costs about a millisecond (the one-shot fallback's ~190 ms just runs back to back).
  .min(100, 'poll interval must be at least 100 ms')
  .max(3_600_000, 'poll interval must be at most one hour');

const Password = z.string().min(1, 'password is empty').max(1024);

/**
 * How an SSH login proves itself: a password, a private key (with its passphrase), keyboard-interactive
 * (answered with the password), or the engine's ssh-agent (`SSH_AUTH_SOCK`, nothing stored).
 */
export const SshAuthInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('password'), password: Password }),
  z.object({
    kind: z.literal('privateKey'),
    privateKey: z
      .string()
      .min(1, 'private key is empty')
      .max(64 * 1024)
      .refine((k) => /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(k), 'private key must be in PEM/OpenSSH form (-----BEGIN … PRIVATE KEY-----)'),
    passphrase: z.string().max(1024).optional(),
  }),
  z.object({ kind: z.literal('keyboardInteractive'), password: Password }),
  z.object({ kind: z.literal('agent') }),
]);
export type SshAuthInput = z.infer<typeof SshAuthInput>;
export const SSH_AUTH_KINDS = ['password', 'privateKey', 'keyboardInteractive', 'agent'] as const;
export const SshAuthKind = z.enum(SSH_AUTH_KINDS);
export type SshAuthKind = z.infer<typeof SshAuthKind>;

/** One hop before the device, as OpenSSH's ProxyJump. Without its own auth it logs in the way the device does. */
export const JumpHostInput = z.object({
  host: HostName,
  sshPort: SshPort.default(DEFAULT_SSH_PORT),
  user: UserName,
  auth: SshAuthInput.optional(),
  hostKeySha256: HostKeyFingerprint.optional(),
});
export type JumpHostInput = z.output<typeof JumpHostInput>;

/** A file on the device that a command will name (config, log): absolute, no "..", no shell metacharacters. */
export const DeviceFilePath = z
  .string()
  .trim()
  .max(1024, 'path must be at most 1024 characters')
  .regex(/^\/[A-Za-z0-9._/@+-]*$/, 'path must be absolute, of letters, digits and . _ / @ + - (for example /etc/linuxptp/ptp4l.conf)')
  .refine((p) => !p.split('/').includes('..'), 'path must not contain ".."');

/** A systemd unit as `journalctl -u` takes it (`ptp4l`, `ptp4l@eth0.service`); never starts with a dash. */
export const SystemdUnit = z
  .string()
  .trim()
  .max(256, 'unit name must be at most 256 characters')
  .regex(/^[A-Za-z0-9_][A-Za-z0-9:_.@-]*$/, 'unit must be a systemd unit name (letters, digits, : _ . @ -), for example ptp4l or ptp4l@eth0.service');

/** Where an instance's log lines come from: a file followed across rotation, or the journal of a unit. */
export const InstanceLog = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), path: DeviceFilePath }),
  z.object({ kind: z.literal('journal'), unit: SystemdUnit }),
]);
export type InstanceLog = z.infer<typeof InstanceLog>;

/** The name data is keyed by (never a process name): `ptp4l`, `eth0`, `bc@eth1`. */
export const InstanceName = z.string().trim().regex(/^[A-Za-z0-9_.@-]{1,64}$/, 'instance name must be 1–64 letters, digits or _ . @ -');

/**
 * How a pushed config is applied to an instance: one command as argv, run without a shell
 * (`systemctl restart ptp4l@eth0`, a lab's own restart script). Each word is checked here, so no
 * value from a profile can carry shell syntax even where a device's shell sees the command.
 */
export const RestartCommand = z
  .array(z.string())
  .min(1, 'restart command is empty: give the program and its arguments, e.g. systemctl restart ptp4l@eth0')
  .max(16, 'restart command may have at most 16 words')
  .superRefine((argv, ctx) => {
    const [program, ...args] = argv;
    if (program !== undefined && !/^(?:\/[A-Za-z0-9._/@+-]{1,1023}|[A-Za-z0-9_][A-Za-z0-9._+-]{0,127})$/.test(program)) {
      ctx.addIssue({ code: 'custom', path: [0], message: 'restart program must be a command name or an absolute path (letters, digits, . _ / @ + -), for example systemctl' });
    } else if (program?.split('/').includes('..')) ctx.addIssue({ code: 'custom', path: [0], message: 'restart program path must not contain ".."' });
    args.forEach((a, i) => {
      if (!/^[A-Za-z0-9._/@:=+,%-]{1,256}$/.test(a)) ctx.addIssue({ code: 'custom', path: [i + 1], message: `restart command word ${JSON.stringify(a.slice(0, 40))} may hold only letters, digits and . _ / @ : = + , % - (no spaces or shell characters)` });
    });
  });
export type RestartCommand = z.infer<typeof RestartCommand>;

/** One ptp4l on the device: its pmc socket, optionally its config (for pmc -f), its log source and how a pushed config is applied. */
export const PtpInstance = z.object({
  name: InstanceName,
  udsPath: UdsPath,
  configPath: DeviceFilePath.optional(),
  log: InstanceLog.optional(),
  restartCommand: RestartCommand.optional(),
});
export type PtpInstance = z.infer<typeof PtpInstance>;

export const MAX_INSTANCES = 8;
export const DEFAULT_INSTANCE_NAME = 'ptp4l';

export const PtpInstances = z
  .array(PtpInstance)
  .min(1, 'a device needs at least one ptp4l instance')
  .max(MAX_INSTANCES, `a device may have at most ${MAX_INSTANCES} ptp4l instances`)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((inst, i) => {
      if (seen.has(inst.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `instance name "${inst.name}" is used twice` });
      seen.add(inst.name);
    });
  });

const common = {
  name: DeviceName,
  /** Short form of one instance named `ptp4l`; give either this or `instances`. */
  udsPath: UdsPath.optional(),
  instances: PtpInstances.optional(),
  pollIntervalMs: PollIntervalMs.default(DEFAULT_POLL_INTERVAL_MS),
  /** Interfaces whose TSN statistics are read; absent: the ones ptp4l runs on plus every one with a configured root qdisc. */
  tsnInterfaces: z.array(InterfaceName).max(16, 'at most 16 TSN interfaces').optional(),
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
  jump: JumpHostInput.optional(),
});

export const LocalDeviceInput = z.object({ transport: z.literal('local'), ...common });

/** A serial port as the OS names it: `/dev/ttyUSB0`, `/dev/serial/by-id/…`, `COM3`. No shell metacharacters. */
export const SerialPath = z
  .string()
  .trim()
  .min(1, 'serial port is empty: give a path such as /dev/ttyUSB0 (Linux/macOS) or COM3 (Windows)')
  .max(256, 'serial port path must be at most 256 characters')
  .regex(/^(?:\/[A-Za-z0-9._/:+@-]+|COM\d{1,3})$/, 'serial port must be an absolute device path (/dev/ttyUSB0) or a Windows COM port (COM3)')
  .refine((p) => !p.split('/').includes('..'), 'serial port path must not contain ".."');

export const SERIAL_BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600] as const;
export const DEFAULT_SERIAL_BAUD = 115200;

/** Line settings of a serial console (8N1 at 115200 by default, as most embedded consoles run). */
export const SerialSettings = z.object({
  path: SerialPath,
  baudRate: z
    .number()
    .int()
    .refine((b) => (SERIAL_BAUD_RATES as readonly number[]).includes(b), `baud rate must be one of ${SERIAL_BAUD_RATES.join(', ')}`)
    .default(DEFAULT_SERIAL_BAUD),
  dataBits: z.union([z.literal(5), z.literal(6), z.literal(7), z.literal(8)]).default(8),
  parity: z.enum(['none', 'even', 'odd', 'mark', 'space']).default('none'),
  stopBits: z.union([z.literal(1), z.literal(1.5), z.literal(2)]).default(1),
  flowControl: z.enum(['none', 'rtscts', 'xonxoff']).default('none'),
});
export type SerialSettings = z.output<typeof SerialSettings>;

/**
 * A device reached through its serial console. With `user` (and `password`), Syncscope logs in at a
 * `login:` prompt; without, it expects a shell already open on the console.
 */
export const SerialDeviceInput = z.object({
  transport: z.literal('serial'),
  ...common,
  serial: SerialSettings,
  user: UserName.optional(),
  password: Password.optional(),
});

/** The one-instance short form (`udsPath`) and the list (`instances`) become one list; giving both is an error. */
function instancesOf(v: { udsPath?: string | undefined; instances?: PtpInstance[] | undefined }, ctx: z.RefinementCtx): PtpInstance[] {
  if (v.udsPath !== undefined && v.instances !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['instances'], message: 'give either udsPath (one instance) or instances, not both' });
    return v.instances;
  }
  return v.instances ?? [{ name: DEFAULT_INSTANCE_NAME, udsPath: v.udsPath ?? DEFAULT_UDS_PATH }];
}

export const DeviceInput = z.discriminatedUnion('transport', [SshDeviceInput, LocalDeviceInput, SerialDeviceInput]).transform((v, ctx) => {
  const { udsPath: _short, ...rest } = v;
  const instances = instancesOf(v, ctx);
  if (v.transport === 'serial') serialHasNoLogs(instances, ctx);
  return { ...rest, instances };
});

/**
 * A serial console is one shell, busy with each poll: following a log would need a second one.
 * Said at the edge rather than silently not done.
 */
export function serialHasNoLogs(instances: readonly PtpInstance[], ctx: z.RefinementCtx): void {
  instances.forEach((inst, i) => {
    if (inst.log) ctx.addIssue({ code: 'custom', path: ['instances', i, 'log'], message: 'a serial device cannot follow a log: its console is one shell, busy with the polls (reach the device over SSH to follow its log)' });
  });
}
export type DeviceInput = z.output<typeof DeviceInput>;
export type DeviceInputRaw = z.input<typeof DeviceInput>;

/** An edit: every field optional; an omitted secret keeps the stored one. */
export const DevicePatch = z
  .object({
    name: DeviceName.optional(),
    /** Short form: sets the first instance's UDS path. */
    udsPath: UdsPath.optional(),
    /** Replaces the instance list. */
    instances: PtpInstances.optional(),
    pollIntervalMs: PollIntervalMs.optional(),
    host: HostName.optional(),
    sshPort: SshPort.optional(),
    user: UserName.optional(),
    auth: SshAuthInput.optional(),
    /** Sets the expected host key (replacing a remembered one). */
    hostKeySha256: HostKeyFingerprint.optional(),
    /** Sets the jump host (its `auth` as given: absent means the device's own), or null to go direct. */
    jump: JumpHostInput.nullable().optional(),
    /** Serial devices: replaces the line settings. */
    serial: SerialSettings.optional(),
    /** Serial devices: the console login's password (omitted keeps the stored one). */
    password: Password.optional(),
    /** true: the operator disconnected the device (connection closed, serial port released, nothing polled); false connects it again. */
    disconnected: z.boolean().optional(),
    /** Replaces the TSN interface list; null goes back to the default (ptp4l's interfaces and configured qdiscs). */
    tsnInterfaces: z.array(InterfaceName).max(16, 'at most 16 TSN interfaces').nullable().optional(),
  })
  .refine((p) => p.udsPath === undefined || p.instances === undefined, { path: ['instances'], message: 'give either udsPath (one instance) or instances, not both' });
export type DevicePatch = z.infer<typeof DevicePatch>;

export const DeviceId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'device id is malformed');

/** A jump host as it leaves the engine: which kind of login, never the secret; authKind null = the device's own. */
export const JumpHostView = z.object({
  host: z.string(),
  sshPort: z.number().int(),
  user: z.string(),
  authKind: SshAuthKind.nullable(),
  hostKeySha256: z.string().nullable(),
});
export type JumpHostView = z.infer<typeof JumpHostView>;

/** What leaves the engine: never a secret, only which kind of secret is stored. */
export const DeviceView = z.object({
  id: DeviceId,
  name: z.string(),
  transport: z.enum(['ssh', 'local', 'serial']),
  host: z.string().nullable(),
  sshPort: z.number().int().nullable(),
  user: z.string().nullable(),
  authKind: SshAuthKind.nullable(),
  /** The first instance's UDS path (the one-instance short form). */
  udsPath: z.string(),
  instances: z.array(PtpInstance),
  jump: JumpHostView.nullable(),
  pollIntervalMs: z.number().int(),
  hostKeySha256: z.string().nullable(),
  /** Serial devices: the line settings (no secret); null otherwise. */
  serial: SerialSettings.nullable(),
  /** Disconnected by the operator: kept across engine restarts until connected again (absent: connected). */
  disconnected: z.boolean().optional(),
  /** Interfaces whose TSN statistics are read (absent: the default choice). */
  tsnInterfaces: z.array(z.string()).optional(),
  createdAtMs: z.number(),
  updatedAtMs: z.number(),
});
export type DeviceView = z.infer<typeof DeviceView>;

/** Where a device is, as an operator writes it: `ptp@192.0.2.10:22`, `root@[fe80::1]:22`, or null for the local machine. */
export function deviceTarget(d: Pick<DeviceView, 'transport' | 'host' | 'user' | 'sshPort'> & { serial?: DeviceView['serial'] }): string | null {
  if (d.transport === 'local') return null;
  if (d.transport === 'serial') return d.serial ? `${d.serial.path} @ ${d.serial.baudRate}` : 'serial';
  const host = d.host?.includes(':') ? `[${d.host}]` : (d.host ?? '?');
  return `${d.user ? `${d.user}@` : ''}${host}:${d.sshPort ?? DEFAULT_SSH_PORT}`;
}
