import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type uPlot from 'uplot';
import { UPlotBox } from '../analysis/UPlotBox';
import { AlignedColumns, DEFAULT_CHART_WINDOW } from '../device/aligned-columns';
import { usePolled } from '../device/use-polled';
import { useEngine } from '../engine/EngineContext';
import { planTsnCharts, type TsnChartPlan } from './tsn-chart-plan';

/** The statistics are read again this often while the tab is open (the collector polls at 1 Hz). */
const STATS_EVERY_MS = 5000;
const SPAN_MS = 10 * 60_000;
const COLORS = ['#1c7ed6', '#e8590c', '#2f9e44', '#ae3ec9', '#f08c00', '#0c8599', '#c2255c', '#5c940d'];

function TsnChart({ plan }: { plan: TsnChartPlan }) {
  const { client } = useEngine();
  const { t } = useTranslation();
  const ids = plan.series.map((s) => s.id);
  /** The window last asked for, in s: the x axis shows all of it, not just the points in it. */
  const span = useRef<[number, number]>([0, 1]);
  const history = usePolled(
    () => {
      const now = Date.now();
      span.current = [(now - SPAN_MS) / 1000, now / 1000];
      return client.call('series.query', { seriesIds: ids, fromMs: now - SPAN_MS, toMs: now, maxPoints: 600 });
    },
    STATS_EVERY_MS,
    [client, ids.join(',')],
  );
  const data = useMemo(() => {
    const columns = new AlignedColumns(ids.length, DEFAULT_CHART_WINDOW);
    const byId = new Map((history.value ?? []).map((c) => [c.id, c]));
    columns.loadHistory(ids.map((id) => byId.get(id) ?? null));
    return { aligned: columns.data as unknown as uPlot.AlignedData, points: columns.length };
  }, [history.value, ids.join(',')]);
  const title = t('tsn.stats.chart', { iface: plan.iface, group: t(`tsn.stats.group.${plan.group}`), figure: t(`tsn.stats.figure.${plan.figure}`) });
  const options = useMemo<Omit<uPlot.Options, 'width' | 'height'>>(
    () => ({
      title,
      scales: { x: { time: true, range: () => span.current } },
      series: [{}, ...plan.series.map((s, i) => ({ label: s.legend, stroke: COLORS[i % COLORS.length], width: 1.5 }))],
      axes: [{}, { size: 70 }],
    }),
    [title, plan.series.map((s) => s.legend).join('|')],
  );
  return <UPlotBox options={options} optionsKey={`${plan.id}|${title}|${options.series.length}`} data={data.aligned} heightPx={200} testId="tsn-chart" attrs={{ chart: plan.id, points: data.points }} />;
}

/** Per interface: qdisc, class and queue charts from the TSN collector's series, or why there are none. */
export function TsnStats({ deviceId }: { deviceId: string }) {
  const { client } = useEngine();
  const { t } = useTranslation();
  const list = usePolled(() => client.call('series.list', { deviceId }), STATS_EVERY_MS, [client, deviceId]);
  const plans = planTsnCharts(list.value ?? []);
  const signature = plans.map((p) => `${p.id}:${p.series.map((s) => s.id).join(',')}`).join(';');
  const stable = useMemo(() => plans, [signature]);
  return (
    <Stack gap="sm" data-testid="tsn-stats" data-charts={stable.length}>
      <Title order={5}>{t('tsn.stats.title')}</Title>
      {list.value !== null && stable.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="tsn-stats-none">
          {t('tsn.stats.none')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
        {stable.map((plan) => (
          <TsnChart key={plan.id} plan={plan} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
