import { Button, Code, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TsnDeviceSettings } from '../../../shared/tsn/config/device-settings';
import { GATE_COMMANDS, TAPRIO_FLAG_TXTIME_ASSIST, type GateCommand, type TaprioModel } from '../../../shared/tsn/config/taprio-model';
import { displayCommand } from '../../../shared/tsn/config/tc-command';
import { errorsOf, warningsOf } from '../../../shared/tsn/config/tc-problem';
import { tcCommandFor } from '../../../shared/tsn/config/tc-qdisc';
import { CLOCK_IDS, printedMask, type ClockId } from '../../../shared/tsn/config/tc-values';
import { addEntry, moveBoundary, numbersOfText, queuesOfText, removeEntry, setEntry, setNumTc, toggleGate } from './gcl-edit';
import { GateTimeline } from './GateTimeline';
import { nsText } from './ns-text';
import { ProblemList } from './ProblemList';
import { QdiscPush } from './QdiscPush';

interface Props {
  deviceId: string;
  model: TaprioModel;
  onChange(model: TaprioModel): void;
  /** Bumped when the model is replaced from outside (example, read-back), so typed lists start again from it. */
  revision: number;
  onExample(): void;
}

const optionalNumber = (v: number | string): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The taprio gate-control list editor: a timeline you can edit, the fields beside it, live validation and the command. */
export function GclEditor({ deviceId, model, onChange, revision, onExample }: Props) {
  const { t } = useTranslation();
  const [iface, setIface] = useState('eth0');
  const [device, setDevice] = useState<TsnDeviceSettings>({});
  const result = useMemo(() => tcCommandFor(model, iface, device), [model, iface, device]);
  const errors = errorsOf(result.problems);
  const warnings = warningsOf(result.problems);
  const s = model.schedule;
  const setSchedule = (change: Partial<TaprioModel['schedule']>) => onChange({ ...model, schedule: { ...s, ...change } });

  return (
    <Stack gap="sm" data-testid="gcl-editor">
      <Group justify="space-between">
        <Title order={5}>{t('tsn.editor.title')}</Title>
        <Button size="xs" variant="subtle" onClick={onExample} data-testid="gcl-example">
          {t('tsn.editor.example')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('tsn.editor.hint')}
      </Text>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <TextInput size="xs" label={t('tsn.editor.iface')} value={iface} onChange={(e) => setIface(e.currentTarget.value)} data-testid="gcl-iface" />
        <NumberInput size="xs" label={t('tsn.editor.numTc')} value={model.numTc} min={1} max={8} onChange={(v) => onChange(setNumTc(model, typeof v === 'number' ? v : NaN))} data-testid="gcl-num-tc" />
        <Select size="xs" label={t('tsn.editor.clockid')} data={[...CLOCK_IDS.map((c) => ({ value: c, label: `CLOCK_${c}` })), { value: '', label: '—' }]} value={model.clockid ?? ''} onChange={(v) => onChange({ ...model, clockid: v ? (v as ClockId) : null })} allowDeselect={false} data-testid="gcl-clockid" />
        <Select
          size="xs"
          label={t('tsn.editor.flags')}
          data={[
            { value: '0', label: t('tsn.editor.flagsSoftware') },
            { value: '1', label: t('tsn.editor.flagsAssist') },
            { value: '2', label: t('tsn.editor.flagsOffload') },
          ]}
          value={String(model.flags)}
          onChange={(v) => onChange({ ...model, flags: Number(v ?? 0), txtimeDelayNs: Number(v) === TAPRIO_FLAG_TXTIME_ASSIST ? (model.txtimeDelayNs ?? 200000) : null })}
          allowDeselect={false}
          data-testid="gcl-flags"
        />
        <TextInput size="xs" label={t('tsn.editor.baseTime')} value={s.baseTimeNs} onChange={(e) => setSchedule({ baseTimeNs: e.currentTarget.value.trim() })} ff="monospace" data-testid="gcl-base-time" />
        <TextInput size="xs" label={t('tsn.editor.cycleTime')} placeholder={t('tsn.editor.cycleAuto')} value={s.cycleTimeNs ?? ''} onChange={(e) => setSchedule({ cycleTimeNs: e.currentTarget.value.trim() === '' ? null : e.currentTarget.value.trim() })} data-testid="gcl-cycle-time" />
        <TextInput key={`map-${revision}`} size="xs" label={t('tsn.editor.priorityMap')} defaultValue={model.priorityMap.join(' ')} onChange={(e) => onChange({ ...model, priorityMap: numbersOfText(e.currentTarget.value) })} data-testid="gcl-map" />
        <TextInput key={`queues-${revision}-${model.numTc}`} size="xs" label={t('tsn.editor.queues')} defaultValue={model.queues.map((q) => `${q.count}@${q.offset}`).join(' ')} onChange={(e) => onChange({ ...model, queues: queuesOfText(e.currentTarget.value) })} data-testid="gcl-queues" />
      </SimpleGrid>
      <GateTimeline schedule={s} numTc={model.numTc} testId="gcl-timeline" onToggle={(i, tc) => onChange(toggleGate(model, i, tc))} onMoveBoundary={(i, d) => onChange(moveBoundary(model, i, d))} />
      <Table withTableBorder striped verticalSpacing={2} fz="sm" data-testid="gcl-entries">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('tsn.editor.entry')}</Table.Th>
            <Table.Th>{t('tsn.editor.command')}</Table.Th>
            <Table.Th>{t('tsn.editor.gates')}</Table.Th>
            <Table.Th>{t('tsn.editor.interval')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {s.entries.map((e, i) => (
            <Table.Tr key={i} data-testid={`gcl-entry-${i}`}>
              <Table.Td>{i}</Table.Td>
              <Table.Td>
                <Select size="xs" w={70} data={[...GATE_COMMANDS]} value={e.command} onChange={(v) => onChange(setEntry(model, i, { command: (v ?? 'S') as GateCommand }))} allowDeselect={false} data-testid={`gcl-command-${i}`} />
              </Table.Td>
              <Table.Td ff="monospace">{printedMask(e.gateMask)}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <NumberInput size="xs" w={140} value={Number.isFinite(e.intervalNs) ? e.intervalNs : ''} min={1} allowDecimal={false} thousandSeparator={false} onChange={(v) => onChange(setEntry(model, i, { intervalNs: typeof v === 'number' ? v : NaN }))} data-testid={`gcl-interval-${i}`} />
                  <Text size="xs" c="dimmed">
                    {nsText(e.intervalNs)}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => onChange(removeEntry(model, i))} disabled={s.entries.length <= 1} data-testid={`gcl-remove-${i}`}>
                  {t('tsn.editor.remove')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button size="xs" variant="light" onClick={() => onChange(addEntry(model))} data-testid="gcl-add">
          {t('tsn.editor.addEntry')}
        </Button>
      </Group>
      <Text size="sm" fw={600}>
        {t('tsn.editor.device')}
      </Text>
      <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm">
        <NumberInput size="xs" label={t('tsn.editor.linkSpeed')} value={device.linkSpeedMbps ?? ''} min={1} onChange={(v) => setDevice({ ...device, linkSpeedMbps: optionalNumber(v) })} data-testid="gcl-link-speed" />
        <NumberInput size="xs" label={t('tsn.editor.gclCapacity')} value={device.gclCapacity ?? ''} min={1} onChange={(v) => setDevice({ ...device, gclCapacity: optionalNumber(v) })} data-testid="gcl-capacity" />
        <NumberInput size="xs" label={t('tsn.editor.ptpPriority')} value={device.ptpSocketPriority ?? 0} min={0} max={15} onChange={(v) => setDevice({ ...device, ptpSocketPriority: optionalNumber(v) })} data-testid="gcl-ptp-priority" />
      </SimpleGrid>
      <Text size="sm" c={errors.length > 0 ? 'red' : warnings.length > 0 ? 'orange' : 'teal'} data-testid="gcl-verdict" data-valid={errors.length === 0}>
        {errors.length === 0 && warnings.length === 0 ? t('tsn.editor.valid') : t('tsn.editor.problems', { errors: errors.length, warnings: warnings.length })}
      </Text>
      <ProblemList problems={result.problems} testId="gcl-problems" />
      <Text size="sm" fw={600}>
        {t('tsn.editor.commandTitle')}
      </Text>
      {result.argv ? (
        <Code block data-testid="gcl-command">
          {displayCommand(result.argv)}
        </Code>
      ) : (
        <Text size="sm" c="dimmed" data-testid="gcl-no-command">
          {t('tsn.editor.noCommand')}
        </Text>
      )}
      <QdiscPush deviceId={deviceId} iface={iface} model={JSON.stringify(model)} invalid={result.argv === null} testId="gcl-push" />
    </Stack>
  );
}
