import type { z } from 'zod';
import {
  DEFAULT_POLL_INTERVAL_MS,
  DEFAULT_UDS_PATH,
  DeviceInput,
  DevicePatch,
  type DeviceView,
} from '../../../shared/domain/device';
import type { ErrorValue } from '../../../shared/domain/errors';

/**
 * The add/edit device form as plain data: what the inputs hold, how they become a DeviceInput or a
 * DevicePatch (validated by the same zod schemas the engine uses) and which input an error belongs to.
 */

export const FORM_FIELDS = [
  'transport',
  'name',
  'host',
  'sshPort',
  'user',
  'authKind',
  'password',
  'privateKey',
  'passphrase',
  'hostKeySha256',
  'udsPath',
  'pollIntervalMs',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export type FieldErrors = Partial<Record<FormField, string>>;

export interface DeviceFormValues {
  transport: 'ssh' | 'local';
  name: string;
  host: string;
  /** NumberInput hands back '' while the box is empty. */
  sshPort: number | string;
  user: string;
  authKind: 'password' | 'privateKey';
  password: string;
  privateKey: string;
  passphrase: string;
  /** Expected SSH host key (`SHA256:…`); empty for none. */
  hostKeySha256: string;
  udsPath: string;
  pollIntervalMs: number | string;
}

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors; formError: ErrorValue | null };

export function emptyDeviceForm(): DeviceFormValues {
  return {
    transport: 'ssh',
    name: '',
    host: '',
    sshPort: 22,
    user: '',
    authKind: 'password',
    password: '',
    privateKey: '',
    passphrase: '',
    hostKeySha256: '',
    udsPath: DEFAULT_UDS_PATH,
    pollIntervalMs: DEFAULT_POLL_INTERVAL_MS,
  };
}

/** Secrets never leave the engine, so an edit starts with empty secret fields. */
export function deviceFormFrom(device: DeviceView): DeviceFormValues {
  return {
    ...emptyDeviceForm(),
    // The serial form lands with the serial transport's UI slice.
    transport: device.transport === 'serial' ? 'local' : device.transport,
    name: device.name,
    host: device.host ?? '',
    sshPort: device.sshPort ?? 22,
    user: device.user ?? '',
    // The form offers password and key until the UI slice adds keyboard-interactive and agent.
    authKind: device.authKind === 'privateKey' ? 'privateKey' : 'password',
    hostKeySha256: device.hostKeySha256 ?? '',
    udsPath: device.udsPath,
    pollIntervalMs: device.pollIntervalMs,
  };
}

/** Maps a zod issue path, or the engine's dotted `ErrorValue.field`, to the input that shows it. */
export function formFieldOf(path: readonly PropertyKey[] | string): FormField | null {
  const parts = (typeof path === 'string' ? path.split('.') : path.map(String)).filter((p) => p !== '');
  if (parts[0] === 'patch') parts.shift(); // devices.update wraps the edit in { id, patch }
  const [head, sub] = parts;
  if (head === 'auth') {
    if (sub === 'password' || sub === 'privateKey' || sub === 'passphrase') return sub;
    return 'authKind';
  }
  return (FORM_FIELDS as readonly string[]).includes(head ?? '') ? (head as FormField) : null;
}

function numberOrDefault(value: number | string): number | undefined {
  if (typeof value === 'number') return value;
  return value.trim() === '' ? undefined : Number(value);
}

function authOf(values: DeviceFormValues) {
  return values.authKind === 'password'
    ? { kind: 'password' as const, password: values.password }
    : { kind: 'privateKey' as const, privateKey: values.privateKey, ...(values.passphrase ? { passphrase: values.passphrase } : {}) };
}

/** How a schema issue on a field reads to the operator (the UI translates; the default is the schema's English). */
export type IssueText = (field: FormField, issue: z.ZodError['issues'][number]) => string;
const schemaEnglish: IssueText = (_field, issue) => issue.message;

