import { Button, Fieldset, Group, Input, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MAX_INSTANCES } from '../../../../shared/domain/device';
import { MONOSPACE_INPUT, textProps } from './field-props';
import { instanceField, type FieldErrors, type FormField, type InstanceKey } from './form-fields';
import { emptyInstance, type InstanceFormValues, type LogKind } from './form-values';

export interface InstancesEditorProps {
  instances: InstanceFormValues[];
  errors: FieldErrors;
  onChange(instances: InstanceFormValues[], field: FormField): void;
}

/** A name for a new instance that the list does not hold yet: `ptp4l`, then `ptp4l-2`, `ptp4l-3` … */
function freeName(instances: InstanceFormValues[]): string {
  const taken = new Set(instances.map((i) => i.name.trim()));
  if (!taken.has('ptp4l')) return 'ptp4l';
  for (let n = 2; ; n++) if (!taken.has(`ptp4l-${n}`)) return `ptp4l-${n}`;
}

/** The ptp4l instances of a device (1 to 8): name, pmc socket, optional config file and log source each. */
export function InstancesEditor({ instances, errors, onChange }: InstancesEditorProps) {
  const { t } = useTranslation();
  const update = (index: number, change: Partial<InstanceFormValues>, key: InstanceKey) =>
    onChange(
      instances.map((inst, i) => (i === index ? { ...inst, ...change } : inst)),
      instanceField(index, key),
    );
  const add = () => onChange([...instances, emptyInstance(freeName(instances), '')], instanceField(instances.length, 'name'));
  const remove = (index: number) => onChange(instances.filter((_, i) => i !== index), 'instances');
  const full = instances.length >= MAX_INSTANCES;

  return (
    <Input.Wrapper label={t('deviceForm.instances.title')} description={t('deviceForm.instances.description')} error={errors.instances} data-testid="device-form-instances">
      <Stack gap="sm" mt={6}>
        {instances.map((inst, index) => {
          const text = (key: 'name' | 'udsPath' | 'configPath' | 'logPath' | 'logUnit' | 'restartCommand') =>
            textProps(instanceField(index, key), inst[key], (v) => update(index, { [key]: v }, key), errors);
          const heading = inst.name.trim() || t('deviceForm.instances.heading', { n: index + 1 });
          return (
            // Instances have no id of their own: the position is the identity while the form is open.
            <Fieldset key={index} legend={heading} data-testid={`device-form-instance-${index}`} p="sm">
              <Stack gap="xs">
                <Group align="flex-start" grow preventGrowOverflow={false}>
                  <TextInput label={t('deviceForm.instances.name')} description={t('deviceForm.instances.nameDescription')} maw={240} required {...text('name')} />
                  <TextInput label={t('form.udsPath')} description={t('form.udsPathDescription')} styles={MONOSPACE_INPUT} required {...text('udsPath')} />
                </Group>
                <TextInput
                  label={t('deviceForm.instances.configPath')}
                  description={t('deviceForm.instances.configPathDescription')}
                  placeholder="/etc/linuxptp/ptp4l.conf"
                  styles={MONOSPACE_INPUT}
                  {...text('configPath')}
                />
                <TextInput
                  label={t('deviceForm.instances.restartCommand')}
                  description={t('deviceForm.instances.restartCommandDescription')}
                  placeholder="systemctl restart ptp4l@eth0"
                  styles={MONOSPACE_INPUT}
                  {...text('restartCommand')}
                />
                <Input.Wrapper label={t('deviceForm.instances.logKind')} error={errors[instanceField(index, 'logKind')]}>
                  <SegmentedControl
                    fullWidth
                    value={inst.logKind}
                    onChange={(kind) => update(index, { logKind: kind as LogKind }, 'logKind')}
                    data={[
                      { value: 'none', label: t('deviceForm.instances.logNone') },
                      { value: 'file', label: t('deviceForm.instances.logFile') },
                      { value: 'journal', label: t('deviceForm.instances.logJournal') },
                    ]}
                    data-testid={`device-form-${instanceField(index, 'logKind')}`}
                  />
                </Input.Wrapper>
                {inst.logKind === 'file' && <TextInput label={t('deviceForm.instances.logPath')} placeholder={t('deviceForm.instances.logPathPlaceholder')} styles={MONOSPACE_INPUT} {...text('logPath')} />}
                {inst.logKind === 'journal' && <TextInput label={t('deviceForm.instances.logUnit')} placeholder={t('deviceForm.instances.logUnitPlaceholder')} styles={MONOSPACE_INPUT} {...text('logUnit')} />}
                {instances.length > 1 && (
                  <Group justify="flex-end">
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => remove(index)}
                      aria-label={t('deviceForm.instances.removeLabel', { name: heading })}
                      data-testid={`device-form-instance-${index}-remove`}
                    >
                      {t('deviceForm.instances.remove')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Fieldset>
          );
        })}
        <Group gap="sm">
          <Button size="xs" variant="light" onClick={add} disabled={full} data-testid="device-form-instance-add">
            {t('deviceForm.instances.add')}
          </Button>
          {full && (
            <Text size="xs" c="dimmed">
              {t('deviceForm.instances.atMost', { max: MAX_INSTANCES })}
            </Text>
          )}
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
