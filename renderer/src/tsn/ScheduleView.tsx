import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { errorValueOf, type ErrorValue } from '../../../shared/domain/errors';
import { useTranslation } from 'react-i18next';
import type { TaprioReadBack } from '../../../shared/tsn/config/taprio-json';
import { taprioModelOf } from '../../../shared/tsn/config/taprio-json';
import type { TaprioModel, TaprioSchedule } from '../../../shared/tsn/config/taprio-model';
import { parseQdiscShow, type QdiscReadBack } from '../../../shared/tsn/config/tc-qdisc';
import { useEngine } from '../engine/EngineContext';
import { ErrorAlert } from '../errors/ErrorAlert';
import { GateTimeline } from './GateTimeline';
import { nsText } from './ns-text';
import { ProblemList } from './ProblemList';

type Verdict = 'active' | 'pending' | 'notRunning';

/** "Is my schedule active?": running with nothing pending, running with a new one pending, or waiting to start. */
export function verdictOf(r: TaprioReadBack): Verdict {
  if (r.admin && r.oper) return 'pending';
  return r.oper ? 'active' : 'notRunning';
}

function ScheduleColumn({ title, schedule, numTc, empty, testId }: { title: string; schedule: TaprioSchedule | null; numTc: number; empty: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xs" data-testid={testId} data-present={schedule !== null}>
      <Text size="sm" fw={600} mb={4}>
        {title}
      </Text>
      {schedule ? (
        <>
          <Text size="xs" c="dimmed" ff="monospace" mb={4} data-testid={`${testId}-details`}>
            {t('tsn.schedule.details', { baseTime: schedule.baseTimeNs, cycle: nsText(Number(schedule.cycleTimeNs ?? 0)), count: schedule.entries.length })}
          </Text>
          <GateTimeline schedule={schedule} numTc={numTc} testId={`${testId}-timeline`} width={600} />
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
    </Paper>
  );
}

function TaprioReadBackView({ q, index, onEdit }: { q: QdiscReadBack; index: number; onEdit(model: TaprioModel): void }) {
  const { t } = useTranslation();
  const r = q.taprio;
  if (!r) return null;
  const verdict = verdictOf(r);
  const baseTime = (verdict === 'active' ? r.oper : r.admin)?.baseTimeNs ?? '0';
  const latest = taprioModelOf(r);
  return (
    <Stack gap="xs" data-testid={`schedule-qdisc-${index}`} data-verdict={verdict}>
      <Group gap="sm">
        <Text size="sm" fw={600}>
          {q.json.dev ? t('tsn.schedule.qdiscOn', { handle: q.json.handle, dev: q.json.dev }) : t('tsn.schedule.qdisc', { handle: q.json.handle })}
        </Text>
        {q.json.offloaded && <Badge variant="light">{t('tsn.schedule.offloaded')}</Badge>}
        <Badge color={verdict === 'active' ? 'teal' : verdict === 'pending' ? 'yellow' : 'gray'}>{t(`tsn.schedule.verdict.${verdict}`)}</Badge>
        {latest && (
          <Button size="compact-xs" variant="subtle" onClick={() => onEdit(latest)} data-testid={`schedule-edit-${index}`}>
            {t('tsn.schedule.edit')}
          </Button>
        )}
      </Group>
      <Text size="sm" data-testid={`schedule-verdict-${index}`}>
        {t(`tsn.schedule.${verdict}`, { baseTime })}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <ScheduleColumn title={t('tsn.schedule.oper')} schedule={r.oper} numTc={r.model.numTc} empty={t('tsn.schedule.noOper')} testId={`schedule-oper-${index}`} />
        <ScheduleColumn title={t('tsn.schedule.admin')} schedule={r.admin} numTc={r.model.numTc} empty={t('tsn.schedule.noAdmin')} testId={`schedule-admin-${index}`} />
      </SimpleGrid>
    </Stack>
  );
}

/** The schedule on the device (read over its connection, or from saved `tc -j qdisc show` output), oper and admin side by side. */
export function ScheduleView({ deviceId, onEdit }: { deviceId: string; onEdit(model: TaprioModel): void }) {
  const { t } = useTranslation();
  const { client } = useEngine();
  const [text, setText] = useState('');
  const [iface, setIface] = useState('eth0');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorValue | null>(null);
  const [tcSaid, setTcSaid] = useState<string | null>(null);
  const [read, setRead] = useState<ReturnType<typeof parseQdiscShow> | null>(null);
  const readDevice = () => {
    setBusy(true);
    setError(null);
    client.call('tsn.qdiscConfig', { deviceId, iface }).then(
      (r) => {
        setBusy(false);
        setText(r.text);
        setTcSaid(r.exitCode === 0 ? null : r.stderr.trim() || `exit ${r.exitCode ?? 'signal'}`);
        setRead(r.exitCode === 0 ? parseQdiscShow(r.text) : null);
      },
      (err: unknown) => {
        setBusy(false);
        setError(errorValueOf(err));
      },
    );
  };
  const taprios = read?.qdiscs.filter((q) => q.taprio !== null) ?? [];
  return (
    <Stack gap="sm" data-testid="schedule-view">
      <Title order={5}>{t('tsn.schedule.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('tsn.schedule.intro')}
      </Text>
      <Group align="end" gap="sm">
        <TextInput size="xs" label={t('tsn.editor.iface')} value={iface} onChange={(e) => setIface(e.currentTarget.value)} data-testid="schedule-iface" w={160} />
        <Button size="xs" variant="light" onClick={readDevice} loading={busy} data-testid="schedule-read-device">
          {t('tsn.schedule.readDevice')}
        </Button>
      </Group>
      {error && <ErrorAlert error={error} testId="schedule-error" />}
      {tcSaid && (
        <Text size="sm" c="red" data-testid="schedule-tc-failed">
          {t('tsn.schedule.tcFailed', { stderr: tcSaid })}
        </Text>
      )}
      <Textarea label={t('tsn.schedule.input')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} maxRows={8} styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }} data-testid="schedule-input" />
      <Group>
        <Button size="xs" onClick={() => {
            setTcSaid(null);
            setRead(parseQdiscShow(text));
          }} disabled={text.trim() === ''} data-testid="schedule-read">
          {t('tsn.schedule.read')}
        </Button>
      </Group>
      {read && <ProblemList problems={read.problems} testId="schedule-problems" />}
      {read && taprios.length === 0 && read.problems.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="schedule-none">
          {t('tsn.schedule.none')}
        </Text>
      )}
      {taprios.map((q, i) => (
        <TaprioReadBackView key={i} q={q} index={i} onEdit={onEdit} />
      ))}
    </Stack>
  );
}