/** The first field (in the order the form shows them) that has an error: where the operator's eyes go. */
export function firstInvalidField(errors: FieldErrors): FormField | null {
  return FORM_FIELDS.find((field) => errors[field] !== undefined) ?? null;
}

function fieldErrorsOf(error: z.ZodError, issueText: IssueText): { errors: FieldErrors; formError: ErrorValue | null } {
  const errors: FieldErrors = {};
  let formError: ErrorValue | null = null;
  for (const issue of error.issues) {
    const field = formFieldOf(issue.path);
    if (field) errors[field] ??= issueText(field, issue);
    else formError ??= { code: 'invalid-input', message: issue.message };
  }
  return { errors, formError };
}

/** A new device, validated with the engine's own DeviceInput schema. */
export function validateNewDevice(values: DeviceFormValues, issueText: IssueText = schemaEnglish): FormResult<DeviceInput> {
  const common = {
    name: values.name,
    udsPath: values.udsPath.trim() === '' ? undefined : values.udsPath,
    pollIntervalMs: numberOrDefault(values.pollIntervalMs),
  };
  const raw =
    values.transport === 'local'
      ? { transport: 'local' as const, ...common }
      : {
          transport: 'ssh' as const,
          ...common,
          host: values.host,
          sshPort: numberOrDefault(values.sshPort),
          user: values.user,
          auth: authOf(values),
          ...(values.hostKeySha256.trim() === '' ? {} : { hostKeySha256: values.hostKeySha256 }),
        };
  const parsed = DeviceInput.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, ...fieldErrorsOf(parsed.error, issueText) };
}

/**
 * An edit as a DevicePatch holding only what changed. Empty secret fields keep the stored secret,
 * unless the authentication kind changes: then the new secret is required. An emptied expected host
 * key keeps the stored one (a patch cannot remove it).
 */
export function validateDeviceEdit(values: DeviceFormValues, original: DeviceView, secretRequired: string, issueText: IssueText = schemaEnglish): FormResult<DevicePatch> {
  const patch: Record<string, unknown> = {};
  const changed = <K extends keyof DevicePatch>(key: K, next: unknown, before: unknown): void => {
    if (next !== before) patch[key] = next;
  };
  changed('name', values.name.trim(), original.name);
  changed('udsPath', values.udsPath.trim(), original.udsPath);
  changed('pollIntervalMs', numberOrDefault(values.pollIntervalMs) ?? DEFAULT_POLL_INTERVAL_MS, original.pollIntervalMs);
  if (original.transport === 'ssh') {
    changed('host', values.host.trim(), original.host);
    changed('sshPort', numberOrDefault(values.sshPort) ?? 22, original.sshPort);
    changed('user', values.user.trim(), original.user);
    const hostKey = values.hostKeySha256.trim();
    if (hostKey !== '') changed('hostKeySha256', hostKey, original.hostKeySha256);
    const secret = values.authKind === 'password' ? values.password : values.privateKey;
    if (secret !== '') patch.auth = authOf(values);
    else if (values.authKind !== original.authKind) {
      return { ok: false, errors: { [values.authKind]: secretRequired }, formError: null };
    }
  }
  const parsed = DevicePatch.safeParse(patch);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, ...fieldErrorsOf(parsed.error, issueText) };
}

/**
 * An engine refusal: on the input it names, else for the whole form. `message` is the refusal in the
 * operator's language; `label` is that input's label in the same language.
 */
export function formErrorsOfEngine(error: ErrorValue, message: string, label: (field: FormField) => string): { errors: FieldErrors; formError: ErrorValue | null } {
  const field = error.field ? formFieldOf(error.field) : null;
  if (!field) return { errors: {}, formError: error };
  // Engine texts start with "<field>: " (or the translated label and a full-width colon, "名称：");
  // under the input itself that prefix only repeats the label.
  const prefixes = [`${error.field}: `, `${field}: `, `${label(field)}: `, `${label(field)}：`];
  const prefix = prefixes.find((p) => message.startsWith(p));
  return { errors: { [field]: prefix ? message.slice(prefix.length) : message }, formError: null };
}
