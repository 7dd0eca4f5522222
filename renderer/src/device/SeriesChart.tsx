import { Box, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { errorValueOf, type ErrorValue } from '../../../shared/domain/errors';
import { deviceChartOptions, type XRange } from './device-chart-options';
import { TIME_FORMATS } from '../chart/time-format';
import { useEngine } from '../engine/EngineContext';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useLanguage } from '../errors/use-error-text';
import type { ChartHub } from './chart-hub';
import type { ChartPlan } from './chart-plan';
import { useChartText } from './chart-text';
import { LIVE_SPAN_SEC, type TimeAxis } from './time-axis';

export interface PlotBox {
  leftPx: number;
  widthPx: number;
}

export interface SeriesChartProps {
  deviceId: string;
  plan: ChartPlan;
  /** Store ids of the plan's series (null: no point stored yet). */
  seriesIds: readonly (number | null)[];
  hub: ChartHub;
  axis: TimeAxis;
  onHasPoints(chartId: string, has: boolean): void;
  onPlotBox?(box: PlotBox): void;
}

/**
 * One chart of an instance: history from series.query (as many points as the chart is wide), then
 * live values from the hub, drawn by setData at most once per animation frame. The x range is the
 * instance's time axis; a drag zooms every chart of the instance, a double-click follows live again.
 */
export function SeriesChart({ deviceId, plan, seriesIds, hub, axis, onHasPoints, onPlotBox }: SeriesChartProps) {
  const { client, epoch } = useEngine();
  const { t } = useTranslation();
  const language = useLanguage();
  const text = useChartText(plan);
  const buffer = hub.buffer(plan.id);
  const [hasPoints, setHasPoints] = useState(false);
  const [loadError, setLoadError] = useState<ErrorValue | null>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const plotHostRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const frameRef = useRef<number | null>(null);
  const reportRef = useRef({ onHasPoints, onPlotBox });
  reportRef.current = { onHasPoints, onPlotBox };

  const draw = useCallback(() => {
    frameRef.current = null;
    const plot = plotRef.current;
    if (!plot || !buffer) return;
    if (buffer.flush()) plot.setData(buffer.data, false);
    axis.noteData(plan.id, buffer.firstSec(), buffer.lastSec());
    const range = axis.range(Date.now() / 1000);
    plot.setScale('x', range);
    const points = countPoints(buffer.data);
    showPoints(containerRef.current, points);
    if (containerRef.current) containerRef.current.dataset.zoomed = String(axis.zoomed !== null);
    const has = points > 0;
    setHasPoints(has);
    reportRef.current.onHasPoints(plan.id, has);
  }, [axis, buffer, plan.id]);

  const scheduleDraw = useCallback(() => {
    frameRef.current ??= requestAnimationFrame(draw);
  }, [draw]);

  // One uPlot per chart; only a language switch (labels, date format) builds it again.
  const textKey = JSON.stringify(text);
  useEffect(() => {
    const host = plotHostRef.current;
    if (!host || !buffer) return;
    const hooks = {
      onZoom: (range: XRange) => axis.setZoom(range),
      onDoubleClick: () => axis.setZoom(null),
      onXScale: (range: XRange) => showXRange(containerRef.current, range),
    };
    const plot = new uPlot(deviceChartOptions(Math.max(host.clientWidth, 300), text, TIME_FORMATS[language], `${deviceId}/${plan.instance}`, hooks), [[], ...plan.series.map(() => [])], host);
    plotRef.current = plot;
    buffer.flush();
    plot.setData(buffer.data, false);
    draw();
    const resize = new ResizeObserver(([entry]) => {
      const width = Math.floor(entry?.contentRect.width ?? 0);
      if (width > 0 && width !== plot.width) plot.setSize({ width, height: plot.height });
    });
    resize.observe(host);
    // uPlot lays its plot area out after a microtask: the timeline learns where it is once it is there.
    const plotArea = new ResizeObserver(() => reportRef.current.onPlotBox?.({ leftPx: plot.over.offsetLeft, widthPx: plot.over.clientWidth }));
    plotArea.observe(plot.over);
    const offHub = hub.listen(plan.id, scheduleDraw);
    const offAxis = axis.subscribe(scheduleDraw);
    return () => {
      offHub();
      offAxis();
      resize.disconnect();
      plotArea.disconnect();
      if (frameRef.current !== null) cancelAnimationFrame(frameRef.current);
      frameRef.current = null;
      plotRef.current = null;
      plot.destroy();
    };
    // text is keyed by its JSON (textKey): a new object with the same words must not build the chart again
  }, [buffer, hub, axis, plan, language, textKey, deviceId, draw, scheduleDraw]);

  // History on mount and after every reconnect (values were missed while away).
  const idsKey = seriesIds.join(',');
  useEffect(() => {
    const ids = seriesIds.filter((id): id is number => id !== null);
    if (epoch === 0 || ids.length === 0 || !buffer) return;
    let cancelled = false;
    const toMs = Date.now();
    const widthPx = Math.max(plotHostRef.current?.clientWidth ?? 0, 300);
    client.call('series.query', { seriesIds: ids, fromMs: toMs - LIVE_SPAN_SEC * 1000, toMs, maxPoints: widthPx }).then(
      (columns) => {
        if (cancelled) return;
        setLoadError(null);
        const byId = new Map(columns.map((c) => [c.id, c]));
        buffer.loadHistory(seriesIds.map((id) => (id === null ? null : (byId.get(id) ?? null))));
        scheduleDraw();
      },
      (err: unknown) => {
        if (!cancelled) setLoadError(errorValueOf(err));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client, epoch, idsKey, buffer, scheduleDraw]);

  return (
    <Box>
      {loadError && <ErrorAlert error={loadError} mb="xs" title={t('devicePage.chart.loadFailed', { what: text.title })} testId="series-chart-error" />}
      <Text size="sm" fw={500} mb={2}>
        {text.title}
      </Text>
      <Box
        ref={containerRef}
        pos="relative"
        data-testid="live-chart"
        data-chart-id={plan.id}
        data-kind={plan.kind}
        data-program={plan.program}
        data-instance={plan.instance}
        data-device-id={deviceId}
        data-series={plan.series.map((s) => s.metric).join(' ')}
      >
        <div ref={plotHostRef} />
        {!hasPoints && (
          <Text size="xs" c="dimmed" pos="absolute" top={8} left={96} right={16} data-testid="series-chart-empty">
            {plan.program === 'ptp4l' && plan.kind === 'frequency' ? t('devicePage.chart.emptyFrequency') : t('devicePage.chart.empty', { what: text.title.toLowerCase() })}
          </Text>
        )}
      </Box>
    </Box>
  );
}

/** Numbers drawn (gaps and absent values do not count). */
function countPoints(data: readonly (readonly unknown[])[]): number {
  let n = 0;
  for (let s = 1; s < data.length; s++) for (const v of data[s]!) if (typeof v === 'number') n++;
  return n;
}

/** Written straight to the DOM: a browser test waits on them, and React need not re-render per sample. */
function showPoints(el: HTMLElement | null, points: number): void {
  if (!el) return;
  if (points > 0) el.dataset.points = String(points);
  else delete el.dataset.points;
}

function showXRange(el: HTMLElement | null, range: XRange): void {
  if (!el) return;
  el.dataset.xMin = String(range.min);
  el.dataset.xMax = String(range.max);
}
