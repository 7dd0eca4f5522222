import { Badge, Button, Group, Paper, Stack, Text, Title, type MantineColor } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DoctorReport } from '../../../shared/contract/methods-diagnostics';
import { errorValueOf, type ErrorValue } from '../../../shared/domain/errors';
import { useEngine } from '../engine/EngineContext';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useLanguage } from '../errors/use-error-text';
import { doctorFindingText } from './doctor-finding-text';
import { useTimeText } from './use-time-text';

const STATUS_COLOR: Record<DoctorReport['findings'][number]['status'], MantineColor> = { ok: 'green', warn: 'yellow', fail: 'red', unknown: 'gray' };

/** The doctor: read-only health checks on the device, run on demand, each finding with its fix. */
export function DoctorSection({ deviceId }: { deviceId: string }) {
  const { client } = useEngine();
  const { t } = useTranslation();
  const language = useLanguage();
  const timeText = useTimeText();
  const [report, setReport] = useState<DoctorReport | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<ErrorValue | null>(null);

  const run = () => {
    setRunning(true);
    setError(null);
    client.call('doctor.run', { deviceId }).then(
      (r) => {
        setReport(r);
        setRunning(false);
      },
      (err: unknown) => {
        setError(errorValueOf(err));
        setRunning(false);
      },
    );
  };

  return (
    <Stack gap="sm" data-testid="doctor" data-state={running ? 'running' : report ? 'done' : 'idle'}>
      <Group justify="space-between">
        <Stack gap={0}>
          <Title order={5}>{t('devicePage.doctor.title')}</Title>
          <Text size="xs" c="dimmed">
            {t('devicePage.doctor.intro')}
          </Text>
        </Stack>
        <Button onClick={run} loading={running} data-testid="doctor-run">
          {running ? t('devicePage.doctor.running') : t('devicePage.doctor.run')}
        </Button>
      </Group>
      {error && <ErrorAlert error={error} title={t('devicePage.doctor.failed')} testId="doctor-error" />}
      {!report && !error && (
        <Text size="sm" c="dimmed">
          {t('devicePage.doctor.notRun')}
        </Text>
      )}
      {report && (
        <>
          <Text size="xs" c="dimmed">
            {t('devicePage.doctor.ranAt', { time: timeText(report.ranAtMs) })}
          </Text>
          {report.findings.map((f, i) => {
            const text = doctorFindingText(f, language);
            return (
              <Paper key={`${f.check}-${i}`} withBorder p="sm" data-testid="doctor-finding" data-check={f.check} data-status={f.status} data-text-id={f.textId} style={{ borderLeft: `4px solid var(--mantine-color-${STATUS_COLOR[f.status]}-6)` }}>
                <Group gap="xs" mb={4}>
                  <Badge color={STATUS_COLOR[f.status]} variant="light">
                    {t(`devicePage.doctor.status.${f.status}`)}
                  </Badge>
                  <Text size="sm" fw={500}>
                    {t(`devicePage.doctor.checks.${f.check}`)}
                  </Text>
                </Group>
                <Text size="sm" data-testid="doctor-message">
                  {text.message}
                </Text>
                {text.hint && f.status !== 'ok' && (
                  <Text size="sm" c="dimmed" data-testid="doctor-fix">
                    {t('devicePage.doctor.fix')}: {text.hint}
                  </Text>
                )}
              </Paper>
            );
          })}
        </>
      )}
    </Stack>
  );
}
