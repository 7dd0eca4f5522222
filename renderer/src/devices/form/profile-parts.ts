import { DEFAULT_SSH_PORT, type SerialSettings } from '../../../../shared/domain/device';
import type { AuthFormValues, InstanceFormValues, JumpFormValues, SerialFormValues } from './form-values';

/**
 * How each section of the form becomes its part of a profile, before the schemas judge it. Optional
 * text left empty is left out (the schema's default or "none" applies); everything else goes as typed.
 */

/** NumberInput hands back '' while the box is empty: that means "the default". */
export function numberOrDefault(value: number | string): number | undefined {
  if (typeof value === 'number') return value;
  return value.trim() === '' ? undefined : Number(value);
}

const given = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

export function authOf(auth: AuthFormValues) {
  switch (auth.kind) {
    case 'password':
    case 'keyboardInteractive':
      return { kind: auth.kind, password: auth.password };
    case 'privateKey':
      return { kind: auth.kind, privateKey: auth.privateKey, ...(auth.passphrase ? { passphrase: auth.passphrase } : {}) };
    case 'agent':
      return { kind: auth.kind };
  }
}

/** The secret a login kind needs typed, and the input that holds it; null for ssh-agent (nothing stored). */
export function secretOf(auth: AuthFormValues): { value: string; field: 'password' | 'privateKey' } | null {
  if (auth.kind === 'agent') return null;
  return auth.kind === 'privateKey' ? { value: auth.privateKey, field: 'privateKey' } : { value: auth.password, field: 'password' };
}

export function jumpOf(jump: JumpFormValues) {
  const hostKeySha256 = given(jump.hostKeySha256);
  return {
    host: jump.host.trim(),
    sshPort: numberOrDefault(jump.sshPort) ?? DEFAULT_SSH_PORT,
    user: jump.user.trim(),
    ...(jump.ownAuth ? { auth: authOf(jump.auth) } : {}),
    ...(hostKeySha256 ? { hostKeySha256 } : {}),
  };
}

/** One instance as the profile holds it (key order fixed, so two lists compare by their JSON). */
export function instanceOf(instance: InstanceFormValues) {
  const configPath = given(instance.configPath);
  const log =
    instance.logKind === 'file'
      ? { kind: 'file' as const, path: instance.logPath.trim() }
      : instance.logKind === 'journal'
        ? { kind: 'journal' as const, unit: instance.logUnit.trim() }
        : undefined;
  // Its words hold no spaces (the schema says so), so splitting the text gives the stored argv back.
  const restartCommand = instance.restartCommand.trim() === '' ? undefined : instance.restartCommand.trim().split(/\s+/);
  return { name: instance.name.trim(), udsPath: instance.udsPath.trim(), ...(configPath ? { configPath } : {}), ...(log ? { log } : {}), ...(restartCommand ? { restartCommand } : {}) };
}

/** `eth0, eth1` → ['eth0', 'eth1']; empty text → undefined (the default list). The schema judges each name. */
export function tsnInterfacesOf(text: string): string[] | undefined {
  const names = text.split(',').map((n) => n.trim()).filter((n) => n !== '');
  return names.length > 0 ? names : undefined;
}

export function serialLineOf(serial: SerialFormValues): SerialSettings {
  const { path, baudRate, dataBits, parity, stopBits, flowControl } = serial;
  return { path: path.trim(), baudRate, dataBits, parity, stopBits, flowControl };
}
