import { Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '../../../shared/sessions/session-meta';
import { ChartHub } from '../device/chart-hub';
import { planCharts, seriesKey } from '../device/chart-plan';
import { SeriesChart } from '../device/SeriesChart';
import { TimeAxis } from '../device/time-axis';
import { usePolled } from '../device/use-polled';
import { useEngine } from '../engine/EngineContext';
import { HistoryControls } from '../history/HistoryControls';
import { sessionHistory } from '../history/history-query';
import { sessionRangeSec } from './session-format';

/**
 * One device of a session, charted like a live device's page (the same charts), but every range is
 * read from the session file: it opens on the whole window, and zoom and pan ask the file again at
 * the chart's width.
 */
export function SessionDeviceCharts({ session, deviceId, deviceName }: { session: SessionSummary; deviceId: string; deviceName: string }) {
  const { client } = useEngine();
  const { t } = useTranslation();
  const series = usePolled(() => client.call('sessions.series', { id: session.id, deviceId }), null, [client, session.id, deviceId]);
  const home = sessionRangeSec(session);
  const stored = series.value ?? [];
  const ids = useMemo(() => new Map(stored.map((s) => [seriesKey(s.instance, s.metric, s.labels), s.id])), [stored]);
  // Only charts the session has a series for (a live page also waits for the ones pmc always measures).
  const plans = useMemo(() => planCharts([], stored).filter((p) => p.series.some((s) => ids.has(s.key))), [stored, ids]);
  const hub = useMemo(() => new ChartHub(plans), [plans]);
  const history = useMemo(() => sessionHistory(client, session.id), [client, session.id]);
  const instances = [...new Set(plans.map((p) => p.instance))];
  const homeKey = home ? `${home.min}:${home.max}` : '';
  // One axis per instance, opened on the whole session.
  const axes = useMemo(() => {
    const map = new Map<string, TimeAxis>();
    for (const i of instances) {
      const axis = new TimeAxis();
      if (home) axis.setZoom(home);
      map.set(i, axis);
    }
    return map;
    // keyed by the instances' names and the window, not the arrays' identity
  }, [instances.join('\u241f'), homeKey]);
  const onHasPoints = useCallback(() => undefined, []);

  return (
    <Paper withBorder p="md" data-testid="session-device" data-device-id={deviceId} data-device-name={deviceName}>
      <Stack gap="sm">
        <Title order={5}>{deviceName}</Title>
        {series.value !== null && plans.length === 0 && <Text c="dimmed">{t('sessions.view.noSeries', { device: deviceName })}</Text>}
        {instances.map((instance) => {
          const axis = axes.get(instance);
          if (!axis || !home) return null;
          return (
            <Stack key={instance} gap="xs" data-testid="session-instance" data-instance={instance}>
              <Text fw={500}>{t('devicePage.instance', { instance })}</Text>
              <HistoryControls axis={axis} home={home} />
              <Text size="xs" c="dimmed">
                {t('history.controls.hint')}
              </Text>
              {plans
                .filter((p) => p.instance === instance)
                .map((plan) => (
                  <SeriesChart
                    key={plan.id}
                    deviceId={deviceId}
                    plan={plan}
                    seriesIds={plan.series.map((s) => ids.get(s.key) ?? null)}
                    hub={hub}
                    axis={axis}
                    onHasPoints={onHasPoints}
                    history={history}
                    homeRange={home}
                    sinceBoot={session.timeBase === 'relative'}
                  />
                ))}
            </Stack>
          );
        })}
      </Stack>
    </Paper>
  );
}
