import { Checkbox, Code, Group, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CbsModel } from '../../../shared/tsn/config/cbs';
import { cbsCalculate } from '../../../shared/tsn/config/cbs-calculator';
import { displayCommand } from '../../../shared/tsn/config/tc-command';
import { tcCommandFor } from '../../../shared/tsn/config/tc-qdisc';
import { ProblemList } from './ProblemList';
import { QdiscPush } from './QdiscPush';

const num = (v: number | string) => (typeof v === 'number' ? v : NaN);

/** The cbs calculator: reserved bandwidth, link speed and frame sizes in; idleslope, sendslope, hicredit, locredit and the command out. */
export function CbsCalculator({ deviceId }: { deviceId: string }) {
  const { t } = useTranslation();
  const [speed, setSpeed] = useState(1000);
  const [idle, setIdle] = useState(20000);
  const [frame, setFrame] = useState(1500);
  const [interference, setInterference] = useState(1500);
  const [classB, setClassB] = useState(false);
  const [higherIdle, setHigherIdle] = useState(20000);
  const [higherFrame, setHigherFrame] = useState(1500);
  const [iface, setIface] = useState('eth0');
  const [parent, setParent] = useState('100:4');
  const calc = useMemo(
    () => cbsCalculate({ linkSpeedMbps: speed, idleslopeKbps: idle, maxFrameBytes: frame, maxInterferenceBytes: interference, higherClass: classB ? { idleslopeKbps: higherIdle, maxFrameBytes: higherFrame } : null }),
    [speed, idle, frame, interference, classB, higherIdle, higherFrame],
  );
  const model = useMemo((): CbsModel | null => (calc.params ? { kind: 'cbs', parent, handle: null, offload: false, ...calc.params } : null), [calc.params, parent]);
  const command = useMemo(() => (model ? tcCommandFor(model, iface, { linkSpeedMbps: speed }) : null), [model, iface, speed]);
  const out = (key: 'idleslope' | 'sendslope' | 'hicredit' | 'locredit', value: number | undefined, unit: 'kbps' | 'bytes') => (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed">
        {t(`tsn.cbs.${key}`)}
      </Text>
      <Text size="lg" fw={600} ff="monospace" data-testid={`cbs-${key}`} data-value={value ?? ''}>
        {value === undefined ? '—' : t(`tsn.cbs.${unit}`, { value })}
      </Text>
    </Paper>
  );
  return (
    <Stack gap="sm" data-testid="cbs-calculator">
      <Title order={5}>{t('tsn.cbs.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('tsn.cbs.intro')}
      </Text>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <NumberInput size="xs" label={t('tsn.cbs.linkSpeed')} value={speed} min={1} allowDecimal={false} onChange={(v) => setSpeed(num(v))} data-testid="cbs-link-speed" />
        <NumberInput size="xs" label={t('tsn.cbs.reserved')} value={idle} min={1} allowDecimal={false} onChange={(v) => setIdle(num(v))} data-testid="cbs-reserved" />
        <NumberInput size="xs" label={t('tsn.cbs.maxFrame')} value={frame} min={1} allowDecimal={false} onChange={(v) => setFrame(num(v))} data-testid="cbs-max-frame" />
        <NumberInput size="xs" label={t('tsn.cbs.maxInterference')} value={interference} min={1} allowDecimal={false} onChange={(v) => setInterference(num(v))} data-testid="cbs-max-interference" />
      </SimpleGrid>
      <Checkbox size="xs" label={t('tsn.cbs.classB')} checked={classB} onChange={(e) => setClassB(e.currentTarget.checked)} data-testid="cbs-class-b" />
      {classB && (
        <Group grow>
          <NumberInput size="xs" label={t('tsn.cbs.higherReserved')} value={higherIdle} min={1} allowDecimal={false} onChange={(v) => setHigherIdle(num(v))} data-testid="cbs-higher-reserved" />
          <NumberInput size="xs" label={t('tsn.cbs.higherFrame')} value={higherFrame} min={1} allowDecimal={false} onChange={(v) => setHigherFrame(num(v))} data-testid="cbs-higher-frame" />
        </Group>
      )}
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        {out('idleslope', calc.params?.idleslopeKbps, 'kbps')}
        {out('sendslope', calc.params?.sendslopeKbps, 'kbps')}
        {out('hicredit', calc.params?.hicreditBytes, 'bytes')}
        {out('locredit', calc.params?.locreditBytes, 'bytes')}
      </SimpleGrid>
      <ProblemList problems={[...calc.problems, ...(command?.problems ?? [])]} testId="cbs-problems" />
      <Group grow>
        <TextInput size="xs" label={t('tsn.editor.iface')} value={iface} onChange={(e) => setIface(e.currentTarget.value)} data-testid="cbs-iface" />
        <TextInput size="xs" label={t('tsn.cbs.parent')} value={parent} onChange={(e) => setParent(e.currentTarget.value)} data-testid="cbs-parent" />
      </Group>
      {command?.argv && (
        <Code block data-testid="cbs-command">
          {displayCommand(command.argv)}
        </Code>
      )}
      <QdiscPush deviceId={deviceId} iface={iface} model={JSON.stringify(model)} invalid={!command?.argv} testId="cbs-push" />
    </Stack>
  );
}
