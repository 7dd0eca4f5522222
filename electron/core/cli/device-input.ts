import { readFileSync } from 'node:fs';
import { DeviceInput, DevicePatch } from '../../../shared/domain/device';
import { invalidInput } from '../../../shared/contract/dispatch';
import { SyncscopeError } from '../../../shared/domain/errors';
import { wholeNumber } from './numbers';

/** How `--auth` names the login kinds (kebab-case, as flags are written). */
export const AUTH_FLAG_KINDS = ['password', 'key', 'keyboard-interactive', 'agent'] as const;
export type AuthFlagKind = (typeof AUTH_FLAG_KINDS)[number];

export interface DeviceAddFlags {
  name?: string;
  host?: string;
  user?: string;
  key?: string;
  passphraseEnv?: string;
  passwordEnv?: string;
  auth?: AuthFlagKind;
  keyboardInteractive?: boolean;
  sshPort?: string;
  uds?: string;
  instance?: string[];
  jump?: string;
  /** The jump host's own login (as an OpenSSH Host entry of its own would give it); absent, it logs in as the device does. */
  jumpKey?: string;
  jumpPassphraseEnv?: string;
  jumpPasswordEnv?: string;
  jumpAuth?: AuthFlagKind;
  /** Expected host keys (SHA256:…), checked before any credential is sent. */
  hostKey?: string;
  jumpHostKey?: string;
  interval?: string;
  local?: boolean;
  serial?: string;
  baud?: string;
  dataBits?: string;
  parity?: string;
  stopBits?: string;
  flowControl?: string;
  /** `eth0,eth1`: the interfaces whose TSN statistics are read (absent: ptp4l's interfaces and those with a configured root qdisc). */
  tsnInterfaces?: string;
}

/** Contract fields → the flag a person typed, so errors name the flag to fix. */
const FLAG_OF: Record<string, string> = {
  name: '--name',
  host: '--host',
  user: '--user',
  sshPort: '--ssh-port',
  udsPath: '--uds',
  instances: '--instance',
  jump: '--jump',
  'jump.auth': '--jump-auth',
  'jump.auth.password': '--jump-password-env',
  'jump.auth.privateKey': '--jump-key',
  'jump.auth.passphrase': '--jump-passphrase-env',
  'jump.hostKeySha256': '--jump-host-key',
  hostKeySha256: '--host-key',
  pollIntervalMs: '--interval',
  'auth.password': '--password-env',
  'auth.privateKey': '--key',
  'auth.passphrase': '--passphrase-env',
  auth: '--auth',
  serial: '--serial',
  'serial.path': '--serial',
  'serial.baudRate': '--baud',
  'serial.dataBits': '--data-bits',
  'serial.parity': '--parity',
  'serial.stopBits': '--stop-bits',
  'serial.flowControl': '--flow-control',
  password: '--password-env',
  tsnInterfaces: '--tsn-interfaces',
};

/** `instances.1.udsPath` → `--instance`, `jump.host` → `--jump`: the flag of the longest known prefix. */
function flagOf(field: string): string | undefined {
  const parts = field.split('.');
  for (let n = parts.length; n > 0; n--) {
    const flag = FLAG_OF[parts.slice(0, n).join('.')];
    if (flag) return flag;
  }
  return undefined;
}

function fail(field: string, message: string, hint: string): never {
  throw new SyncscopeError({ code: 'invalid-input', field, message: `${flagOf(field) ?? field}: ${message}`, hint });
}

function fromEnv(field: string, variable: string, env: NodeJS.ProcessEnv): string {
  const v = env[variable];
  if (v === undefined || v === '') fail(field, `environment variable ${variable} is not set or empty`, `Export it first, e.g. read -rs ${variable}; export ${variable}`);
  return v;
}

/** Digits only; the range is the profile schema's (so `--ssh-port 70000` gets the same rule as the UI). */
function int(field: string, raw: string | undefined, example: number): number | undefined {
  return raw === undefined ? undefined : wholeNumber(flagOf(field) ?? field, raw, { example, field });
}

