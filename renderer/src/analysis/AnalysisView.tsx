import { Chip, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorValueOf, type ErrorValue } from '../../../shared/domain/errors';
import type { DeviceSummary } from '../../../shared/history/summary/summary-types';
import { useEngine } from '../engine/EngineContext';
import { ErrorAlert } from '../errors/ErrorAlert';
import { ExportButtons } from '../history/ExportButtons';
import { RangeInputs, type MsRange } from '../history/RangeInputs';
import { SummaryTable } from './SummaryTable';
import { TimingPanel } from './TimingPanel';

/** history.summary takes at most this many devices side by side. */
const MAX_SIDE_BY_SIDE = 16;

export interface AnalysisViewProps {
  /** A session's analysis; absent for the live history. */
  sessionId?: string;
  devices: readonly { id: string; name: string }[];
  /** Devices compared at first (default: all, up to 16). */
  initialDevices?: readonly string[];
  initialRange: MsRange;
  /** Name of exported files and the report's title. */
  name?: string;
}

/**
 * The Analysis view of a history (live or a session's) over a chosen range: the summary of one or
 * several devices side by side, timing quality of a TE series against masks, and export and report.
 */
export function AnalysisView({ sessionId, devices, initialDevices, initialRange, name }: AnalysisViewProps) {
  const { client } = useEngine();
  const { t } = useTranslation();
  const [range, setRange] = useState<MsRange>(initialRange);
  const [chosen, setChosen] = useState<string[]>(() => [...(initialDevices ?? devices.map((d) => d.id))].slice(0, MAX_SIDE_BY_SIDE));
  const [summaries, setSummaries] = useState<DeviceSummary[] | null>(null);
  const [error, setError] = useState<ErrorValue | null>(null);
  const [running, setRunning] = useState(false);
  const at = sessionId ? { sessionId } : {};

  useEffect(() => {
    if (chosen.length === 0) return;
    let cancelled = false;
    setRunning(true);
    setError(null);
    client
      .call('history.summary', { ...at, deviceIds: chosen, fromMs: range.fromMs, toMs: range.toMs })
      .then(
        (s) => !cancelled && setSummaries(s),
        (err: unknown) => !cancelled && setError(errorValueOf(err)),
      )
      .finally(() => !cancelled && setRunning(false));
    return () => {
      cancelled = true;
    };
  }, [client, sessionId, chosen.join(','), range.fromMs, range.toMs]);

  const seriesOf = useCallback((deviceId: string) => (sessionId ? client.call('sessions.series', { id: sessionId, deviceId }) : client.call('series.list', { deviceId })), [client, sessionId]);
  const picked = devices.filter((d) => chosen.includes(d.id));

  return (
    <Stack gap="md" data-testid="analysis-view">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end" wrap="wrap">
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('history.analysis.range')}
              </Text>
              <RangeInputs value={range} onChange={setRange} testId="analysis-range" />
            </Stack>
            {picked.length > 0 && <ExportButtons {...at} source={sessionId ? { kind: 'session', id: sessionId, name: name ?? sessionId } : { kind: 'live' }} deviceIds={picked.map((d) => d.id)} range={range} baseName={name ?? 'syncscope'} />}
          </Group>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('history.analysis.devices')}
            </Text>
            <Chip.Group multiple value={chosen} onChange={(v) => setChosen(v.slice(0, MAX_SIDE_BY_SIDE))}>
              <Group gap="xs" wrap="wrap">
                {devices.map((d) => (
                  <Chip key={d.id} value={d.id} size="xs" data-testid={`analysis-device-${d.name}`}>
                    {d.name}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </Stack>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={5}>{t('history.analysis.summaryTitle')}</Title>
            {running && <Loader size="sm" />}
          </Group>
          {error && <ErrorAlert error={error} title={t('history.analysis.failed')} testId="analysis-error" />}
          {summaries && <SummaryTable summaries={summaries} />}
        </Stack>
      </Paper>
      {picked.length > 0 && <TimingPanel {...at} devices={picked} range={range} seriesOf={seriesOf} />}
    </Stack>
  );
}
