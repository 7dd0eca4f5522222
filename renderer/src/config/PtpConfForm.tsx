import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { effective, optionValue, parsePtpConf, removeOptionText, sectionsOf, setOptionText, type ConfModel, type LinuxptpRelease } from '../../../shared/ptpconf';
import { globalFields, portFields, type FormField } from './form-fields';
import { OptionField } from './OptionField';

export interface PtpConfFormProps {
  text: string;
  model: ConfModel;
  release: LinuxptpRelease;
  onChange(text: string): void;
}

const IFNAME = /^[^/\s[\]#]{1,15}$/;

/**
 * The common options as a form, on the same text the raw editor shows: each field edits its line
 * in place (setOptionText), so comments, order and every other option stay as they are.
 */
export function PtpConfForm({ text, model, release, onChange }: PtpConfFormProps) {
  const { t } = useTranslation();
  const [newPort, setNewPort] = useState('');
  const conf = useMemo(() => parsePtpConf(text), [text]);
  const ports = sectionsOf(conf).filter((s) => s.kind === 'port' && IFNAME.test(s.name)).map((s) => s.name);
  const set = (section: string, option: string, value: string) => onChange(value === '' ? removeOptionText(text, section, option) : setOptionText(text, section, option, value));
  const section = (name: string, fields: FormField[]) => (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
      {fields.map((f) => (
        <OptionField
          key={f.option}
          field={f}
          section={name}
          value={optionValue(conf, name, f.option)}
          inherited={name === 'global' ? { text: f.defaultValue, line: null } : effective(model, null, f.option)}
          onChange={(v) => set(name, f.option, v)}
        />
      ))}
    </SimpleGrid>
  );
  const addPort = () => {
    if (!IFNAME.test(newPort) || ports.includes(newPort)) return;
    const first = portFields(release)[0];
    // A section is written with its first option (ptp4l keeps empty sections too, but a form needs a line to edit).
    if (first) onChange(setOptionText(text, newPort, first.option, effective(model, null, first.option).text));
    setNewPort('');
  };
  return (
    <Stack gap="md" data-testid="config-form">
      <Paper withBorder p="sm">
        <Title order={6} mb="xs">
          {t('config.form.global')}
        </Title>
        {section('global', globalFields(release))}
      </Paper>
      {ports.map((p) => (
        <Paper withBorder p="sm" key={p} data-testid={`config-port-${p}`}>
          <Title order={6}>{t('config.form.port', { port: p })}</Title>
          <Text size="xs" c="dimmed" mb="xs">
            {t('config.form.portHint')}
          </Text>
          {section(p, portFields(release))}
        </Paper>
      ))}
      <Group align="flex-end" gap="xs">
        <TextInput label={t('config.form.addPort')} placeholder={t('config.form.portName')} value={newPort} onChange={(e) => setNewPort(e.currentTarget.value.trim())} data-testid="config-new-port" />
        <Button variant="default" onClick={addPort} disabled={!IFNAME.test(newPort) || ports.includes(newPort)} data-testid="config-add-port">
          {t('config.form.add')}
        </Button>
      </Group>
    </Stack>
  );
}
