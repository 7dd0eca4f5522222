import { Autocomplete, Button, Collapse, Group, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SerialPortInfo } from '../../../../shared/contract/methods-serial';
import { SERIAL_BAUD_RATES, SerialSettings } from '../../../../shared/domain/device';
import { MONOSPACE_INPUT, textProps, type SectionProps } from './field-props';
import type { SerialFormValues } from './form-values';

export interface SerialFieldsProps extends SectionProps<SerialFormValues> {
  /** Ports the engine found (suggestions; the path stays free text); null while unknown or when listing failed. */
  ports: SerialPortInfo[] | null;
  keepSecret?: string;
}

const line = SerialSettings.shape;
const PARITIES = line.parity.unwrap().options;
const FLOW_CONTROLS = line.flowControl.unwrap().options;
const DATA_BITS = [5, 6, 7, 8] as const;
const STOP_BITS = [1, 1.5, 2] as const;
const LINE_KEYS = ['dataBits', 'parity', 'stopBits', 'flowControl'] as const;

/** A device reached through its serial console: the port, its line settings (folded: 8N1 is the usual) and an optional console login. */
export function SerialFields({ values, errors, onChange, ports, keepSecret }: SerialFieldsProps) {
  const { t } = useTranslation();
  const [lineOpen, setLineOpen] = useState(false);
  const parityLabel = { none: t('deviceForm.serial.parityNone'), even: t('deviceForm.serial.parityEven'), odd: t('deviceForm.serial.parityOdd'), mark: t('deviceForm.serial.parityMark'), space: t('deviceForm.serial.paritySpace') };
  const flowLabel = { none: t('deviceForm.serial.flowNone'), rtscts: t('deviceForm.serial.flowRtsCts'), xonxoff: t('deviceForm.serial.flowXonXoff') };
  const select = <K extends 'baudRate' | 'dataBits' | 'parity' | 'stopBits' | 'flowControl'>(key: K, options: readonly { value: string; label: string }[], parse: (v: string) => SerialFormValues[K]) => ({
    value: String(values[key]),
    data: options,
    allowDeselect: false,
    onChange: (v: string | null) => {
      if (v !== null) onChange({ [key]: parse(v) } as Partial<SerialFormValues>, `serial.${key}`);
    },
    error: errors[`serial.${key}`],
    'data-testid': `device-form-serial.${key}`,
  });
  const numbers = (list: readonly number[]) => list.map((n) => ({ value: String(n), label: String(n) }));
  // A refused line setting must be in sight: the fold opens by itself while one has an error.
  const lineExpanded = lineOpen || LINE_KEYS.some((key) => errors[`serial.${key}`] !== undefined);
  const frame = `${values.dataBits}${values.parity.charAt(0).toUpperCase()}${values.stopBits}`;

  return (
    <Stack gap="sm" data-testid="device-form-serial">
      <Group align="flex-start" grow preventGrowOverflow={false}>
        <Autocomplete
          label={t('deviceForm.serial.path')}
          description={ports?.length === 0 ? t('deviceForm.serial.portsNone') : t('deviceForm.serial.pathDescription')}
          placeholder={t('deviceForm.serial.pathPlaceholder')}
          data={ports?.map((p) => p.path) ?? []}
          renderOption={({ option }) => <PortOption port={ports?.find((p) => p.path === option.value)} path={option.value} />}
          styles={MONOSPACE_INPUT}
          required
          autoComplete="off"
          spellCheck={false}
          value={values.path}
          onChange={(path) => onChange({ path }, 'serial.path')}
          error={errors['serial.path']}
          data-testid="device-form-serial.path"
        />
        <Select label={t('deviceForm.serial.baudRate')} maw={160} {...select('baudRate', numbers(SERIAL_BAUD_RATES), Number)} />
      </Group>
      <div>
        <Button variant="subtle" size="compact-sm" onClick={() => setLineOpen((o) => !o)} aria-expanded={lineExpanded} data-testid="device-form-serial-line">
          {t('deviceForm.serial.advanced', { frame, flowControl: flowLabel[values.flowControl] })}
        </Button>
        <Collapse expanded={lineExpanded}>
          <SimpleGrid cols={2} pt="xs">
            <Select label={t('deviceForm.serial.dataBits')} {...select('dataBits', numbers(DATA_BITS), (v) => Number(v) as SerialFormValues['dataBits'])} />
            <Select label={t('deviceForm.serial.parity')} {...select('parity', PARITIES.map((p) => ({ value: p, label: parityLabel[p] })), (v) => v as SerialFormValues['parity'])} />
            <Select label={t('deviceForm.serial.stopBits')} {...select('stopBits', numbers(STOP_BITS), (v) => Number(v) as SerialFormValues['stopBits'])} />
            <Select label={t('deviceForm.serial.flowControl')} {...select('flowControl', FLOW_CONTROLS.map((f) => ({ value: f, label: flowLabel[f] })), (v) => v as SerialFormValues['flowControl'])} />
          </SimpleGrid>
        </Collapse>
      </div>
      <TextInput
        label={t('deviceForm.serial.user')}
        description={t('deviceForm.serial.userDescription')}
        {...textProps('serial.user', values.user, (user) => onChange({ user }, 'serial.user'), errors)}
      />
      <PasswordInput
        label={t('deviceForm.serial.password')}
        placeholder={keepSecret}
        {...textProps('serial.password', values.password, (password) => onChange({ password }, 'serial.password'), errors)}
        autoComplete="new-password"
      />
    </Stack>
  );
}

/** A suggested port: its path, and who made the adapter when the OS says (which USB adapter is which). */
function PortOption({ port, path }: { port: SerialPortInfo | undefined; path: string }) {
  const maker = [port?.manufacturer, port?.serialNumber].filter(Boolean).join(' ');
  return (
    <Group gap="xs" wrap="nowrap" data-testid="device-form-serial-port-option">
      <Text ff="monospace" size="sm">
        {path}
      </Text>
      {maker && (
        <Text size="xs" c="dimmed">
          {maker}
        </Text>
      )}
    </Group>
  );
}
