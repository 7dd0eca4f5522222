import { Alert, Button, Group, Input, Modal, NumberInput, PasswordInput, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceView } from '../../../shared/domain/device';
import { errorValueOf, type ErrorValue } from '../../../shared/domain/errors';
import { useEngine } from '../engine/EngineContext';
import {
  deviceFormFrom,
  emptyDeviceForm,
  formErrorsOfEngine,
  validateDeviceEdit,
  validateNewDevice,
  type DeviceFormValues,
  type FieldErrors,
} from './device-form-model';

export interface DeviceFormModalProps {
  /** The device to edit; absent to add a new one. */
  device?: DeviceView;
  onClose(): void;
  onSaved(device: DeviceView): void;
}

/** Add or edit a device. Mount it only while open, so each opening starts from a fresh form. */
export function DeviceFormModal({ device, onClose, onSaved }: DeviceFormModalProps) {
  const { client } = useEngine();
  const { t } = useTranslation();
  const editing = device !== undefined;
  const [values, setValues] = useState<DeviceFormValues>(() => (device ? deviceFormFrom(device) : emptyDeviceForm()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<ErrorValue | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof DeviceFormValues>(key: K, value: DeviceFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors(({ [key]: _cleared, ...rest }) => rest);
  };
  const text = (key: 'name' | 'host' | 'user' | 'password' | 'privateKey' | 'passphrase' | 'udsPath') => ({
    value: values[key],
    onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value),
    error: errors[key],
    'data-testid': `device-form-${key}`,
  });
  const keepSecret = editing ? t('form.keepSecret') : undefined;

  const showInvalid = (shown: { errors: FieldErrors; formError: ErrorValue | null }) => {
    setErrors(shown.errors);
    setFormError(shown.formError);
  };

  const save = async (call: () => Promise<DeviceView>) => {
    setBusy(true);
    try {
      onSaved(await call());
    } catch (err) {
      showInvalid(formErrorsOfEngine(errorValueOf(err)));
      setBusy(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    if (device) {
      const checked = validateDeviceEdit(values, device, t('form.secretRequired'));
      if (!checked.ok) return showInvalid(checked);
      const patch = checked.value;
      await save(async () => (Object.keys(patch).length === 0 ? device : client.call('devices.update', { id: device.id, patch })));
    } else {
      const checked = validateNewDevice(values);
      if (!checked.ok) return showInvalid(checked);
      await save(() => client.call('devices.add', checked.value));
    }
  };

  return (
    <Modal opened onClose={onClose} size="lg" title={editing ? t('form.editTitle', { name: device.name }) : t('form.addTitle')}>
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="device-form">
        <Stack gap="sm">
          <Input.Wrapper label={t('form.transport')} error={errors.transport}>
            <SegmentedControl
              fullWidth
              disabled={editing}
              value={values.transport}
              onChange={(v) => set('transport', v)}
              data={[
                { value: 'ssh' as const, label: t('form.transportSsh') },
                { value: 'local' as const, label: t('form.transportLocal') },
              ]}
              data-testid="device-form-transport"
            />
          </Input.Wrapper>
          <TextInput label={t('form.name')} placeholder={t('form.namePlaceholder')} autoComplete="off" data-autofocus required {...text('name')} />
          {values.transport === 'ssh' && (
            <>
              <Group align="flex-start" grow preventGrowOverflow={false}>
                <TextInput label={t('form.host')} placeholder={t('form.hostPlaceholder')} autoComplete="off" spellCheck={false} required {...text('host')} />
                <NumberInput
                  label={t('form.sshPort')}
                  maw={140}
                  min={1}
                  max={65535}
                  allowDecimal={false}
                  value={values.sshPort}
                  onChange={(v) => set('sshPort', v)}
                  error={errors.sshPort}
                  data-testid="device-form-sshPort"
                />
              </Group>
              <TextInput label={t('form.user')} autoComplete="off" spellCheck={false} required {...text('user')} />
              <Input.Wrapper label={t('form.authKind')} error={errors.authKind}>
                <SegmentedControl
                  fullWidth
                  value={values.authKind}
                  onChange={(v) => set('authKind', v)}
                  data={[
                    { value: 'password' as const, label: t('form.authPassword') },
                    { value: 'privateKey' as const, label: t('form.authPrivateKey') },
                  ]}
                  data-testid="device-form-authKind"
                />
              </Input.Wrapper>
              {values.authKind === 'password' ? (
                <PasswordInput label={t('form.password')} placeholder={keepSecret} autoComplete="new-password" {...text('password')} />
              ) : (
                <>
                  <Textarea
                    label={t('form.privateKey')}
                    placeholder={keepSecret ?? t('form.privateKeyPlaceholder')}
                    autosize
                    minRows={4}
                    maxRows={10}
                    spellCheck={false}
                    autoComplete="off"
                    ff="monospace"
                    {...text('privateKey')}
                  />
                  <PasswordInput label={t('form.passphrase')} placeholder={keepSecret} autoComplete="new-password" {...text('passphrase')} />
                </>
              )}
            </>
          )}
          <TextInput label={t('form.udsPath')} description={t('form.udsPathDescription')} spellCheck={false} autoComplete="off" {...text('udsPath')} />
          <NumberInput
            label={t('form.pollIntervalMs')}
            min={200}
            max={3_600_000}
            step={100}
            allowDecimal={false}
            value={values.pollIntervalMs}
            onChange={(v) => set('pollIntervalMs', v)}
            error={errors.pollIntervalMs}
            data-testid="device-form-pollIntervalMs"
          />
          {formError && (
            <Alert color="red" title={t('form.failed')} data-testid="device-form-error" data-code={formError.code}>
              {formError.message}
              {formError.hint && <Text size="sm">{formError.hint}</Text>}
            </Alert>
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="device-form-submit">
              {editing ? t('form.submitEdit') : t('form.submitAdd')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
