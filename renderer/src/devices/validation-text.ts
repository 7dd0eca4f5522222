import type { Resource } from '../i18n/en';
import type { FormField } from './device-form-model';

/**
 * The shared zod schemas speak English (the CLI and the engine show those words). The form shows the
 * same rule in the operator's language: each known (field, kind of issue) names a `validation.*`
 * text; anything not in this table keeps the schema's English message.
 */
export type ValidationKey = keyof Resource['validation'];
type IssueKind = 'too_small' | 'too_big' | 'invalid_format' | 'invalid_type' | 'custom';

const VALIDATION_TEXT: Partial<Record<FormField, Partial<Record<IssueKind, ValidationKey>>>> = {
  name: { too_small: 'nameEmpty', too_big: 'nameTooLong', invalid_format: 'nameChars' },
  host: { too_small: 'hostEmpty', too_big: 'hostTooLong', invalid_format: 'hostFormat' },
  sshPort: { too_small: 'sshPortRange', too_big: 'sshPortRange', invalid_type: 'sshPortRange' },
  user: { too_small: 'userEmpty', too_big: 'userTooLong', invalid_format: 'userFormat' },
  password: { too_small: 'passwordEmpty', too_big: 'secretTooLong' },
  privateKey: { too_small: 'privateKeyEmpty', too_big: 'privateKeyTooBig', custom: 'privateKeyPem' },
  passphrase: { too_big: 'secretTooLong' },
  udsPath: { too_big: 'udsPathTooLong', invalid_format: 'udsPathFormat', custom: 'udsPathDotDot' },
  pollIntervalMs: { too_small: 'pollIntervalMin', too_big: 'pollIntervalMax', invalid_type: 'pollIntervalWhole' },
  hostKeySha256: { invalid_format: 'hostKeyFormat' },
};

/** The translated text for a schema issue on a form field, or null to keep the schema's English. */
export function validationKey(field: FormField, issue: { code: string }): ValidationKey | null {
  return VALIDATION_TEXT[field]?.[issue.code as IssueKind] ?? null;
}
