import type uPlot from 'uplot';
import { elapsedText } from '../chart/elapsed-time';
import type { TimeFormat } from '../chart/time-format';

export const DEVICE_CHART_HEIGHT_PX = 200;

export interface XRange {
  min: number;
  max: number;
}

export interface ChartHooks {
  /** The operator dragged across the plot: the x range (s) it selected. */
  onZoom(range: XRange): void;
  /** The operator double-clicked the plot. */
  onDoubleClick(): void;
  /** The x scale changed (data arrived, zoom, reset). */
  onXScale(range: XRange): void;
}
/** Every device chart's y axis is this wide, so all plots of an instance (and its timeline) share their left edge. */
export const Y_AXIS_SIZE_PX = 80;

const PALETTE = ['#1c7ed6', '#f08c00', '#2f9e44', '#ae3ec9', '#e03131', '#0c8599'];

export interface DeviceChartText {
  time: string;
  axis: string;
  series: readonly string[];
}

/**
 * One chart of one quantity (all its series share a unit and a y scale): offset, delay or
 * frequency. Gaps stay gaps (spanGaps false: null breaks a line; an absent value is drawn across).
 * Charts of one instance share the cursor (`syncKey`) and the x range (set by the page, not uPlot).
 */
export function deviceChartOptions(widthPx: number, text: DeviceChartText, time: TimeFormat | 'since-boot', syncKey: string, hooks: ChartHooks): uPlot.Options {
  // A log with only `[seconds]` has no date: its x axis counts from the device's boot.
  const sinceBoot = time === 'since-boot';
  return {
    width: widthPx,
    height: DEVICE_CHART_HEIGHT_PX,
    scales: { x: { time: !sinceBoot }, y: { auto: true } },
    series: [
      { label: text.time, value: sinceBoot ? (_u: uPlot, v: number | null) => (v === null ? '--' : elapsedText(v, true)) : time.legend },
      ...text.series.map((label, i) => ({ label, scale: 'y', stroke: PALETTE[i % PALETTE.length], width: 1.5, spanGaps: false })),
    ],
    axes: [
      sinceBoot ? { values: (_u: uPlot, splits: number[]) => splits.map((v) => elapsedText(v)) } : { values: time.axis },
      { scale: 'y', label: text.axis, size: Y_AXIS_SIZE_PX },
    ],
    cursor: {
      sync: { key: syncKey },
      drag: { x: true, y: false },
      // uPlot's own double-click only rescales once; the charts then have to follow live data again.
      bind: {
        dblclick: () => () => {
          hooks.onDoubleClick();
          return null;
        },
      },
    },
    hooks: {
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
