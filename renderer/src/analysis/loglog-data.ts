import { curveLimitAt, type TimingMask } from '../../../shared/history/analysis/timing-masks';
import type { TimingView } from '../../../shared/history/report/timing-view';

type Curve = TimingView['analysis']['dteLMtie'];

/**
 * A measured MTIE or TDEV curve and the chosen masks' limits at the same τ, as uPlot columns for
 * log-log axes: τ (s), the measured value, then one column per mask (null where the mask says
 * nothing, or where a value is not above 0, which a log axis cannot draw).
 */
export function logLogColumns(curve: Curve, masks: readonly TimingMask[], which: 'dteLMtieNs' | 'dteLTdevNs'): { data: [number[], ...(number | null)[][]]; masks: TimingMask[] } {
  const drawn = masks.filter((m) => (m[which]?.length ?? 0) > 0);
  const points = curve.filter((p) => p.tauS > 0);
  const positive = (v: number | null | undefined) => (v !== null && v !== undefined && v > 0 ? v : null);
  return {
    data: [points.map((p) => p.tauS), points.map((p) => positive(p.valueNs)), ...drawn.map((m) => points.map((p) => positive(curveLimitAt(m[which] ?? [], p.tauS))))],
    masks: drawn,
  };
}
