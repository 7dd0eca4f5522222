import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportSchedule } from '../../../shared/history/report/report-schedule';
import { usePolled } from '../device/use-polled';
import { useEngine } from '../engine/EngineContext';
import { useAction } from '../engine/use-action';
import { useDevices } from '../engine/use-devices';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useLanguage } from '../errors/use-error-text';
import { AddScheduleModal } from './AddScheduleModal';
import { DeleteScheduleModal } from './DeleteScheduleModal';
import { maskIds, WEEKDAY_KEYS } from './schedule-text';

const LEVEL_COLOR = { ok: 'green', warn: 'yellow', alert: 'red' } as const;

/** The engine's scheduled compliance reports: each with its last run, added, deleted, or run now. */
export function ReportSchedulesSection() {
  const { t } = useTranslation();
  const { client } = useEngine();
  const language = useLanguage();
  const { devices } = useDevices();
  const schedules = usePolled(() => client.call('reports.schedules.list', {}), 30_000, [client]);
  const runNow = useAction();
  const [running, setRunning] = useState<string | null>(null);
  const [dialog, setDialog] = useState<{ kind: 'add' } | { kind: 'delete'; schedule: ReportSchedule } | null>(null);
  const { refresh } = schedules;
  const name = (id: string) => devices.find((d) => d.id === id)?.name ?? id;
  const at = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });
  const hour = (h: number) => String(h).padStart(2, '0');
  const when = (s: ReportSchedule) => (s.period === 'daily' ? t('reports.daily', { hour: hour(s.hourUtc) }) : t('reports.weekly', { day: t(`reports.weekdays.${WEEKDAY_KEYS[s.weekday] ?? 'mon'}`), hour: hour(s.hourUtc) }));
  const run = async (s: ReportSchedule) => {
    setRunning(s.id);
    await runNow.run(() => client.call('reports.schedules.run', { id: s.id }));
    setRunning(null);
    refresh();
  };

  return (
    <Stack gap="sm" data-testid="report-schedules">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4} maw={720}>
          <Title order={4}>{t('reports.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('reports.intro')}
          </Text>
        </Stack>
        <Button variant="default" onClick={() => setDialog({ kind: 'add' })} data-testid="schedule-add">
          {t('reports.add')}
        </Button>
      </Group>
      {schedules.error && <ErrorAlert error={schedules.error} testId="schedules-load-error" />}
      {runNow.error && <ErrorAlert error={runNow.error} testId="schedule-run-error" />}
      {schedules.value?.length === 0 && <Text c="dimmed">{t('reports.empty')}</Text>}
      {schedules.value && schedules.value.length > 0 && (
        <Table.ScrollContainer minWidth={820}>
          <Table striped data-testid="schedules-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.col.name')}</Table.Th>
                <Table.Th>{t('reports.col.devices')}</Table.Th>
                <Table.Th>{t('reports.col.when')}</Table.Th>
                <Table.Th>{t('reports.col.masks')}</Table.Th>
                <Table.Th>{t('reports.col.folder')}</Table.Th>
                <Table.Th>{t('reports.col.lastRun')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {schedules.value.map((s) => (
                <Table.Tr key={s.id} data-testid={`schedule-row-${s.name}`}>
                  <Table.Td fw={500}>{s.name}</Table.Td>
                  <Table.Td>{s.deviceIds.map(name).join(', ')}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(s)}</Table.Td>
                  <Table.Td>{maskIds(s)}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{s.folder}</Table.Td>
                  <Table.Td data-testid="schedule-last-run" data-level={s.lastRun ? (s.lastRun.level ?? 'failed') : 'never'}>
                    {!s.lastRun && <Text size="sm" c="dimmed">{t('reports.never')}</Text>}
                    {s.lastRun && (
                      <Stack gap={2}>
                        <Group gap={6} wrap="nowrap">
                          <Badge size="sm" color={s.lastRun.level ? LEVEL_COLOR[s.lastRun.level] : 'red'}>
                            {s.lastRun.level ? t(`reports.level.${s.lastRun.level}`) : t('reports.failed')}
                          </Badge>
                          <Text size="xs" c="dimmed">
                            {at.format(s.lastRun.ranAtMs)}
                          </Text>
                        </Group>
                        {s.lastRun.htmlFile && (
                          <Text size="xs" style={{ wordBreak: 'break-all' }} data-testid="schedule-html-file">
                            {s.lastRun.htmlFile}
                          </Text>
                        )}
                        {s.lastRun.error && <ErrorAlert error={s.lastRun.error} testId="schedule-last-error" p="xs" />}
                        {s.lastRun.findings.slice(0, 3).map((f) => (
                          <Text key={f} size="xs">
                            {f}
                          </Text>
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap" justify="flex-end">
                      <Button size="compact-sm" loading={running === s.id} disabled={running !== null && running !== s.id} onClick={() => void run(s)} data-testid={`schedule-run-${s.name}`}>
                        {t('reports.runNow')}
                      </Button>
                      <Button size="compact-sm" color="red" variant="subtle" onClick={() => setDialog({ kind: 'delete', schedule: s })} data-testid={`schedule-delete-${s.name}`}>
                        {t('reports.delete')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {dialog?.kind === 'add' && (
        <AddScheduleModal
          onClose={() => setDialog(null)}
          onAdded={() => {
            setDialog(null);
            refresh();
          }}
        />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteScheduleModal
          schedule={dialog.schedule}
          onClose={() => setDialog(null)}
          onDeleted={() => {
            setDialog(null);
            refresh();
          }}
        />
      )}
    </Stack>
  );
}