/** `NAME:UDS_PATH[:CONFIG_PATH]` (paths hold no colon: the profile schema refuses one). */
export function instanceFromFlag(raw: string, index: number): unknown {
  const parts = raw.split(':');
  if (parts.length < 2 || parts.length > 3) fail(`instances.${index}`, `"${raw}" is not NAME:UDS_PATH[:CONFIG_PATH]`, 'For example --instance eth0:/var/run/ptp4l-eth0:/etc/linuxptp/eth0.conf');
  const [name, udsPath, configPath] = parts;
  return { name, udsPath, ...(configPath ? { configPath } : {}) };
}

/** `eth0,eth1` → `['eth0', 'eth1']` (spaces and empty items dropped); `default` or nothing → null, the default list. Names are checked by the profile schema. */
export function tsnInterfacesFromFlag(raw: string): string[] | null {
  const names = raw.split(',').map((n) => n.trim()).filter((n) => n !== '');
  return names.length === 0 || (names.length === 1 && names[0] === 'default') ? null : names;
}

/** `[USER@]HOST[:PORT]`, with an IPv6 address in brackets (`hop@[2001:db8::1]:2222`); the user defaults to the device's. */
export function jumpFromFlag(raw: string, deviceUser: string | undefined, auth?: unknown): unknown {
  const m = /^(?:([^@]+)@)?(\[[^\]]+\]|[^:@[\]]+)(?::(\d{1,5}))?$/.exec(raw);
  if (!m) fail('jump', `"${raw}" is not [USER@]HOST[:PORT]`, 'For example --jump ops@bastion.lab:22 (an IPv6 host in brackets).');
  const [, user, host = '', port] = m;
  return { host: host.replace(/^\[|\]$/g, ''), user: user ?? deviceUser, ...(port !== undefined ? { sshPort: int('jump.sshPort', port, 22) } : {}), ...(auth !== undefined ? { auth } : {}) };
}

/** The jump host: where (`--jump`), its own login if any, the key it must present. */
function jumpFromFlags(f: DeviceAddFlags, env: NodeJS.ProcessEnv): unknown {
  const auth = jumpAuthFromFlags(f, env);
  if (!f.jump) {
    if (f.jumpHostKey !== undefined) fail('jump', "--jump-host-key is the jump host's key, and there is no --jump", 'Add --jump [USER@]HOST[:PORT], or drop --jump-host-key.');
    return undefined;
  }
  const jump = jumpFromFlag(f.jump, f.user, auth) as Record<string, unknown>;
  return f.jumpHostKey !== undefined ? { ...jump, hostKeySha256: f.jumpHostKey } : jump;
}

/** One login's flags: the device's (`--key`, `--auth` …) or its jump host's (`--jump-key`, `--jump-auth` …). */
interface LoginFlags {
  /** Where the login sits in the profile: `auth` or `jump.auth`. */
  field: string;
  key?: string | undefined;
  passphraseEnv?: string | undefined;
  passwordEnv?: string | undefined;
  auth?: AuthFlagKind | undefined;
}

