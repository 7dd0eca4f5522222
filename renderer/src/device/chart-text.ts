import { useTranslation } from 'react-i18next';
import type { DeviceChartText } from './device-chart-options';
import type { ChartPlan, PlannedSeries } from './chart-plan';
import type { devicePageEn } from '../i18n/device-page-text';

type MetricTextKey = keyof typeof devicePageEn.metric;

/** i18next splits keys at dots: a metric's label is keyed with `_` for `.`. */
export function metricTextKey(metric: string): MetricTextKey {
  return metric.replace('.', '_') as MetricTextKey;
}

export interface ChartText extends DeviceChartText {
  title: string;
}

/** A chart's title, axis label (with the catalog's unit) and legend labels, in the UI language. */
export function useChartText(plan: ChartPlan): ChartText {
  const { t } = useTranslation();
  const what = plan.clock === null ? t(`devicePage.chart.${plan.kind}`) : t(`devicePage.chart.clock.${plan.kind}`);
  const title = plan.clock === null ? what : t('devicePage.chart.clockTitle', { program: plan.program, clock: plan.clock, what });
  return {
    title,
    time: t('chart.time'),
    axis: t('devicePage.chart.axis', { what, unit: plan.unit }),
    series: plan.series.map((s) => seriesLabel(s, t)),
  };
}

function seriesLabel(s: PlannedSeries, t: ReturnType<typeof useTranslation>['t']): string {
  // Checked by MetricTextKey; typing the template key against every resource key recurses too deep for tsc once the resources grow.
  const text = t as (key: `devicePage.metric.${MetricTextKey}`, options: { source: string }) => string;
  return text(`devicePage.metric.${metricTextKey(s.metric)}`, { source: s.labels.source ?? '?' });
}
