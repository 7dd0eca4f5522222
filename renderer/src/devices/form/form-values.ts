import {
  DEFAULT_INSTANCE_NAME,
  DEFAULT_POLL_INTERVAL_MS,
  DEFAULT_SERIAL_BAUD,
  DEFAULT_SSH_PORT,
  DEFAULT_UDS_PATH,
  SerialSettings,
  type DeviceView,
  type JumpHostView,
  type PtpInstance,
  type SshAuthKind,
} from '../../../../shared/domain/device';

/**
 * What the device form's inputs hold, as plain data. Numbers typed into a NumberInput may be '' (an
 * empty box); everything else is the text as typed. The schemas in shared/domain/device.ts judge it.
 */

export type FormTransport = DeviceView['transport'];
export type LogKind = 'none' | 'file' | 'journal';

export interface InstanceFormValues {
  name: string;
  udsPath: string;
  configPath: string;
  logKind: LogKind;
  /** The log file, when logKind is 'file'. */
  logPath: string;
  /** The systemd unit, when logKind is 'journal'. */
  logUnit: string;
  /** How a pushed config is applied: the command's words, separated by spaces (a word may hold none). */
  restartCommand: string;
}

/** One SSH login: which kind, and the secret fields it may use (password also answers keyboard-interactive). */
export interface AuthFormValues {
  kind: SshAuthKind;
  password: string;
  privateKey: string;
  passphrase: string;
}

export interface JumpFormValues {
  enabled: boolean;
  host: string;
  sshPort: number | string;
  user: string;
  /** false: the jump host is logged in to the way the device is (OpenSSH's ProxyJump default). */
  ownAuth: boolean;
  auth: AuthFormValues;
  hostKeySha256: string;
}

export type SerialLine = Omit<SerialSettings, 'path'>;

export interface SerialFormValues extends SerialLine {
  path: string;
  /** Console login at a `login:` prompt; empty for a console that already shows a shell. */
  user: string;
  password: string;
}

export interface DeviceFormValues {
  transport: FormTransport;
  name: string;
  host: string;
  sshPort: number | string;
  user: string;
  auth: AuthFormValues;
  /** Expected SSH host key (`SHA256:…`); empty for none. */
  hostKeySha256: string;
  jump: JumpFormValues;
  serial: SerialFormValues;
  instances: InstanceFormValues[];
  pollIntervalMs: number | string;
  /** Interfaces whose TSN statistics are read, comma-separated as typed; empty for the default (ptp4l's and those with a configured root qdisc). */
  tsnInterfaces: string;
}

export function emptyAuth(kind: SshAuthKind = 'password'): AuthFormValues {
  return { kind, password: '', privateKey: '', passphrase: '' };
}

export function emptyInstance(name = DEFAULT_INSTANCE_NAME, udsPath = DEFAULT_UDS_PATH): InstanceFormValues {
  return { name, udsPath, configPath: '', logKind: 'none', logPath: '', logUnit: '', restartCommand: '' };
}

/** The serial line defaults come from the schema itself (115200 8N1, no flow control). */
export const DEFAULT_SERIAL_LINE: SerialLine = (({ path: _path, ...line }) => line)(SerialSettings.parse({ path: '/dev/ttyS0' }));

export function emptyDeviceForm(): DeviceFormValues {
  return {
    transport: 'ssh',
    name: '',
    host: '',
    sshPort: DEFAULT_SSH_PORT,
    user: '',
    auth: emptyAuth(),
    hostKeySha256: '',
    jump: { enabled: false, host: '', sshPort: DEFAULT_SSH_PORT, user: '', ownAuth: false, auth: emptyAuth(), hostKeySha256: '' },
    serial: { path: '', ...DEFAULT_SERIAL_LINE, baudRate: DEFAULT_SERIAL_BAUD, user: '', password: '' },
    instances: [emptyInstance()],
    pollIntervalMs: DEFAULT_POLL_INTERVAL_MS,
    tsnInterfaces: '',
  };
}

function instanceFormFrom(instance: PtpInstance): InstanceFormValues {
  return {
    name: instance.name,
    udsPath: instance.udsPath,
    configPath: instance.configPath ?? '',
    logKind: instance.log?.kind ?? 'none',
    logPath: instance.log?.kind === 'file' ? instance.log.path : '',
    logUnit: instance.log?.kind === 'journal' ? instance.log.unit : '',
    restartCommand: instance.restartCommand?.join(' ') ?? '',
  };
}

function jumpFormFrom(jump: JumpHostView | null): JumpFormValues {
  const empty = emptyDeviceForm().jump;
  if (!jump) return empty;
  return {
    enabled: true,
    host: jump.host,
    sshPort: jump.sshPort,
    user: jump.user,
    ownAuth: jump.authKind !== null,
    auth: emptyAuth(jump.authKind ?? 'password'),
    hostKeySha256: jump.hostKeySha256 ?? '',
  };
}

/** The device's line settings (the view carries them as the profile schema has them), its console login without the password. */
function serialFormFrom(device: DeviceView): SerialFormValues {
  return { ...emptyDeviceForm().serial, ...device.serial, user: device.transport === 'serial' ? (device.user ?? '') : '', password: '' };
}

/** Secrets never leave the engine, so an edit starts with empty secret fields. */
export function deviceFormFrom(device: DeviceView): DeviceFormValues {
  const empty = emptyDeviceForm();
  return {
    ...empty,
    transport: device.transport,
    name: device.name,
    host: device.host ?? '',
    sshPort: device.sshPort ?? DEFAULT_SSH_PORT,
    user: device.transport === 'ssh' ? (device.user ?? '') : '',
    auth: emptyAuth(device.authKind ?? 'password'),
    hostKeySha256: device.hostKeySha256 ?? '',
    jump: jumpFormFrom(device.jump),
    serial: serialFormFrom(device),
    instances: device.instances.length > 0 ? device.instances.map(instanceFormFrom) : empty.instances,
    pollIntervalMs: device.pollIntervalMs,
    tsnInterfaces: device.tsnInterfaces?.join(', ') ?? '',
  };
}
