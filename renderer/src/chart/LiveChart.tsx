import { Alert, Box, Center, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { DeviceView } from '../../../shared/domain/device';
import { errorValueOf, type ErrorValue } from '../../../shared/domain/errors';
import { useEngine } from '../engine/EngineContext';
import { chartOptions } from './chart-options';
import { DEFAULT_CHART_WINDOW, SeriesBuffer } from './series-buffer';

/**
 * Offset from master and mean path delay of one device, streaming.
 * Mount it with `key={device.id}`: one uPlot per device, fed by setData at most once per frame.
 */
export function LiveChart({ device }: { device: DeviceView }) {
  const { client, epoch } = useEngine();
  const { t } = useTranslation();
  const [buffer] = useState(() => new SeriesBuffer());
  const [hasPoints, setHasPoints] = useState(false);
  const [loadError, setLoadError] = useState<ErrorValue | null>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const plotHostRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const frameRef = useRef<number | null>(null);

  const draw = useCallback(() => {
    frameRef.current = null;
    const plot = plotRef.current;
    if (!plot || !buffer.flush()) return;
    plot.setData(buffer.columns);
    showPointCount(containerRef.current, buffer.length);
    setHasPoints(buffer.length > 0);
  }, [buffer]);

  const scheduleDraw = useCallback(() => {
    frameRef.current ??= requestAnimationFrame(draw);
  }, [draw]);

  const timeLabel = t('chart.time');
  const offsetLabel = t('chart.offsetFromMaster');
  const delayLabel = t('chart.meanPathDelay');

  // One uPlot for this device; only a language switch (new labels) builds it again.
  useEffect(() => {
    const host = plotHostRef.current;
    if (!host) return;
    buffer.flush();
    const labels = { time: timeLabel, offsetFromMaster: offsetLabel, meanPathDelay: delayLabel };
    const plot = new uPlot(chartOptions(Math.max(host.clientWidth, 300), labels), buffer.columns, host);
    plotRef.current = plot;
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
  }, [buffer, timeLabel, offsetLabel, delayLabel]);

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
      {loadError && (
        <Alert color="red" mb="sm" title={t('chart.loadFailed')} data-testid="live-chart-error">
          {loadError.message}
          {loadError.hint && <Text size="sm" c="dimmed">{loadError.hint}</Text>}
        </Alert>
      )}
      <Box ref={containerRef} data-testid="live-chart" data-device-id={device.id} pos="relative">
        <div ref={plotHostRef} />
        {!hasPoints && (
          <Center pos="absolute" inset={0} data-testid="live-chart-empty">
            <Text c="dimmed">{t('chart.waiting', { device: device.name })}</Text>
          </Center>
        )}
      </Box>
    </Box>
  );
}

/** Written straight to the DOM: a browser test waits on it, and React need not re-render per sample. */
function showPointCount(el: HTMLElement | null, points: number): void {
  if (!el) return;
  if (points > 0) el.dataset.points = String(points);
  else delete el.dataset.points;
}
