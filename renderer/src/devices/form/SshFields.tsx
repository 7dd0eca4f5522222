import { Group, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AuthFields } from './AuthFields';
import { MONOSPACE_INPUT, textProps, type SectionProps } from './field-props';
import type { FormField } from './form-fields';
import type { DeviceFormValues } from './form-values';
import { JumpHostFields } from './JumpHostFields';
import { PortInput } from './PortInput';

type SshValues = Pick<DeviceFormValues, 'host' | 'sshPort' | 'user' | 'auth' | 'hostKeySha256' | 'jump'>;

export interface SshFieldsProps extends SectionProps<SshValues> {
  keepSecret?: string;
  /** Editing a jump host that has its own stored login. */
  keepJumpSecret?: string;
  onFieldError(field: FormField, message: string): void;
}

/** Where an SSH device is, how it logs in, which host key it must show, and an optional jump host. */
export function SshFields({ values, errors, onChange, keepSecret, keepJumpSecret, onFieldError }: SshFieldsProps) {
  const { t } = useTranslation();
  const text = (key: 'host' | 'user' | 'hostKeySha256') => textProps(key, values[key], (v) => onChange({ [key]: v }, key), errors);
  return (
    <Stack gap="sm" data-testid="device-form-ssh">
      <Group align="flex-start" grow preventGrowOverflow={false}>
        <TextInput label={t('form.host')} placeholder={t('form.hostPlaceholder')} required {...text('host')} />
        <PortInput field="sshPort" label={t('form.sshPort')} value={values.sshPort} errors={errors} onChange={(v) => onChange({ sshPort: v }, 'sshPort')} />
      </Group>
      <TextInput label={t('form.user')} required {...text('user')} />
      <AuthFields
        prefix=""
        values={values.auth}
        errors={errors}
        keepSecret={keepSecret}
        onChange={(change, field) => onChange({ auth: { ...values.auth, ...change } }, field)}
        onFieldError={onFieldError}
      />
      <TextInput
        label={t('form.hostKeySha256')}
        description={t('deviceForm.hostKeySha256Description')}
        placeholder={t('form.hostKeySha256Placeholder')}
        styles={MONOSPACE_INPUT}
        {...text('hostKeySha256')}
      />
      <JumpHostFields
        values={values.jump}
        errors={errors}
        keepSecret={keepJumpSecret}
        onChange={(change, field) => onChange({ jump: { ...values.jump, ...change } }, field)}
        onFieldError={onFieldError}
      />
    </Stack>
  );
}
