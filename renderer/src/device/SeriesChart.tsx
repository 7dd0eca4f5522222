import { Badge, Box, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { errorValueOf, type ErrorValue } from '../../../shared/domain/errors';
import { deviceChartOptions, Y_AXIS_SIZE_PX, type XRange } from './device-chart-options';
import { TIME_FORMATS } from '../chart/time-format';
import { useEngine } from '../engine/EngineContext';
import { ErrorAlert } from '../errors/ErrorAlert';
import { liveHistory, type HistoryQuery } from '../history/history-query';
import { mergeOutside, zoomedHistory, type ZoomedHistory } from '../history/zoom-data';
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
  /** Where zoomed ranges are read from: the live store by default, a session's file for a session. */
  history?: HistoryQuery;
  /** What a double-click returns to: following live (null, the default), or a session's whole window. */
  homeRange?: XRange | null;
  /** Times are seconds since the device booted (a log with no wall clock), not dates. */
  sinceBoot?: boolean;
}

/** A zoom or pan asks the store again only once the operator stops for this long. */
const ZOOM_QUERY_DELAY_MS = 120;

/**
 * One chart of an instance: history from series.query (as many points as the chart is wide), then
 * live values from the hub, drawn by setData at most once per animation frame. The x range is the
 * instance's time axis; a drag zooms every chart of the instance, a double-click follows live again.
 * A zoomed or panned range is asked of the store again with the chart's pixel width as its budget,
 * so it is drawn from the tier that fits (raw, minute, hour rollups), with its gaps; the tier shows
 * in a corner.
 */
