import { z } from 'zod';

/**
 * Errors are values the UI can show: what happened, where, and what to check next.
 * `code` is stable for programs; `message` and `hint` are English text for people and logs;
 * `messageId` + `params` name the same text in the error catalog (shared/errors), so a console can
 * show it in the operator's language.
 */
export const ERROR_CODES = [
  'invalid-input',
  'not-found',
  'conflict',
  'unknown-method',
  'ssh-unreachable',
  'ssh-refused',
  'ssh-auth',
  'ssh-timeout',
  'ssh-not-ssh',
  'ssh-host-key-changed',
  'ssh-host-key-mismatch',
  'ssh-disconnected',
  'serial-unavailable',
  'serial-auth',
  'no-credentials',
  'pmc-missing',
  'pmc-permission',
  'ptp4l-not-running',
  'device-output',
  'secret-unavailable',
  'data-dir-locked',
  'port-in-use',
  'address-unavailable',
  'database',
  'engine-unreachable',
  'internal',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const MessageParams = z.record(z.string(), z.union([z.string(), z.number()]));
export type MessageParams = z.infer<typeof MessageParams>;

export const ErrorValue = z.object({
  code: ErrorCode,
  message: z.string(),
  hint: z.string().optional(),
  /** For invalid-input: the offending field, dotted (e.g. `auth.password`). */
  field: z.string().optional(),
  deviceId: z.string().optional(),
  /** Catalog id of `message`/`hint` (e.g. `ssh.auth`); absent for free text (zod messages, bugs). */
  messageId: z.string().optional(),
  /** Values for the `{{name}}` placeholders of the catalog entry. */
  params: MessageParams.optional(),
});
export type ErrorValue = z.infer<typeof ErrorValue>;

/** An ErrorValue that can be thrown and caught across async code, then sent as-is. */
export class SyncscopeError extends Error {
  readonly value: ErrorValue;
  constructor(value: ErrorValue) {
    super(value.message);
    this.name = 'SyncscopeError';
    this.value = value;
  }
}

export function errorValueOf(err: unknown): ErrorValue {
  if (err instanceof SyncscopeError) return err.value;
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message: `Unexpected error: ${message}`, hint: 'This is a bug in Syncscope; the engine log has details.', messageId: 'internal.unexpected', params: { detail: message } };
}
