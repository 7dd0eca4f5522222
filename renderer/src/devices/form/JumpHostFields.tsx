import { Fieldset, Group, Input, SegmentedControl, Stack, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AuthFields } from './AuthFields';
import { MONOSPACE_INPUT, textProps, type SectionProps } from './field-props';
import type { FormField } from './form-fields';
import type { JumpFormValues } from './form-values';
import { PortInput } from './PortInput';

export interface JumpHostFieldsProps extends SectionProps<JumpFormValues> {
  keepSecret?: string;
  onFieldError(field: FormField, message: string): void;
}

/** One hop before the device, as OpenSSH's ProxyJump: off by default; logs in as the device does unless given its own login. */
export function JumpHostFields({ values, errors, onChange, keepSecret, onFieldError }: JumpHostFieldsProps) {
  const { t } = useTranslation();
  const text = (key: 'host' | 'user' | 'hostKeySha256') => textProps(`jump.${key}`, values[key], (v) => onChange({ [key]: v }, `jump.${key}`), errors);
  return (
    <Stack gap="sm">
      <Switch
        label={t('deviceForm.jump.enable')}
        description={t('deviceForm.jump.enableDescription')}
        checked={values.enabled}
        onChange={(e) => onChange({ enabled: e.currentTarget.checked }, 'jump.host')}
        data-testid="device-form-jump-enabled"
      />
      {values.enabled && (
        <Fieldset legend={t('deviceForm.jump.section')} data-testid="device-form-jump">
          <Stack gap="sm">
            <Group align="flex-start" grow preventGrowOverflow={false}>
              <TextInput label={t('deviceForm.jump.host')} placeholder={t('form.hostPlaceholder')} required {...text('host')} />
              <PortInput field="jump.sshPort" label={t('deviceForm.jump.sshPort')} value={values.sshPort} errors={errors} onChange={(v) => onChange({ sshPort: v }, 'jump.sshPort')} />
            </Group>
            <TextInput label={t('deviceForm.jump.user')} required {...text('user')} />
            <Input.Wrapper label={t('deviceForm.jump.authMode')}>
              <SegmentedControl
                fullWidth
                value={values.ownAuth ? 'own' : 'device'}
                onChange={(mode) => onChange({ ownAuth: mode === 'own' }, 'jump.authKind')}
                data={[
                  { value: 'device', label: t('deviceForm.jump.sameAsDevice') },
                  { value: 'own', label: t('deviceForm.jump.ownLogin') },
                ]}
                data-testid="device-form-jump-authMode"
              />
            </Input.Wrapper>
            {values.ownAuth && (
              <AuthFields
                prefix="jump."
                values={values.auth}
                errors={errors}
                keepSecret={keepSecret}
                onChange={(change, field) => onChange({ auth: { ...values.auth, ...change } }, field)}
                onFieldError={onFieldError}
              />
            )}
            <TextInput
              label={t('deviceForm.jump.hostKeySha256')}
              description={t('deviceForm.jump.hostKeySha256Description')}
              placeholder={t('form.hostKeySha256Placeholder')}
              styles={MONOSPACE_INPUT}
              {...text('hostKeySha256')}
            />
          </Stack>
        </Fieldset>
      )}
    </Stack>
  );
}
