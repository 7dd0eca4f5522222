import type { z } from 'zod';
import type { ErrorValue } from '../../../../shared/domain/errors';
import { formFieldOf, type FieldErrors, type FormField } from './form-fields';
import type { FormTransport } from './form-values';

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors; formError: ErrorValue | null };

/** How a schema issue on a field reads to the operator (the UI translates; the default is the schema's English). */
export type IssueText = (field: FormField, issue: z.core.$ZodIssue) => string;
export const schemaEnglish: IssueText = (_field, issue) => issue.message;

/** Each issue on the input it belongs to (the first one per input); an issue on no input is for the whole form. */
export function fieldErrorsOf(error: z.ZodError, transport: FormTransport, issueText: IssueText): { errors: FieldErrors; formError: ErrorValue | null } {
  const errors: FieldErrors = {};
  let formError: ErrorValue | null = null;
  for (const issue of error.issues) {
    const field = formFieldOf(issue.path, transport);
    if (field) errors[field] ??= issueText(field, issue);
    else formError ??= { code: 'invalid-input', message: issue.message };
  }
  return { errors, formError };
}
