import type { ErrorValue } from '../../../../shared/domain/errors';
import { formFieldOf, type FieldErrors, type FormField } from './form-fields';
import type { FormTransport } from './form-values';

/**
 * An engine refusal: on the input it names, else for the whole form. `message` is the refusal in the
 * operator's language; `label` is that input's label in the same language.
 */
export function formErrorsOfEngine(
  error: ErrorValue,
  message: string,
  transport: FormTransport,
  label: (field: FormField) => string,
): { errors: FieldErrors; formError: ErrorValue | null } {
  const field = error.field ? formFieldOf(error.field, transport) : null;
  if (!field) return { errors: {}, formError: error };
  // Engine texts start with "<field>: " (or the translated label and a full-width colon, "名称：");
  // under the input itself that prefix only repeats the label.
  const prefixes = [`${error.field}: `, `${field}: `, `${label(field)}: `, `${label(field)}：`];
  const prefix = prefixes.find((p) => message.startsWith(p));
  return { errors: { [field]: prefix ? message.slice(prefix.length) : message }, formError: null };
}
