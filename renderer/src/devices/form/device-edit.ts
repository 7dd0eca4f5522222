import { DEFAULT_POLL_INTERVAL_MS, DEFAULT_SSH_PORT, DevicePatch, type DeviceView, type SshAuthKind } from '../../../../shared/domain/device';
import type { FieldErrors } from './form-fields';
import { fieldErrorsOf, schemaEnglish, type FormResult, type IssueText } from './form-result';
import { deviceFormFrom, type AuthFormValues, type DeviceFormValues, type JumpFormValues } from './form-values';
import { authOf, instanceOf, jumpOf, numberOrDefault, secretOf, serialLineOf, tsnInterfacesOf } from './profile-parts';

/** What the operator reads when an edit needs a secret typed again (in their language). */
export interface EditTexts {
  /** The login kind changed: the new kind's secret is needed. */
  secretRequired: string;
  /** The jump host changed and has its own login: a saved jump host replaces its login, secret included. */
  jumpSecretRequired: string;
}
const ENGLISH: EditTexts = {
  secretRequired: 'Enter the new secret to switch the authentication kind',
  jumpSecretRequired: 'Enter the jump host’s secret again: saving a changed jump host replaces its login',
};

type Patch = Record<string, unknown>;
type Step = { ok: true } | { ok: false; errors: FieldErrors };
const OK: Step = { ok: true };

/** The device's own login: sent when a secret is typed or the kind changes (agent needs no secret). */
function authPatch(auth: AuthFormValues, storedKind: SshAuthKind | null, patch: Patch, texts: EditTexts): Step {
  const secret = secretOf(auth);
  if (secret === null) {
    if (storedKind !== 'agent') patch.auth = authOf(auth);
    return OK;
  }
  if (secret.value !== '') patch.auth = authOf(auth);
  else if (auth.kind !== storedKind) return { ok: false, errors: { [secret.field]: texts.secretRequired } };
  return OK;
}

/**
 * The jump host: null to go direct, the whole jump host when anything about it changed (the engine
 * replaces it, its login included, so a jump host with its own login needs its secret again).
 */
function jumpPatch(jump: JumpFormValues, stored: DeviceView['jump'], patch: Patch, texts: EditTexts): Step {
  if (!jump.enabled) {
    if (stored) patch.jump = null;
    return OK;
  }
  const next = jumpOf(jump);
  const secret = jump.ownAuth ? secretOf(jump.auth) : null;
  const changed =
    !stored ||
    next.host !== stored.host ||
    next.sshPort !== stored.sshPort ||
    next.user !== stored.user ||
    (next.hostKeySha256 !== undefined && next.hostKeySha256 !== stored.hostKeySha256) ||
    (jump.ownAuth ? jump.auth.kind : null) !== stored.authKind ||
    (secret !== null && secret.value !== '');
  if (!changed) return OK;
  if (secret !== null && secret.value === '') return { ok: false, errors: { [`jump.${secret.field}`]: texts.jumpSecretRequired } };
  patch.jump = next;
  return OK;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * An edit as a DevicePatch holding only what changed. Empty secret fields keep the stored secret,
 * unless the authentication kind changes: then the new secret is required. An emptied expected host
 * key keeps the stored one (a patch cannot remove it); so does an emptied serial console login.
 */
export function validateDeviceEdit(values: DeviceFormValues, original: DeviceView, texts: EditTexts = ENGLISH, issueText: IssueText = schemaEnglish): FormResult<DevicePatch> {
  const patch: Patch = {};
  const changed = (key: keyof DevicePatch, next: unknown, before: unknown): void => {
    if (next !== before) patch[key] = next;
  };
  changed('name', values.name.trim(), original.name);
  changed('pollIntervalMs', numberOrDefault(values.pollIntervalMs) ?? DEFAULT_POLL_INTERVAL_MS, original.pollIntervalMs);
  // Lists and line settings compare as the form would show the stored ones.
  const before = deviceFormFrom(original);
  const instances = values.instances.map(instanceOf);
  if (!sameJson(instances, before.instances.map(instanceOf))) patch.instances = instances;
  const tsnInterfaces = tsnInterfacesOf(values.tsnInterfaces) ?? null;
  if (!sameJson(tsnInterfaces, original.tsnInterfaces ?? null)) patch.tsnInterfaces = tsnInterfaces;
  const steps: Step[] = [];
  if (original.transport === 'ssh') {
    changed('host', values.host.trim(), original.host);
    changed('sshPort', numberOrDefault(values.sshPort) ?? DEFAULT_SSH_PORT, original.sshPort);
    changed('user', values.user.trim(), original.user);
    const hostKey = values.hostKeySha256.trim();
    if (hostKey !== '') changed('hostKeySha256', hostKey, original.hostKeySha256);
    steps.push(authPatch(values.auth, original.authKind, patch, texts), jumpPatch(values.jump, original.jump, patch, texts));
  }
  if (original.transport === 'serial') {
    const line = serialLineOf(values.serial);
    if (!sameJson(line, serialLineOf(before.serial))) patch.serial = line;
    const user = values.serial.user.trim();
    if (user !== '') changed('user', user, original.user);
    if (values.serial.password !== '') patch.password = values.serial.password;
  }
  const errors = steps.reduce<FieldErrors>((all, step) => (step.ok ? all : { ...all, ...step.errors }), {});
  if (Object.keys(errors).length > 0) return { ok: false, errors, formError: null };
  const parsed = DevicePatch.safeParse(patch);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, ...fieldErrorsOf(parsed.error, original.transport, issueText) };
}
