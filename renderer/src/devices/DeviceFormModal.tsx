import { Button, FileButton, Group, Input, Modal, NumberInput, PasswordInput, SegmentedControl, Stack, TextInput, Textarea } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceView } from '../../../shared/domain/device';
import { errorValueOf, type ErrorValue } from '../../../shared/domain/errors';
import { useEngine } from '../engine/EngineContext';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useErrorText } from '../errors/use-error-text';
import {
  deviceFormFrom,
  emptyDeviceForm,
  firstInvalidField,
  formErrorsOfEngine,
  validateDeviceEdit,
  validateNewDevice,
  type DeviceFormValues,
  type FieldErrors,
  type FormField,
  type IssueText,
} from './device-form-model';
import { readKeyFile } from './read-key-file';
import { validationKey } from './validation-text';

export interface DeviceFormModalProps {
  /** The device to edit; absent to add a new one. */
  device?: DeviceView;
  onClose(): void;
  onSaved(device: DeviceView): void;
}

/** Keys and fingerprints read best in monospace; labels and descriptions stay in the UI font. */
const MONOSPACE_INPUT = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

/** After a refused submit: the first field to show (and focus), or the form-wide error box. */
type Reveal = { target: FormField | 'form-error'; seq: number } | null;

/** Add or edit a device. Mount it only while open, so each opening starts from a fresh form. */
export function DeviceFormModal({ device, onClose, onSaved }: DeviceFormModalProps) {
  const { client } = useEngine();
  const { t } = useTranslation();
  const errorText = useErrorText();
  const editing = device !== undefined;
  const [values, setValues] = useState<DeviceFormValues>(() => (device ? deviceFormFrom(device) : emptyDeviceForm()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<ErrorValue | null>(null);
  const [busy, setBusy] = useState(false);
  const [reveal, setReveal] = useState<Reveal>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // A refused submit must be visible: the dialog may be scrolled far below the offending input
  // (a pasted key is long), and "Add" would then seem to do nothing.
  useEffect(() => {
    if (reveal) revealInForm(formRef.current, reveal.target);
  }, [reveal]);

  const set = <K extends keyof DeviceFormValues>(key: K, value: DeviceFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors(({ [key]: _cleared, ...rest }) => rest);
  };
  const text = (key: 'name' | 'host' | 'user' | 'password' | 'privateKey' | 'passphrase' | 'udsPath' | 'hostKeySha256') => ({
    value: values[key],
    onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value),
    error: errors[key],
    'data-testid': `device-form-${key}`,
  });
  const keepSecret = editing ? t('form.keepSecret') : undefined;
  const issueText: IssueText = (field, issue) => {
    const key = validationKey(field, issue);
    return key ? t(`validation.${key}`) : issue.message;
  };
  const fieldLabel = (field: FormField) => t(`form.${field}`);

  const showInvalid = (shown: { errors: FieldErrors; formError: ErrorValue | null }) => {
    setErrors(shown.errors);
    setFormError(shown.formError);
    const target = firstInvalidField(shown.errors) ?? (shown.formError ? 'form-error' : null);
    if (target) setReveal((r) => ({ target, seq: (r?.seq ?? 0) + 1 }));
  };

  const save = async (call: () => Promise<DeviceView>) => {
    setBusy(true);
    try {
      onSaved(await call());
    } catch (err) {
      const error = errorValueOf(err);
      showInvalid(formErrorsOfEngine(error, errorText(error).message, fieldLabel));
      setBusy(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    if (device) {
      const checked = validateDeviceEdit(values, device, t('form.secretRequired'), issueText);
      if (!checked.ok) return showInvalid(checked);
      const patch = checked.value;
      await save(async () => (Object.keys(patch).length === 0 ? device : client.call('devices.update', { id: device.id, patch })));
    } else {
      const checked = validateNewDevice(values, issueText);
      if (!checked.ok) return showInvalid(checked);
      await save(() => client.call('devices.add', checked.value));
    }
  };

  const loadKeyFile = async (file: File | null) => {
    if (!file) return;
    const read = await readKeyFile(file);
    if (read.ok) set('privateKey', read.text);
    else setErrors((e) => ({ ...e, privateKey: t(read.problem === 'too-big' ? 'form.privateKeyFileTooBig' : 'form.privateKeyFileUnreadable', { file: file.name }) }));
  };

  return (
    <Modal opened onClose={onClose} size="lg" title={editing ? t('form.editTitle', { name: device.name }) : t('form.addTitle')}>
      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate data-testid="device-form">
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
                  maw={160}
                  min={1}
                  max={65535}
                  // The schema (shared SshPort) judges the number: a clamp would silently turn 99999 into 65535.
                  clampBehavior="none"
                  allowDecimal={false}
                  allowNegative={false}
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
                  <Stack gap={6}>
                    <Textarea
                      label={t('form.privateKey')}
                      description={t('form.privateKeyDescription')}
                      placeholder={keepSecret ?? t('form.privateKeyPlaceholder')}
                      autosize
                      minRows={4}
                      maxRows={10}
                      spellCheck={false}
                      autoComplete="off"
                      styles={MONOSPACE_INPUT}
                      {...text('privateKey')}
                    />
                    <Group>
                      <FileButton onChange={(file) => void loadKeyFile(file)}>
                        {(props) => (
                          <Button {...props} size="xs" variant="light" data-testid="device-form-privateKey-file">
                            {t('form.privateKeyFromFile')}
                          </Button>
                        )}
                      </FileButton>
                    </Group>
                  </Stack>
                  <PasswordInput label={t('form.passphrase')} placeholder={keepSecret} autoComplete="new-password" {...text('passphrase')} />
                </>
              )}
              <TextInput
                label={t('form.hostKeySha256')}
                description={t('form.hostKeySha256Description')}
                placeholder={t('form.hostKeySha256Placeholder')}
                autoComplete="off"
                spellCheck={false}
                styles={MONOSPACE_INPUT}
                {...text('hostKeySha256')}
              />
            </>
          )}
          <TextInput label={t('form.udsPath')} description={t('form.udsPathDescription')} spellCheck={false} autoComplete="off" {...text('udsPath')} />
          <NumberInput
            label={t('form.pollIntervalMs')}
            min={200}
            max={3_600_000}
            step={100}
            clampBehavior="none"
            allowDecimal={false}
            allowNegative={false}
            value={values.pollIntervalMs}
            onChange={(v) => set('pollIntervalMs', v)}
            error={errors.pollIntervalMs}
            data-testid="device-form-pollIntervalMs"
          />
          {formError && <ErrorAlert error={formError} title={t('form.failed')} testId="device-form-error" />}
          {/* Sticky: the body scrolls under it, so the actions stay in sight on a short screen. */}
          <Group
            justify="flex-end"
            py="sm"
            data-testid="device-form-actions"
            style={{ position: 'sticky', bottom: 0, zIndex: 2, background: 'var(--mantine-color-body)', borderTop: '1px solid var(--mantine-color-default-border)' }}
          >
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

/** Scrolls a field (or the form's error box) to the middle of the dialog and focuses it. */
function revealInForm(form: HTMLFormElement | null, target: FormField | 'form-error'): void {
  const el = form?.querySelector<HTMLElement>(`[data-testid="device-form-${target}"]`);
  if (!el) return;
  el.scrollIntoView({ block: 'center' });
  // A segmented control is a group of radios: focus the chosen one.
  const focusable = el.matches('input, textarea') ? el : el.querySelector<HTMLElement>('input:checked, input, textarea, button');
  focusable?.focus({ preventScroll: true });
}
