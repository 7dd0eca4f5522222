import { Text } from '@mantine/core';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type uPlot from 'uplot';
import type { TimingMask } from '../../../shared/history/analysis/timing-masks';
import type { TimingView } from '../../../shared/history/report/timing-view';
import { TIME_FORMATS } from '../chart/time-format';
import { useLanguage } from '../errors/use-error-text';
import { logLogColumns } from './loglog-data';
import { UPlotBox } from './UPlotBox';

const MEASURED = '#1c7ed6';
const MASK_COLORS = ['#e03131', '#f08c00', '#2f9e44', '#ae3ec9', '#0c8599', '#5c940d'];
const MARKER = '#e03131';

/** TE over time with the initial-transient marker (a click moves it); drawn from the analysis's overview. */
export function TeChart({ view, markerMs, onMarker }: { view: TimingView; markerMs: number | null; onMarker(ms: number): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const markerRef = useRef(markerMs);
  markerRef.current = markerMs;
  const data = useMemo<uPlot.AlignedData>(() => [view.overview.tUs.map((us) => us / 1e6), view.overview.teNs], [view]);
  const time = TIME_FORMATS[language];
  const options: Omit<uPlot.Options, 'width' | 'height'> = {
    scales: { x: { time: true }, y: { auto: true } },
    series: [{ label: t('chart.time'), value: time.legend }, { label: 'TE', stroke: MEASURED, width: 1.25, spanGaps: false }],
    axes: [{ values: time.axis }, { label: t('history.timing.te'), size: 70 }],
    cursor: { drag: { x: false, y: false } },
    hooks: {
      draw: [
        (u) => {
          const ms = markerRef.current;
          if (ms === null) return;
          const x = u.valToPos(ms / 1000, 'x', true);
          if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) return;
          const ctx = u.ctx;
          ctx.save();
          ctx.strokeStyle = MARKER;
          ctx.lineWidth = 2 * devicePixelRatio;
          ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
          ctx.beginPath();
          ctx.moveTo(x, u.bbox.top);
          ctx.lineTo(x, u.bbox.top + u.bbox.height);
          ctx.stroke();
          ctx.restore();
        },
      ],
    },
  };
  return (
    <UPlotBox
      options={options}
      optionsKey={`te/${language}/${markerMs ?? ''}`}
      data={data}
      heightPx={180}
      testId="te-chart"
      attrs={{ 'marker-ms': markerMs ?? '', points: view.overview.teNs.filter((v) => v !== null).length }}
      onPlot={(plot) => {
        const click = (e: MouseEvent) => onMarker(Math.round(plot.posToVal(e.offsetX, 'x') * 1000));
        plot.over.addEventListener('click', click);
        return () => plot.over.removeEventListener('click', click);
      }}
    />
  );
}

/** MTIE or TDEV of dTE_L on log-log axes, the chosen masks dashed beside the measured curve. */
export function LogLogChart({ view, masks, which }: { view: TimingView; masks: readonly TimingMask[]; which: 'mtie' | 'tdev' }) {
  const { t } = useTranslation();
  const curve = which === 'mtie' ? view.analysis.dteLMtie : view.analysis.dteLTdev;
  const { data, masks: drawn } = useMemo(() => logLogColumns(curve, masks, which === 'mtie' ? 'dteLMtieNs' : 'dteLTdevNs'), [curve, masks, which]);
  const title = t(which === 'mtie' ? 'history.timing.mtie' : 'history.timing.tdev');
  const options: Omit<uPlot.Options, 'width' | 'height'> = {
    scales: { x: { time: false, distr: 3, log: 10 }, y: { distr: 3, log: 10 } },
    series: [
      { label: 'τ (s)' },
      { label: t('history.timing.measured'), stroke: MEASURED, width: 2, points: { show: true, size: 5 } },
      ...drawn.map((m, i) => ({ label: m.name, stroke: MASK_COLORS[i % MASK_COLORS.length], width: 1.5, dash: [8, 5] })),
    ],
    axes: [{ label: t('history.timing.tau') }, { label: title, size: 70 }],
    cursor: { drag: { x: false, y: false } },
  };
  const measured = (data[1] ?? []).filter((v) => v !== null).length;
  return (
    <div>
      <Text size="sm" fw={500}>
        {title}
      </Text>
      <UPlotBox options={options} optionsKey={`${which}/${t('history.timing.tau')}/${drawn.map((m) => m.id).join(',')}`} data={data} heightPx={240} testId={`${which}-chart`} attrs={{ points: measured, masks: drawn.map((m) => m.id).join(' ') }} />
    </div>
  );
}
