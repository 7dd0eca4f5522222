import { Button, Chip, Group, Loader, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorValueOf, type ErrorValue } from '../../../shared/domain/errors';
import { STANDARD_TIMING_MASKS, type TimingMask } from '../../../shared/history/analysis/timing-masks';
import type { TimingView } from '../../../shared/history/report/timing-view';
import { formatNumber } from '../../../shared/history/report/svg-charts';
import { rolePreference, summaryRoleOf } from '../../../shared/history/summary/summary-metrics';
import type { SeriesInfo } from '../../../shared/series/series-query';
import { useEngine } from '../engine/EngineContext';
import { ErrorAlert } from '../errors/ErrorAlert';
import { fromLocalInput, toLocalInput } from '../history/local-time';
import { MaskVerdicts } from './MaskVerdicts';
import { LogLogChart, TeChart } from './TimingCharts';
import { UserMaskForm } from './UserMaskForm';

/** An analysis runs once the choices have been still this long. */
const RERUN_DELAY_MS = 250;
const DEFAULT_MASKS = ['g8273.2-class-c', 'g8271.1-network-c'];

export interface TimingPanelProps {
  sessionId?: string;
  devices: readonly { id: string; name: string }[];
  range: { fromMs: number; toMs: number };
  /** The series a device has (sessions.series or series.list). */
  seriesOf(deviceId: string): Promise<SeriesInfo[]>;
}

const n = (v: number | null) => (v === null ? '—' : formatNumber(v));

/**
 * Timing quality of one TE series: MTIE and TDEV of dTE_L on log-log axes with the chosen masks, a
 * verdict per mask with its bound, and the initial-transient marker (a click on the TE chart, or a
 * typed time) that runs the analysis again without the samples before it.
 */
