import { Box } from '@mantine/core';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/**
 * A uPlot sized to its box's width: built when `optionsKey` changes (labels, series, scales), fed by
 * setData when only the data changes, resized with its box. `onPlot` gets the plot (for click handlers).
 */
export function UPlotBox({ options, optionsKey, data, heightPx, testId, attrs = {}, onPlot }: { options: Omit<uPlot.Options, 'width' | 'height'>; optionsKey: string; data: uPlot.AlignedData; heightPx: number; testId: string; attrs?: Record<string, string | number>; onPlot?(plot: uPlot): (() => void) | void }) {
  const hostRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const dataRef = useRef(data);
  dataRef.current = data;
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const onPlotRef = useRef(onPlot);
  onPlotRef.current = onPlot;

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const plot = new uPlot({ ...optionsRef.current, width: Math.max(host.clientWidth, 300), height: heightPx }, dataRef.current, host);
    plotRef.current = plot;
    const off = onPlotRef.current?.(plot);
    const resize = new ResizeObserver(([entry]) => {
      const width = Math.floor(entry?.contentRect.width ?? 0);
      if (width > 0 && width !== plot.width) plot.setSize({ width, height: plot.height });
    });
    resize.observe(host);
    return () => {
      off?.();
      resize.disconnect();
      plotRef.current = null;
      plot.destroy();
    };
  }, [optionsKey, heightPx]);

  useEffect(() => {
    plotRef.current?.setData(data);
  }, [data]);

  return <Box ref={hostRef} data-testid={testId} {...Object.fromEntries(Object.entries(attrs).map(([k, v]) => [`data-${k}`, String(v)]))} />;
}