export function SeriesChart({ deviceId, plan, seriesIds, hub, axis, onHasPoints, onPlotBox, history, homeRange = null, sinceBoot = false }: SeriesChartProps) {
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
  const zoomRef = useRef<ZoomedHistory | null>(null);
  const loadingRef = useRef(false);
  /** The plot width the shown range was asked with, and how to ask again (a chart asked while hidden had no width). */
  const askedWidthRef = useRef(0);
  const reloadRef = useRef<(() => void) | null>(null);
  const [tier, setTier] = useState<ZoomedHistory['tier'] | undefined>(undefined);
  const query = history ?? liveHistory(client);
  const queryRef = useRef(query);
  queryRef.current = query;
  const homeRef = useRef(homeRange);
  homeRef.current = homeRange;

  const draw = useCallback(() => {
    frameRef.current = null;
    const plot = plotRef.current;
    if (!plot || !buffer) return;
    const liveChanged = buffer.flush();
    const zoom = zoomRef.current;
    const zoomCurrent = zoom !== null && axis.zoomed !== null && zoom.range.min === axis.zoomed.min && zoom.range.max === axis.zoomed.max;
    const data = zoomCurrent ? mergeOutside(buffer.data, zoom) : buffer.data;
    if (liveChanged || data !== plot.data) plot.setData(data, false);
    axis.noteData(plan.id, buffer.firstSec(), buffer.lastSec());
    const range = axis.range(Date.now() / 1000);
    plot.setScale('x', range);
    const points = countPoints(data);
    showPoints(containerRef.current, points);
    // Written as drawn: a test reads the tier, points and gaps of what is on screen, not of a pending answer.
    const el = containerRef.current;
    if (el) {
      el.dataset.gaps = String(countGaps(data));
      el.dataset.tier = zoomCurrent ? (zoom.tier ?? 'none') : 'live';
      el.dataset.loading = String(loadingRef.current);
    }
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
      onDoubleClick: () => axis.setZoom(homeRef.current),
      onXScale: (range: XRange) => showXRange(containerRef.current, range),
    };
    const plot = new uPlot(deviceChartOptions(Math.max(host.clientWidth, 300), text, sinceBoot ? 'since-boot' : TIME_FORMATS[language], `${deviceId}/${plan.instance}`, hooks), [[], ...plan.series.map(() => [])], host);
    plotRef.current = plot;
    buffer.flush();
    plot.setData(buffer.data, false);
    draw();
    const resize = new ResizeObserver(([entry]) => {
      const width = Math.floor(entry?.contentRect.width ?? 0);
      if (width > 0 && width !== plot.width) plot.setSize({ width, height: plot.height });
      if (width > 0 && Math.abs(plotBudgetPx(host) - askedWidthRef.current) > askedWidthRef.current * 0.2) reloadRef.current?.();
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
  }, [buffer, hub, axis, plan, language, textKey, deviceId, draw, scheduleDraw, sinceBoot]);

  // Each zoom or pan reads its range again, as many points as the plot is wide; the newest answer wins.
  const idsKeyZoom = seriesIds.join(',');
  useEffect(() => {
    let asked = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let shownKey = '';
    const load = () => {
      timer = null;
      const range = axis.zoomed;
      const ids = seriesIds.filter((id): id is number => id !== null);
      if (!range || ids.length === 0) {
        zoomRef.current = null;
        setTier(undefined);
        scheduleDraw();
        return;
      }
      const mine = ++asked;
      const widthPx = plotBudgetPx(plotHostRef.current);
      askedWidthRef.current = widthPx;
      loadingRef.current = true;
      if (containerRef.current) containerRef.current.dataset.loading = 'true';
      queryRef.current({ seriesIds: ids, fromMs: range.min * 1000, toMs: range.max * 1000, maxPoints: Math.round(widthPx) }).then(
        (answer) => {
          if (mine !== asked) return;
          const zoom = zoomedHistory(range, seriesIds, answer);
          zoomRef.current = zoom;
          setLoadError(null);
          setTier(zoom.tier);
          loadingRef.current = false;
          scheduleDraw();
        },
        (err: unknown) => {
          if (mine !== asked) return;
          loadingRef.current = false;
          scheduleDraw();
          setLoadError(errorValueOf(err));
        },
      );
    };
    const onAxis = () => {
      const z = axis.zoomed;
      const key = z ? `${z.min}:${z.max}` : '';
      if (key === shownKey) return;
      shownKey = key;
      loadingRef.current = z !== null;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(load, z ? ZOOM_QUERY_DELAY_MS : 0);
    };
    onAxis();
    const off = axis.subscribe(onAxis);
    reloadRef.current = () => {
      if (!axis.zoomed) return;
      shownKey = '';
      onAxis();
    };
    return () => {
      asked++;
      reloadRef.current = null;
      off();
      if (timer !== null) clearTimeout(timer);
    };
    // seriesIds is keyed by its ids (idsKeyZoom)
  }, [axis, idsKeyZoom, scheduleDraw, epoch]);

  // History on mount and after every reconnect (values were missed while away); a session has no live part.
  const idsKey = seriesIds.join(',');
  const live = homeRange === null;
  useEffect(() => {
    const ids = seriesIds.filter((id): id is number => id !== null);
    if (!live || epoch === 0 || ids.length === 0 || !buffer) return;
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
  }, [client, epoch, idsKey, buffer, scheduleDraw, live]);

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
        {tier !== undefined && (
          <Badge pos="absolute" top={4} right={4} size="xs" variant="light" color={tier === 'raw' ? 'gray' : 'blue'} style={{ zIndex: 2, pointerEvents: 'none' }} data-testid="chart-tier" data-tier={tier ?? 'none'}>
            {t(`history.tier.${tier ?? 'none'}`)}
          </Badge>
        )}
        {!hasPoints && (
          <Text size="xs" c="dimmed" pos="absolute" top={8} left={96} right={16} data-testid="series-chart-empty">
            {plan.program === 'ptp4l' && plan.kind === 'frequency' ? t('devicePage.chart.emptyFrequency') : t('devicePage.chart.empty', { what: text.title.toLowerCase() })}
          </Text>
        )}
      </Box>
    </Box>
  );
}

/** About as many points as the plot area is wide: the host's width less the y axis (uPlot lays its plot out later). */
function plotBudgetPx(host: HTMLElement | null): number {
  return Math.max((host?.clientWidth ?? 0) - Y_AXIS_SIZE_PX, 100);
}

/** Breaks in the lines: runs of null (a gap) in any series. */
function countGaps(data: readonly (readonly unknown[])[]): number {
  let n = 0;
  for (let s = 1; s < data.length; s++) {
    let inGap = false;
    for (const v of data[s]!) {
      if (v === null && !inGap) n++;
      if (v !== undefined) inGap = v === null;
    }
  }
  return n;
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
