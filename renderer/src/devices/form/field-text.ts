import type { Resource } from '../../i18n/en';
import { fieldKind, type FieldKind, type FormField } from './form-fields';

/**
 * The shared zod schemas speak English (the CLI and the engine show those words). The form shows the
 * same rule in the operator's language: each known (kind of field, kind of issue) names a text; an
 * issue not in this table keeps the schema's English message. Labels are chosen the same way.
 */

type FirstValidation = keyof Resource['validation'];
type FormValidation = keyof Resource['deviceForm']['validation'];
export type ValidationTextKey = `validation.${FirstValidation}` | `deviceForm.validation.${FormValidation}`;
type IssueKind = 'too_small' | 'too_big' | 'invalid_format' | 'invalid_type' | 'custom';

const v = (key: FirstValidation) => `validation.${key}` as const;
const d = (key: FormValidation) => `deviceForm.validation.${key}` as const;

const VALIDATION_TEXT: Partial<Record<FieldKind, Partial<Record<IssueKind, ValidationTextKey>>>> = {
  name: { too_small: v('nameEmpty'), too_big: v('nameTooLong'), invalid_format: v('nameChars') },
  host: { too_small: v('hostEmpty'), too_big: v('hostTooLong'), invalid_format: v('hostFormat') },
  sshPort: { too_small: v('sshPortRange'), too_big: v('sshPortRange'), invalid_type: v('sshPortRange') },
  user: { too_small: v('userEmpty'), too_big: v('userTooLong'), invalid_format: v('userFormat') },
  password: { too_small: v('passwordEmpty'), too_big: v('secretTooLong') },
  privateKey: { too_small: v('privateKeyEmpty'), too_big: v('privateKeyTooBig'), custom: v('privateKeyPem') },
  passphrase: { too_big: v('secretTooLong') },
  hostKeySha256: { invalid_format: v('hostKeyFormat') },
  udsPath: { too_big: v('udsPathTooLong'), invalid_format: v('udsPathFormat'), custom: v('udsPathDotDot') },
  pollIntervalMs: { too_small: v('pollIntervalMin'), too_big: v('pollIntervalMax'), invalid_type: v('pollIntervalWhole') },
  instances: { too_small: d('instancesNone'), too_big: d('instancesTooMany') },
  instanceName: { invalid_format: d('instanceName'), custom: d('instanceNameTwice') },
  devicePath: { too_big: d('devicePathTooLong'), invalid_format: d('devicePathFormat'), custom: d('devicePathDotDot') },
  unit: { too_big: d('unitTooLong'), invalid_format: d('unitFormat') },
  restartCommand: { too_small: d('restartCommand'), too_big: d('restartCommand'), custom: d('restartCommand') },
  serialPath: { too_small: d('serialPathEmpty'), too_big: d('serialPathTooLong'), invalid_format: d('serialPathFormat'), custom: d('serialPathDotDot') },
  baudRate: { custom: d('baudRate') },
};

/** The translated text's key for a schema issue on a form field, or null to keep the schema's English. */
export function validationTextKey(field: FormField, issue: { code: string }): ValidationTextKey | null {
  return VALIDATION_TEXT[fieldKind(field)]?.[issue.code as IssueKind] ?? null;
}

type FirstFormLabel = 'transport' | 'name' | 'host' | 'sshPort' | 'user' | 'authKind' | 'password' | 'privateKey' | 'passphrase' | 'hostKeySha256' | 'udsPath' | 'pollIntervalMs';
type Section<S extends 'jump' | 'serial' | 'instances'> = keyof Resource['deviceForm'][S];
export type LabelKey = 'tsn.deviceForm.label' | `form.${FirstFormLabel}` | `deviceForm.jump.${Section<'jump'>}` | `deviceForm.serial.${Section<'serial'>}` | `deviceForm.instances.${Section<'instances'>}`;

const JUMP_LABELS: Record<string, LabelKey> = {
  host: 'deviceForm.jump.host',
  sshPort: 'deviceForm.jump.sshPort',
  user: 'deviceForm.jump.user',
  authKind: 'deviceForm.jump.authMode',
  hostKeySha256: 'deviceForm.jump.hostKeySha256',
};

/** The i18n key of a field's label (the same label the input shows). */
export function fieldLabelKey(field: FormField): LabelKey {
  if (field === 'tsnInterfaces') return 'tsn.deviceForm.label';
  const [head, second, third] = field.split('.');
  if (head === 'jump' && second) return JUMP_LABELS[second] ?? (`form.${second}` as LabelKey);
  if (head === 'serial') return `deviceForm.serial.${second}` as LabelKey;
  if (head === 'instances') {
    if (third === undefined) return 'deviceForm.instances.title';
    return third === 'udsPath' ? 'form.udsPath' : (`deviceForm.instances.${third}` as LabelKey);
  }
  return `form.${field}` as LabelKey;
}