function authFromFlags(f: LoginFlags, env: NodeJS.ProcessEnv): unknown {
  const at = (sub?: string) => (sub ? `${f.field}.${sub}` : f.field);
  const flag = (sub?: string) => flagOf(at(sub)) ?? at(sub);
  const [keyFlag, passwordFlag, authFlag] = [flag('privateKey'), flag('password'), flag()];
  const kind: AuthFlagKind | undefined = f.auth ?? (f.key ? 'key' : f.passwordEnv ? 'password' : undefined);
  if (f.key && f.passwordEnv) fail(at(), `give either ${keyFlag} or ${passwordFlag}, not both`, 'Pick one way to log in.');
  switch (kind) {
    case 'key': {
      if (!f.key) fail(at('privateKey'), `${authFlag} key needs ${keyFlag} FILE`, 'Give the private key file to log in with.');
      let privateKey: string;
      try {
        privateKey = readFileSync(f.key, 'utf8');
      } catch (err) {
        fail(at('privateKey'), `cannot read ${f.key}: ${(err as Error).message}`, 'Check the path to the private key file.');
      }
      return { kind: 'privateKey', privateKey, ...(f.passphraseEnv ? { passphrase: fromEnv(at('passphrase'), f.passphraseEnv, env) } : {}) };
    }
    case 'password':
    case 'keyboard-interactive':
      if (!f.passwordEnv) fail(at('password'), `${authFlag} ${kind} needs ${passwordFlag} VAR`, 'Export the password in an environment variable and name it.');
      return { kind: kind === 'password' ? 'password' : 'keyboardInteractive', password: fromEnv(at('password'), f.passwordEnv, env) };
    case 'agent':
      if (f.key || f.passwordEnv) fail(at(), `${authFlag} agent takes no ${keyFlag} or ${passwordFlag}`, 'The engine asks the ssh-agent at $SSH_AUTH_SOCK; nothing is stored.');
      return { kind: 'agent' };
    default:
      fail(at(), `an SSH device needs ${keyFlag} FILE, ${passwordFlag} VAR or ${authFlag} agent`, 'Or add --local for the machine the engine runs on.');
  }
}

function deviceAuthFromFlags(f: DeviceAddFlags, env: NodeJS.ProcessEnv): unknown {
  if (f.keyboardInteractive && f.auth && f.auth !== 'keyboard-interactive') fail('auth', `--keyboard-interactive and --auth ${f.auth} disagree`, 'Pick one way to log in.');
  return authFromFlags({ field: 'auth', key: f.key, passphraseEnv: f.passphraseEnv, passwordEnv: f.passwordEnv, auth: f.keyboardInteractive ? 'keyboard-interactive' : f.auth }, env);
}

/** The jump host's own login, when any of its flags is given; else undefined (it logs in as the device does). */
function jumpAuthFromFlags(f: DeviceAddFlags, env: NodeJS.ProcessEnv): unknown {
  const given = ([['jumpKey', '--jump-key'], ['jumpPasswordEnv', '--jump-password-env'], ['jumpAuth', '--jump-auth'], ['jumpPassphraseEnv', '--jump-passphrase-env']] as const).find(([k]) => f[k] !== undefined);
  if (!given) return undefined;
  if (!f.jump) fail('jump', `${given[1]} is the jump host's login, and there is no --jump`, 'Add --jump [USER@]HOST[:PORT], or drop the --jump-… login flags.');
  return authFromFlags({ field: 'jump.auth', key: f.jumpKey, passphraseEnv: f.jumpPassphraseEnv, passwordEnv: f.jumpPasswordEnv, auth: f.jumpAuth }, env);
}

