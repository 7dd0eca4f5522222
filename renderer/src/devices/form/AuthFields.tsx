import { Button, FileButton, Group, Input, PasswordInput, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SSH_AUTH_KINDS, type SshAuthKind } from '../../../../shared/domain/device';
import { readKeyFile } from '../read-key-file';
import { MONOSPACE_INPUT, textProps, type SectionProps } from './field-props';
import type { FormField } from './form-fields';
import type { AuthFormValues } from './form-values';

export interface AuthFieldsProps extends SectionProps<AuthFormValues> {
  /** '' for the device's login, 'jump.' for the jump host's own. */
  prefix: '' | 'jump.';
  /** Editing: secret inputs start empty and say that empty keeps the stored secret. */
  keepSecret?: string;
  /** A problem found here, not by the schema (an unreadable key file), shown under its input. */
  onFieldError(field: FormField, message: string): void;
}

/** One SSH login: the kind (password, private key, keyboard-interactive, ssh-agent) and the secret that kind needs. */
export function AuthFields({ prefix, values, errors, onChange, keepSecret, onFieldError }: AuthFieldsProps) {
  const { t } = useTranslation();
  const label: Record<SshAuthKind, string> = {
    password: t('form.authPassword'),
    privateKey: t('form.authPrivateKey'),
    keyboardInteractive: t('deviceForm.authKeyboardInteractive'),
    agent: t('deviceForm.authAgent'),
  };
  const text = (key: 'password' | 'privateKey' | 'passphrase') => textProps(`${prefix}${key}`, values[key], (v) => onChange({ [key]: v }, `${prefix}${key}`), errors);

  const loadKeyFile = async (file: File | null) => {
    if (!file) return;
    const read = await readKeyFile(file);
    if (read.ok) onChange({ privateKey: read.text }, `${prefix}privateKey`);
    else onFieldError(`${prefix}privateKey`, t(read.problem === 'too-big' ? 'form.privateKeyFileTooBig' : 'form.privateKeyFileUnreadable', { file: file.name }));
  };

  return (
    <Stack gap="sm">
      <Input.Wrapper label={t('form.authKind')} error={errors[`${prefix}authKind`]}>
        <SegmentedControl
          fullWidth
          value={values.kind}
          onChange={(kind) => onChange({ kind: kind as SshAuthKind }, `${prefix}authKind`)}
          data={SSH_AUTH_KINDS.map((kind) => ({ value: kind, label: label[kind] }))}
          data-testid={`device-form-${prefix}authKind`}
        />
      </Input.Wrapper>
      {(values.kind === 'password' || values.kind === 'keyboardInteractive') && (
        <PasswordInput
          label={t('form.password')}
          description={values.kind === 'keyboardInteractive' ? t('deviceForm.keyboardInteractiveNote') : undefined}
          placeholder={keepSecret}
          {...text('password')}
          autoComplete="new-password"
        />
      )}
      {values.kind === 'privateKey' && (
        <>
          <Stack gap={6}>
            <Textarea
              label={t('form.privateKey')}
              description={t('form.privateKeyDescription')}
              placeholder={keepSecret ?? t('form.privateKeyPlaceholder')}
              autosize
              minRows={4}
              maxRows={10}
              styles={MONOSPACE_INPUT}
              {...text('privateKey')}
            />
            <Group>
              <FileButton onChange={(file) => void loadKeyFile(file)}>
                {(props) => (
                  <Button {...props} size="xs" variant="light" data-testid={`device-form-${prefix}privateKey-file`}>
                    {t('form.privateKeyFromFile')}
                  </Button>
                )}
              </FileButton>
            </Group>
          </Stack>
          <PasswordInput label={t('form.passphrase')} placeholder={keepSecret} {...text('passphrase')} autoComplete="new-password" />
        </>
      )}
      {values.kind === 'agent' && (
        <Text size="sm" c="dimmed" data-testid={`device-form-${prefix}agentNote`}>
          {t('deviceForm.agentNote')}
        </Text>
      )}
    </Stack>
  );
}
