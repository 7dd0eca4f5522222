import type uPlot from 'uplot';

export const CHART_HEIGHT_PX = 320;

export interface ChartLabels {
  time: string;
  offsetFromMaster: string;
  meanPathDelay: string;
}

/**
 * Offset from master swings around zero while mean path delay sits at hundreds of ns,
 * so each gets its own y scale: offset on the left axis, delay on the right.
 */
export function chartOptions(widthPx: number, labels: ChartLabels): uPlot.Options {
  return {
    width: widthPx,
    height: CHART_HEIGHT_PX,
    scales: { x: { time: true }, offsetNs: { auto: true }, delayNs: { auto: true } },
    series: [
      { label: labels.time },
      { label: labels.offsetFromMaster, scale: 'offsetNs', stroke: '#1c7ed6', width: 1.5, spanGaps: false },
      { label: labels.meanPathDelay, scale: 'delayNs', stroke: '#f08c00', width: 1.5, spanGaps: false },
    ],
    axes: [
      {},
      { scale: 'offsetNs', label: labels.offsetFromMaster, stroke: '#1c7ed6', size: 70 },
      { scale: 'delayNs', label: labels.meanPathDelay, stroke: '#f08c00', side: 1, size: 70, grid: { show: false } },
    ],
    cursor: { drag: { x: true, y: false } },
  };
}
