import { Button, Group, Input, Modal, NumberInput, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceView } from '../../../shared/domain/device';
import { errorValueOf, type ErrorValue } from '../../../shared/domain/errors';
import { useEngine } from '../engine/EngineContext';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useErrorText } from '../errors/use-error-text';
import { validateDeviceEdit } from './form/device-edit';
import { formErrorsOfEngine } from './form/engine-errors';
import { textProps } from './form/field-props';
import { fieldLabelKey, validationTextKey } from './form/field-text';
import { TsnInterfacesField } from './form/TsnInterfacesField';
import { firstInvalidField, withoutErrorOf, type FieldErrors, type FormField } from './form/form-fields';
import type { IssueText } from './form/form-result';
import { deviceFormFrom, emptyDeviceForm, type DeviceFormValues, type FormTransport } from './form/form-values';
import { InstancesEditor } from './form/InstancesEditor';
import { validateNewDevice } from './form/new-device';
import { SerialFields } from './form/SerialFields';
import { SshFields } from './form/SshFields';
import { useSerialPorts } from './form/use-serial-ports';

export interface DeviceFormModalProps {
  /** The device to edit; absent to add a new one. */
  device?: DeviceView;
  onClose(): void;
  onSaved(device: DeviceView): void;
}

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
  const ports = useSerialPorts(values.transport === 'serial');

  // A refused submit must be visible: the dialog may be scrolled far below the offending input
  // (a pasted key is long), and "Add" would then seem to do nothing.
  useEffect(() => {
    if (reveal) revealInForm(formRef.current, reveal.target);
  }, [reveal]);

  const change = (next: Partial<DeviceFormValues>, field: FormField) => {
    setValues((v) => ({ ...v, ...next }));
    setErrors((e) => withoutErrorOf(e, field));
  };
  const fieldError = (field: FormField, message: string) => setErrors((e) => ({ ...e, [field]: message }));
  const keepSecret = editing ? t('form.keepSecret') : undefined;
  const issueText: IssueText = (field, issue) => {
    const key = validationTextKey(field, issue);
    return key ? t(key) : issue.message;
  };

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
      showInvalid(formErrorsOfEngine(error, errorText(error).message, values.transport, (field) => t(fieldLabelKey(field))));
      setBusy(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    if (device) {
      const texts = { secretRequired: t('form.secretRequired'), jumpSecretRequired: t('deviceForm.jump.secretRequired') };
      const checked = validateDeviceEdit(values, device, texts, issueText);
      if (!checked.ok) return showInvalid(checked);
      const patch = checked.value;
      await save(async () => (Object.keys(patch).length === 0 ? device : client.call('devices.update', { id: device.id, patch })));
    } else {
      const checked = validateNewDevice(values, issueText);
      if (!checked.ok) return showInvalid(checked);
      await save(() => client.call('devices.add', checked.value));
    }
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
              onChange={(v) => change({ transport: v as FormTransport }, 'transport')}
              data={[
                { value: 'ssh', label: t('form.transportSsh') },
                { value: 'serial', label: t('deviceForm.transportSerial') },
                { value: 'local', label: t('form.transportLocal') },
              ]}
              data-testid="device-form-transport"
            />
          </Input.Wrapper>
          <TextInput label={t('form.name')} placeholder={t('form.namePlaceholder')} data-autofocus required {...textProps('name', values.name, (name) => change({ name }, 'name'), errors)} />
          {values.transport === 'ssh' && (
            <SshFields
              values={values}
              errors={errors}
              onChange={change}
              keepSecret={keepSecret}
              keepJumpSecret={editing && device.jump?.authKind ? keepSecret : undefined}
              onFieldError={fieldError}
            />
          )}
          {values.transport === 'serial' && (
            <SerialFields values={values.serial} errors={errors} ports={ports} keepSecret={keepSecret} onChange={(next, field) => change({ serial: { ...values.serial, ...next } }, field)} />
          )}
          <InstancesEditor instances={values.instances} errors={errors} onChange={(instances, field) => change({ instances }, field)} />
          <NumberInput
            label={t('form.pollIntervalMs')}
            min={100}
            max={3_600_000}
            step={100}
            clampBehavior="none"
            allowDecimal={false}
            allowNegative={false}
            value={values.pollIntervalMs}
            onChange={(v) => change({ pollIntervalMs: v }, 'pollIntervalMs')}
            error={errors.pollIntervalMs}
            data-testid="device-form-pollIntervalMs"
          />
          <TsnInterfacesField value={values.tsnInterfaces} error={errors.tsnInterfaces} onChange={(tsnInterfaces) => change({ tsnInterfaces }, 'tsnInterfaces')} />
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
  const el = form?.querySelector<HTMLElement>(`[data-testid="${CSS.escape(`device-form-${target}`)}"]`);
  if (!el) return;
  el.scrollIntoView({ block: 'center' });
  // A segmented control is a group of radios: focus the chosen one.
  const focusable = el.matches('input, textarea') ? el : el.querySelector<HTMLElement>('input:checked, input, textarea, button');
  focusable?.focus({ preventScroll: true });
}
