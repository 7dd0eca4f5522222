import { NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Effective } from '../../../shared/ptpconf';
import type { FormField } from './form-fields';

export interface OptionFieldProps {
  field: FormField;
  /** `global` or an interface name: used in test ids. */
  section: string;
  /** What the section itself sets, or undefined. */
  value: string | undefined;
  /** What ptp4l uses when the section does not set it ([global]'s value, or the default). */
  inherited: Effective;
  /** Sets the option; '' removes it from the section. */
  onChange(value: string): void;
}

/** One option of the form. Typed text goes into the file as it is, so a wrong value shows as the check's error, not a silent fix. */
export function OptionField({ field, section, value, inherited, onChange }: OptionFieldProps) {
  const { t } = useTranslation();
  const description = t(`config.form.option.${field.option}` as 'config.form.option.priority1');
  const testId = `config-field-${section}-${field.option}`;
  if (field.kind === 'enum') {
    const data = [{ value: '', label: t('config.form.inherit', { value: inherited.text }) }, ...field.values.map((v) => ({ value: v, label: v }))];
    const known = value === undefined || field.values.some((v) => v.toLowerCase() === value.toLowerCase());
    return (
      <NativeSelect
        label={field.option}
        description={description}
        data={known ? data : [...data, { value, label: value }]}
        value={value === undefined ? '' : (field.values.find((v) => v.toLowerCase() === value.toLowerCase()) ?? value)}
        onChange={(e) => onChange(e.currentTarget.value)}
        data-testid={testId}
      />
    );
  }
  return (
    <TextInput
      label={field.option}
      description={description}
      placeholder={t('config.form.inherit', { value: inherited.text })}
      value={value ?? ''}
      onChange={(e) => onChange(e.currentTarget.value.trim())}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      data-testid={testId}
    />
  );
}
