import { NumberInput } from '@mantine/core';
import type { FieldErrors, FormField } from './form-fields';

export interface PortInputProps {
  field: FormField;
  label: string;
  value: number | string;
  errors: FieldErrors;
  onChange(value: number | string): void;
}

/** An SSH port box. The schema (shared SshPort) judges the number: a clamp would silently turn 99999 into 65535. */
export function PortInput({ field, label, value, errors, onChange }: PortInputProps) {
  return (
    <NumberInput
      label={label}
      maw={160}
      min={1}
      max={65535}
      clampBehavior="none"
      allowDecimal={false}
      allowNegative={false}
      value={value}
      onChange={onChange}
      error={errors[field]}
      data-testid={`device-form-${field}`}
    />
  );
}
