import { Box, Button, Group, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { DeviceView } from '../../../shared/domain/device';
import { errorValueOf, type ErrorValue } from '../../../shared/domain/errors';
import type { DeviceStatus } from '../../../shared/domain/status';
import { useEngine } from '../engine/EngineContext';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useLanguage } from '../errors/use-error-text';
import { ChartEmptyState, StaleNotice } from './ChartEmptyState';
import { chartOptions, xRangeSec, type XRange } from './chart-options';
import { DEFAULT_CHART_WINDOW, SeriesBuffer, type ChartColumns } from './series-buffer';
import { TIME_FORMATS } from './time-format';

/**
 * Offset from master and mean path delay of one device, streaming.
 * Mount it with `key={device.id}`: one uPlot per device, fed by setData at most once per frame.
 * It follows live data until the operator drags across it to zoom; it then keeps that time range
 * while samples arrive, until a double-click or "Follow live".
 */
export function LiveChart({ device, status }: { device: DeviceView; status: DeviceStatus | undefined }) {
  const { client, epoch } = useEngine();
  const { t } = useTranslation();
  const language = useLanguage();
  const [buffer] = useState(() => new SeriesBuffer());
  const [hasPoints, setHasPoints] = useState(false);
  const [zoomed, setZoomed] = useState(false);
  const [loadError, setLoadError] = useState<ErrorValue | null>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const plotHostRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const frameRef = useRef<number | null>(null);
  /** The zoomed time range, or null while following live data. */
  const zoomRef = useRef<XRange | null>(null);

  const draw = useCallback(() => {
    frameRef.current = null;
    const plot = plotRef.current;
    if (!plot || !buffer.flush()) return;
    feed(plot, buffer.columns, zoomRef.current);
    showPointCount(containerRef.current, buffer.length);
    setHasPoints(buffer.length > 0);
  }, [buffer]);

  const scheduleDraw = useCallback(() => {
    frameRef.current ??= requestAnimationFrame(draw);
  }, [draw]);

  const followLive = useCallback(() => {
    zoomRef.current = null;
    setZoomed(false);
    if (plotRef.current) feed(plotRef.current, buffer.columns, null);
  }, [buffer]);

  const timeLabel = t('chart.time');
  const offsetLabel = t('chart.offsetFromMaster');
  const delayLabel = t('chart.meanPathDelay');

  // One uPlot for this device; only a language switch (new labels, date format) builds it again.
  useEffect(() => {
    const host = plotHostRef.current;
    if (!host) return;
    buffer.flush();
    const labels = { time: timeLabel, offsetFromMaster: offsetLabel, meanPathDelay: delayLabel };
    const hooks = {
      onZoom: (range: XRange) => {
        zoomRef.current = range;
        setZoomed(true);
      },
      onDoubleClick: followLive,
      onXScale: (range: XRange) => showXRange(containerRef.current, range),
    };
    const plot = new uPlot(chartOptions(Math.max(host.clientWidth, 300), labels, TIME_FORMATS[language], hooks), [[], [], []], host);
    plotRef.current = plot;
    feed(plot, buffer.columns, zoomRef.current);
    showPointCount(containerRef.current, buffer.length);
    setHasPoints(buffer.length > 0);
    const resize = new ResizeObserver(([entry]) => {
      const width = Math.floor(entry?.contentRect.width ?? 0);
      if (width > 0 && width !== plot.width) plot.setSize({ width, height: plot.height });
    });
    resize.observe(host);
    return () => {
      resize.disconnect();
      if (frameRef.current !== null) cancelAnimationFrame(frameRef.current);
      frameRef.current = null;
      plotRef.current = null;
      plot.destroy();
    };
  }, [buffer, timeLabel, offsetLabel, delayLabel, language, followLive]);

  useEffect(
    () =>
      client.on('ptp.sample', (sample) => {
        if (sample.deviceId !== device.id) return;
        buffer.push(sample);
        scheduleDraw();
      }),
    [client, device.id, buffer, scheduleDraw],
  );

  // History on mount and again after every reconnect (samples were missed while away).
  useEffect(() => {
    if (epoch === 0) return;
    let cancelled = false;
    client
      .call('samples.query', { deviceId: device.id, sinceMs: Date.now() - DEFAULT_CHART_WINDOW.spanMs, limit: DEFAULT_CHART_WINDOW.maxPoints })
      .then(
        (history) => {
          if (cancelled) return;
          setLoadError(null);
          buffer.load(history);
          scheduleDraw();
        },
        (err: unknown) => {
          if (!cancelled) setLoadError(errorValueOf(err));
        },
      );
    return () => {
      cancelled = true;
    };
  }, [client, device.id, epoch, buffer, scheduleDraw]);

  return (
    <Box>
      {loadError && <ErrorAlert error={loadError} mb="sm" title={t('chart.loadFailed')} testId="live-chart-error" />}
      {hasPoints && <StaleNotice device={device} status={status} />}
      <Group justify="flex-end" gap="sm" mih={30} mb={4}>
        {zoomed ? (
          <>
            <Text size="xs" c="dimmed">
              {t('chart.zoomed')}
            </Text>
            <Button size="compact-sm" variant="light" onClick={followLive} data-testid="chart-follow-live">
              {t('chart.followLive')}
            </Button>
          </>
        ) : (
          hasPoints && (
            <Text size="xs" c="dimmed">
              {t('chart.zoomHint')}
            </Text>
          )
        )}
      </Group>
      <Box ref={containerRef} data-testid="live-chart" data-device-id={device.id} data-zoomed={zoomed} pos="relative">
        <div ref={plotHostRef} />
        {!hasPoints && <ChartEmptyState device={device} status={status} />}
      </Box>
    </Box>
  );
}

/**
 * Live: the x range follows the data. Zoomed: the data changes under a fixed x range. Either way
 * the x range is set here, not guessed by uPlot, and the y scales fit what is in it.
 */
function feed(plot: uPlot, columns: ChartColumns, zoom: XRange | null): void {
  const t = columns[0];
  plot.setData(columns, false);
  const [min, max] = zoom ? [zoom.min, zoom.max] : xRangeSec(t[0] ?? null, t[t.length - 1] ?? null);
  if (min !== null && max !== null) plot.setScale('x', { min, max });
}

/** Written straight to the DOM: a browser test waits on them, and React need not re-render per sample. */
function showPointCount(el: HTMLElement | null, points: number): void {
  if (!el) return;
  if (points > 0) el.dataset.points = String(points);
  else delete el.dataset.points;
}

function showXRange(el: HTMLElement | null, range: XRange): void {
  if (!el) return;
  el.dataset.xMin = String(range.min);
  el.dataset.xMax = String(range.max);
}
