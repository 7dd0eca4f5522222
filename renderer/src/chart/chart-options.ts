import type uPlot from 'uplot';
import type { TimeFormat } from './time-format';

export const CHART_HEIGHT_PX = 320;

/** With a single sample the time axis shows this much on either side of it (uPlot alone spans years). */
export const SINGLE_POINT_HALF_SPAN_SEC = 30;

export interface ChartLabels {
  time: string;
  offsetFromMaster: string;
  meanPathDelay: string;
}

export interface ChartHooks {
  /** The operator dragged across the plot: the x range (s) it selected. */
  onZoom(range: XRange): void;
  /** The operator double-clicked the plot. */
  onDoubleClick(): void;
  /** The x scale changed (data arrived, zoom, reset). */
  onXScale(range: XRange): void;
}

export interface XRange {
  min: number;
  max: number;
}

/**
 * The time range to draw while following live data: the data's own, or a window around a single
 * sample. (uPlot's own guess for one point on a seconds axis is 86,400,000 s: the axis spans years.)
 */
export function xRangeSec(min: number | null, max: number | null): uPlot.Range.MinMax {
  if (min === null || max === null || max > min) return [min, max];
  return [min - SINGLE_POINT_HALF_SPAN_SEC, max + SINGLE_POINT_HALF_SPAN_SEC];
}

/**
 * Offset from master swings around zero while mean path delay sits at hundreds of ns,
 * so each gets its own y scale: offset on the left axis, delay on the right.
 */
export function chartOptions(widthPx: number, labels: ChartLabels, time: TimeFormat, hooks: ChartHooks): uPlot.Options {
  return {
    width: widthPx,
    height: CHART_HEIGHT_PX,
    scales: { x: { time: true }, offsetNs: { auto: true }, delayNs: { auto: true } },
    series: [
      { label: labels.time, value: time.legend },
      { label: labels.offsetFromMaster, scale: 'offsetNs', stroke: '#1c7ed6', width: 1.5, spanGaps: false },
      { label: labels.meanPathDelay, scale: 'delayNs', stroke: '#f08c00', width: 1.5, spanGaps: false },
    ],
    axes: [
      { values: time.axis },
      { scale: 'offsetNs', label: labels.offsetFromMaster, stroke: '#1c7ed6', size: 70 },
      { scale: 'delayNs', label: labels.meanPathDelay, stroke: '#f08c00', side: 1, size: 70, grid: { show: false } },
    ],
    cursor: {
      drag: { x: true, y: false },
      // uPlot's own double-click only rescales once; the chart then has to follow live data again.
      bind: {
        dblclick: () => () => {
          hooks.onDoubleClick();
          return null;
        },
      },
    },
    hooks: {
      // Fired once when a drag ends (uPlot then zooms to it); a cleared selection has width 0.
      setSelect: [
        (u) => {
          const { left, width } = u.select;
          if (width > 0) hooks.onZoom({ min: u.posToVal(left, 'x'), max: u.posToVal(left + width, 'x') });
        },
      ],
      setScale: [
        (u, key) => {
          const x = u.scales.x;
          if (key === 'x' && x?.min != null && x.max != null) hooks.onXScale({ min: x.min, max: x.max });
        },
      ],
    },
  };
}