/** A device on a serial console: line settings, and the console login (user, password from the environment) when given. */
function serialFromFlags(f: DeviceAddFlags, env: NodeJS.ProcessEnv): Record<string, unknown> {
  const ssh = (['host', 'key', 'jump', 'auth', 'keyboardInteractive', 'local', 'jumpKey', 'jumpPasswordEnv', 'jumpAuth', 'hostKey', 'jumpHostKey'] as const).find((k) => f[k] !== undefined && f[k] !== false);
  if (ssh) fail('serial', `a --serial device is reached through its console, not with --${ssh.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, 'Drop the SSH options; --user and --password-env log in at the console.');
  const stopBits = f.stopBits === undefined ? undefined : Number(f.stopBits);
  if (f.stopBits !== undefined && !/^(?:1|1\.5|2)$/.test(f.stopBits)) fail('serial.stopBits', `"${f.stopBits}" is not 1, 1.5 or 2`, 'Most consoles use 1 stop bit.');
  return {
    serial: {
      path: f.serial,
      ...(f.baud !== undefined ? { baudRate: int('serial.baudRate', f.baud, 115200) } : {}),
      ...(f.dataBits !== undefined ? { dataBits: int('serial.dataBits', f.dataBits, 8) } : {}),
      ...(f.parity !== undefined ? { parity: f.parity } : {}),
      ...(stopBits !== undefined ? { stopBits } : {}),
      ...(f.flowControl !== undefined ? { flowControl: f.flowControl } : {}),
    },
    ...(f.user !== undefined ? { user: f.user } : {}),
    ...(f.passwordEnv !== undefined ? { password: fromEnv('password', f.passwordEnv, env) } : {}),
  };
}

/** Builds and validates a device profile from CLI flags. Secrets come from files or env vars, never argv. */
export function deviceInputFromFlags(f: DeviceAddFlags, env: NodeJS.ProcessEnv = process.env): DeviceInput {
  const common = {
    name: f.name,
    udsPath: f.uds,
    ...(f.instance && f.instance.length > 0 ? { instances: f.instance.map(instanceFromFlag) } : {}),
    pollIntervalMs: int('pollIntervalMs', f.interval, 1000),
    ...(f.tsnInterfaces !== undefined ? { tsnInterfaces: tsnInterfacesFromFlag(f.tsnInterfaces) ?? undefined } : {}),
  };
  let raw: unknown;
  if (f.serial !== undefined) raw = { transport: 'serial', ...common, ...serialFromFlags(f, env) };
  else if (f.local) {
    if (f.jump || f.jumpKey || f.jumpPasswordEnv || f.jumpAuth || f.jumpHostKey) fail('jump', 'a --local device is not reached over SSH', 'Drop --jump and its login, or describe the device with --host instead of --local.');
    if (f.hostKey) fail('hostKeySha256', 'a --local device has no SSH host key', 'Drop --host-key, or describe the device with --host instead of --local.');
    raw = { transport: 'local', ...common };
  } else {
    const auth = deviceAuthFromFlags(f, env);
    const jump = jumpFromFlags(f, env);
    raw = { transport: 'ssh', ...common, host: f.host, user: f.user, sshPort: int('sshPort', f.sshPort, 22), auth, ...(f.hostKey !== undefined ? { hostKeySha256: f.hostKey } : {}), ...(jump ? { jump } : {}) };
  }
  const parsed = DeviceInput.safeParse(JSON.parse(JSON.stringify(raw)));
  if (!parsed.success) throwNamingFlag(parsed.error);
  return parsed.data;
}

/** A schema's refusal as the engine's invalid-input error, its message naming the flag a person typed. */
function throwNamingFlag(error: Parameters<typeof invalidInput>[0]): never {
  const v = invalidInput(error);
  const field = v.field ?? '';
  const flag = flagOf(field);
  const named = flag === FLAG_OF[field] ? `${flag}:` : `${flag} (${field}):`;
  throw new SyncscopeError({ ...v, message: flag ? v.message.replace(`${field}:`, named) : v.message });
}

/** The flags `device edit` takes, as a validated devices.update patch (only what was given changes). */
export function devicePatchFromFlags(f: Pick<DeviceAddFlags, 'tsnInterfaces' | 'interval'>): DevicePatch {
  const raw = {
    ...(f.tsnInterfaces !== undefined ? { tsnInterfaces: tsnInterfacesFromFlag(f.tsnInterfaces) } : {}),
    ...(f.interval !== undefined ? { pollIntervalMs: int('pollIntervalMs', f.interval, 1000) } : {}),
  };
  if (Object.keys(raw).length === 0) fail('patch', 'nothing to change', 'Give --tsn-interfaces eth0,eth1 (or default) or --interval MS.');
  const parsed = DevicePatch.safeParse(raw);
  if (!parsed.success) throwNamingFlag(parsed.error);
  return parsed.data;
}