export function TimingPanel({ sessionId, devices, range, seriesOf }: TimingPanelProps) {
  const { client } = useEngine();
  const { t } = useTranslation();
  const [deviceId, setDeviceId] = useState(devices[0]?.id ?? '');
  const [series, setSeries] = useState<SeriesInfo[]>([]);
  const [seriesId, setSeriesId] = useState<number | null>(null);
  const [maskIds, setMaskIds] = useState<string[]>(DEFAULT_MASKS);
  const [userMasks, setUserMasks] = useState<TimingMask[]>([]);
  const [markerMs, setMarkerMs] = useState<number | null>(null);
  const [markerText, setMarkerText] = useState('');
  const [view, setView] = useState<TimingView | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<ErrorValue | null>(null);

  useEffect(() => {
    if (!deviceId) return;
    let cancelled = false;
    seriesOf(deviceId).then(
      (list) => {
        if (cancelled) return;
        // The engine's own preference (pmc's offset first), series with a point before those without.
        const te = list.filter((s) => summaryRoleOf(s.metric) === 'offset').sort((a, b) => Number(a.lastTUs === null) - Number(b.lastTUs === null) || rolePreference(a.metric) - rolePreference(b.metric));
        setSeries(te);
        setSeriesId(te[0]?.id ?? null);
      },
      (err: unknown) => !cancelled && setError(errorValueOf(err)),
    );
    return () => {
      cancelled = true;
    };
  }, [deviceId, seriesOf]);

  const chosen = useMemo(() => [...STANDARD_TIMING_MASKS.filter((m) => maskIds.includes(m.id)), ...userMasks.filter((m) => maskIds.includes(m.id))], [maskIds, userMasks]);
  const key = JSON.stringify([sessionId, deviceId, seriesId, range, chosen.map((m) => m.id), userMasks, markerMs]);
  useEffect(() => {
    if (!deviceId || seriesId === null) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      setRunning(true);
      setError(null);
      const masks = chosen.map((m) => (m.source === 'user' ? m : m.id));
      client
        .call('history.timing', { ...(sessionId ? { sessionId } : {}), deviceId, seriesId, fromMs: range.fromMs, toMs: range.toMs, masks, ...(markerMs !== null ? { excludeBeforeMs: markerMs } : {}), overviewPoints: 800 })
        .then(
          (v) => !cancelled && setView(v),
          (err: unknown) => !cancelled && setError(errorValueOf(err)),
        )
        .finally(() => !cancelled && setRunning(false));
    }, RERUN_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // key holds every input of the analysis
  }, [key]);

  const setMarker = (ms: number | null) => {
    setMarkerMs(ms);
    setMarkerText(ms === null ? '' : toLocalInput(ms));
  };
  const a = view?.analysis;

  return (
    <Paper withBorder p="md" data-testid="timing-panel" data-running={running}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={5}>{t('history.timing.title')}</Title>
          {running && <Loader size="sm" data-testid="timing-running" />}
        </Group>
        <Group gap="sm" wrap="wrap" align="flex-end">
          <Select label={t('history.timing.device')} data={devices.map((d) => ({ value: d.id, label: d.name }))} value={deviceId} onChange={(v) => v && setDeviceId(v)} allowDeselect={false} data-testid="timing-device" w={200} />
          <Select
            label={t('history.timing.series')}
            data={series.map((s) => ({ value: String(s.id), label: `${s.instance} · ${s.metric}${Object.keys(s.labels).length ? ` {${Object.entries(s.labels).map(([k, v]) => `${k}=${v}`).join(', ')}}` : ''}` }))}
            value={seriesId === null ? null : String(seriesId)}
            onChange={(v) => setSeriesId(v === null ? null : Number(v))}
            allowDeselect={false}
            data-testid="timing-series"
            w={320}
          />
        </Group>
        {series.length === 0 && <Text c="dimmed">{t('history.timing.noOffsetSeries')}</Text>}
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('history.timing.masks')}
          </Text>
          <Chip.Group multiple value={maskIds} onChange={setMaskIds}>
            <Group gap="xs" wrap="wrap">
              {[...STANDARD_TIMING_MASKS, ...userMasks].map((m) => (
                <Chip key={m.id} value={m.id} size="xs" data-testid={`mask-chip-${m.id}`}>
                  {m.name}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          <UserMaskForm
            onAdd={(m) => {
              setUserMasks((list) => [...list.filter((u) => u.id !== m.id), m]);
              setMaskIds((ids) => [...new Set([...ids, m.id])]);
            }}
          />
        </Stack>
        <Group gap="xs" align="flex-end" wrap="wrap">
          <TextInput
            type="datetime-local"
            step={1}
            label={t('history.timing.transient')}
            value={markerText}
            onChange={(e) => setMarkerText(e.currentTarget.value)}
            onBlur={() => {
              const ms = fromLocalInput(markerText);
              if (ms !== null && ms !== markerMs) setMarkerMs(ms);
            }}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              const ms = fromLocalInput(markerText);
              if (ms !== null) setMarkerMs(ms);
            }}
            data-testid="transient-input"
            w={300}
          />
          <Button size="xs" variant="default" disabled={markerMs === null} onClick={() => setMarker(null)} data-testid="transient-clear">
            {t('history.timing.noTransient')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('history.timing.transientHint')}
        </Text>
        {error && <ErrorAlert error={error} title={t('history.analysis.failed')} testId="timing-error" />}
        {view && a && (
          <Stack gap="sm" data-testid="timing-result" data-exclude-before-ms={view.excludeBeforeMs ?? ''} data-excluded={a.excludedPoints} data-points={a.points}>
            <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="timing-stats">
              {t('history.timing.stats', { maxAbsTe: n(a.maxAbsTeNs), cte: n(a.cte.cteNs), dteH: n(a.dteHPeakToPeakNs), points: a.points, excluded: a.excludedPoints, segments: a.segments })}
            </Text>
            <Text size="sm" fw={500}>
              {t('history.timing.te')}
            </Text>
            <TeChart view={view} markerMs={markerMs} onMarker={(ms) => setMarker(ms)} />
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <LogLogChart view={view} masks={chosen} which="mtie" />
              <LogLogChart view={view} masks={chosen} which="tdev" />
            </SimpleGrid>
            <MaskVerdicts masks={view.masks} />
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
