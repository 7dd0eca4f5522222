import type { FieldErrors, FormField } from './form-fields';

/** Keys and fingerprints read best in monospace; labels and descriptions stay in the UI font. */
export const MONOSPACE_INPUT = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

/** A section's slice of the form: its values, the errors on its inputs, and how it reports a change (and on which input). */
export interface SectionProps<T> {
  values: T;
  errors: FieldErrors;
  onChange(change: Partial<T>, field: FormField): void;
}

/** The props every text input of the form takes: its value, its error and its test id `device-form-<field>`. */
export function textProps(field: FormField, value: string, onText: (text: string) => void, errors: FieldErrors) {
  return {
    value,
    onChange: (e: { currentTarget: { value: string } }) => onText(e.currentTarget.value),
    error: errors[field],
    autoComplete: 'off',
    spellCheck: false,
    'data-testid': `device-form-${field}`,
  };
}
