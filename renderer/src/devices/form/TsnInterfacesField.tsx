import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The profile's TSN interfaces as one comma-separated text; a refused name shows the rule in the console's language. */
export function TsnInterfacesField({ value, error, onChange }: { value: string; error: string | undefined; onChange(value: string): void }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('tsn.deviceForm.label')}
      description={t('tsn.deviceForm.description')}
      placeholder="eth0, eth1"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error === undefined ? undefined : t('tsn.deviceForm.invalid')}
      data-testid="device-form-tsnInterfaces"
    />
  );
}
