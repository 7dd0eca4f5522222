import { MAX_INSTANCES } from '../../../../shared/domain/device';
import type { FormTransport } from './form-values';

/**
 * The form's inputs, named by where they sit in the profile (`jump.host`, `serial.path`,
 * `instances.1.udsPath`). Each input's test id is `device-form-<field>`; schema issues and engine
 * refusals are mapped onto these names, so an error shows under the input it is about.
 */

export const SSH_FIELDS = ['host', 'sshPort', 'user', 'authKind', 'password', 'privateKey', 'passphrase', 'hostKeySha256'] as const;
const AUTH_SECRETS = ['password', 'privateKey', 'passphrase'] as const;
export const JUMP_FIELDS = ['jump.host', 'jump.sshPort', 'jump.user', 'jump.authKind', 'jump.password', 'jump.privateKey', 'jump.passphrase', 'jump.hostKeySha256'] as const;
const SERIAL_KEYS = ['path', 'baudRate', 'dataBits', 'parity', 'stopBits', 'flowControl', 'user', 'password'] as const;
export const INSTANCE_KEYS = ['name', 'udsPath', 'configPath', 'logKind', 'logPath', 'logUnit', 'restartCommand'] as const;

type SerialField = `serial.${(typeof SERIAL_KEYS)[number]}`;
export type InstanceKey = (typeof INSTANCE_KEYS)[number];
export type InstanceField = `instances.${number}.${InstanceKey}`;
export type FormField = 'transport' | 'name' | (typeof SSH_FIELDS)[number] | (typeof JUMP_FIELDS)[number] | SerialField | 'instances' | InstanceField | 'pollIntervalMs' | 'tsnInterfaces';
export type FieldErrors = Partial<Record<FormField, string>>;

export const instanceField = (index: number, key: InstanceKey): InstanceField => `instances.${index}.${key}`;

/** Every input in the order the form shows them: where the operator's eyes go first. */
export const FIELD_ORDER: readonly FormField[] = [
  'transport',
  'name',
  ...SSH_FIELDS,
  ...JUMP_FIELDS,
  ...SERIAL_KEYS.map((k): SerialField => `serial.${k}`),
  'instances',
  ...Array.from({ length: MAX_INSTANCES }, (_, i) => INSTANCE_KEYS.map((k) => instanceField(i, k))).flat(),
  'pollIntervalMs',
  'tsnInterfaces',
];

export function firstInvalidField(errors: FieldErrors): FormField | null {
  return FIELD_ORDER.find((field) => errors[field] !== undefined) ?? null;
}

/** A change to one input clears its error; a change to the instance list (a removal) clears every instance error, as their positions moved. */
export function withoutErrorOf(errors: FieldErrors, field: FormField): FieldErrors {
  const kept = Object.entries(errors).filter(([key]) => (field === 'instances' ? !key.startsWith('instances') : key !== field));
  return Object.fromEntries(kept) as FieldErrors;
}

const oneOf = <T extends string>(list: readonly T[], value: string | undefined): value is T => value !== undefined && (list as readonly string[]).includes(value);

/** `auth.password` → `password`; `auth` or `auth.kind` → `authKind`. */
function authField(key: string | undefined): (typeof AUTH_SECRETS)[number] | 'authKind' {
  return oneOf(AUTH_SECRETS, key) ? key : 'authKind';
}

function instanceFieldOf(index: string | undefined, key: string | undefined, sub: string | undefined): FormField {
  if (index === undefined || !/^\d+$/.test(index)) return 'instances';
  const i = Number(index);
  if (key === 'log') return instanceField(i, sub === 'path' ? 'logPath' : sub === 'unit' ? 'logUnit' : 'logKind');
  return oneOf(['name', 'udsPath', 'configPath', 'restartCommand'] as const, key) ? instanceField(i, key) : 'instances';
}

/**
 * Maps a zod issue path, or the engine's dotted `ErrorValue.field`, to the input that shows it.
 * `transport` tells the serial console's `user`/`password` from the SSH ones.
 */
export function formFieldOf(path: readonly PropertyKey[] | string, transport: FormTransport): FormField | null {
  const parts = (typeof path === 'string' ? path.split('.') : path.map(String)).filter((p) => p !== '');
  if (parts[0] === 'patch') parts.shift(); // devices.update wraps the edit in { id, patch }
  const [head, a, b, c] = parts;
  switch (head) {
    case 'auth':
      return authField(a);
    case 'jump':
      if (a === 'auth') return `jump.${authField(b)}`;
      return oneOf(['host', 'sshPort', 'user', 'hostKeySha256'] as const, a) ? `jump.${a}` : 'jump.host';
    case 'serial':
      return oneOf(SERIAL_KEYS, a) ? `serial.${a}` : 'serial.path';
    case 'instances':
      return instanceFieldOf(a, b, c);
    case 'udsPath': // the one-instance short form
      return instanceField(0, 'udsPath');
    case 'user':
    case 'password':
      return transport === 'serial' ? `serial.${head}` : head;
    case 'transport':
    case 'name':
    case 'pollIntervalMs':
    case 'tsnInterfaces':
      return head;
    default:
      return oneOf(SSH_FIELDS, head) ? head : null;
  }
}

/**
 * What kind of value a field holds, whichever section it sits in: `jump.host` is a host like `host`,
 * `instances.3.logPath` a device file path. Texts and labels are chosen by kind.
 */
export type FieldKind =
  | 'transport'
  | 'name'
  | (typeof SSH_FIELDS)[number]
  | 'serialPath'
  | 'baudRate'
  | 'dataBits'
  | 'parity'
  | 'stopBits'
  | 'flowControl'
  | 'instances'
  | 'instanceName'
  | 'udsPath'
  | 'devicePath'
  | 'logKind'
  | 'restartCommand'
  | 'unit'
  | 'pollIntervalMs'
  | 'tsnInterfaces';

export function fieldKind(field: FormField): FieldKind {
  if (field.startsWith('jump.')) return field.slice('jump.'.length) as (typeof SSH_FIELDS)[number];
  if (field.startsWith('serial.')) {
    const key = field.slice('serial.'.length) as (typeof SERIAL_KEYS)[number];
    return key === 'path' ? 'serialPath' : key;
  }
  const instance = /^instances\.\d+\.(\w+)$/.exec(field);
  if (instance) {
    const key = instance[1] as InstanceKey;
    if (key === 'name') return 'instanceName';
    if (key === 'configPath' || key === 'logPath') return 'devicePath';
    return key === 'logUnit' ? 'unit' : key;
  }
  return field as FieldKind;
}
