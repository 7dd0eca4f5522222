/**
 * Pass/fail of a time-error analysis against timing masks, limit by limit, with what backs each
 * verdict. A mask passes only when every limit it sets was judged and met over its whole τ range;
 * a limit the data cannot judge yet (too short for 1000 s, no point in range) makes it "incomplete",
 * never a pass. Reasons are codes; the UI words them (English and Chinese).
 *
 * Confidence: every curve point carries the non-overlapping windows behind it. For TDEV we add the
 * simple 1-σ bound of NIST SP 1065 (Riley, "simple confidence intervals": σ·(1 ± 1/√M) for an
 * Allan-family deviation from M independent terms) and flag a pass whose bound crosses the limit as
 * marginal. MTIE is a maximum over windows: the observed value is itself a lower bound on the true
 * one, so its confidence is the number of windows.
 */
import type { CurvePoint, TimeErrorAnalysis } from './time-error-analysis';
import { curveLimitAt, type CurvePiece, type TimingMask } from './timing-masks';

export type MaskVerdict = 'pass' | 'fail' | 'incomplete';
export type LimitName = 'maxAbsTe' | 'cte' | 'dteHPeakToPeak' | 'dteLMtie' | 'dteLTdev';
export type IncompleteReason = 'no-data' | 'shorter-than-cte-window' | 'no-tau-in-range' | 'short-of-longest-tau';

export interface EvaluatedPoint {
  tauS: number;
  valueNs: number;
  limitNs: number;
  independentWindows: number;
  /** TDEV only: the 1-σ upper bound value·(1 + 1/√windows). */
  upperBoundNs?: number;
  pass: boolean;
}

export interface LimitCheck {
  limit: LimitName;
  verdict: MaskVerdict;
  reason?: IncompleteReason;
  /** Scalars: the figure; curves: the value at the worst point (highest value/limit). */
  valueNs: number;
  limitNs: number;
  /** Curves: τ of the worst point. */
  atTauS?: number;
  /** Curves: every point judged. */
  points?: EvaluatedPoint[];
  /** Curves: longest τ judged, and how many independent windows back it. */
  longestTauS?: number;
  windowsAtLongestTau?: number;
  /** A pass whose confidence bound crosses the limit. */
  marginal?: boolean;
}

export interface MaskResult {
  maskId: string;
  name: string;
  verdict: MaskVerdict;
  marginal: boolean;
  checks: LimitCheck[];
}

function scalarCheck(limit: LimitName, valueNs: number, limitNs: number, incomplete?: IncompleteReason): LimitCheck {
  if (!Number.isFinite(valueNs)) return { limit, verdict: 'incomplete', reason: 'no-data', valueNs, limitNs };
  if (Math.abs(valueNs) > limitNs) return { limit, verdict: 'fail', valueNs, limitNs };
  return incomplete ? { limit, verdict: 'incomplete', reason: incomplete, valueNs, limitNs } : { limit, verdict: 'pass', valueNs, limitNs };
}

function curveCheck(limit: LimitName, curve: readonly CurvePoint[], pieces: readonly CurvePiece[], withBound: boolean): LimitCheck {
  const points: EvaluatedPoint[] = [];
  let worst: EvaluatedPoint | undefined;
  let marginal = false;
  for (const p of curve) {
    const limitNs = curveLimitAt(pieces, p.tauS);
    if (limitNs === undefined || !Number.isFinite(p.valueNs)) continue;
    const upperBoundNs = withBound ? p.valueNs * (1 + 1 / Math.sqrt(Math.max(1, p.independentWindows))) : undefined;
    const e: EvaluatedPoint = { tauS: p.tauS, valueNs: p.valueNs, limitNs, independentWindows: p.independentWindows, upperBoundNs, pass: p.valueNs <= limitNs };
    if (e.pass && upperBoundNs !== undefined && upperBoundNs > limitNs) marginal = true;
    points.push(e);
    if (!worst || e.valueNs / e.limitNs > worst.valueNs / worst.limitNs) worst = e;
  }
  const last = points[points.length - 1];
  if (!worst || !last) return { limit, verdict: 'incomplete', reason: 'no-tau-in-range', valueNs: NaN, limitNs: NaN, points };
  const base = { limit, valueNs: worst.valueNs, limitNs: worst.limitNs, atTauS: worst.tauS, points, longestTauS: last.tauS, windowsAtLongestTau: last.independentWindows, marginal };
  if (points.some((p) => !p.pass)) return { ...base, verdict: 'fail' };
  const maskEndTauS = Math.max(...pieces.map((p) => p.toTauS));
  // The grid lands on whole sampling intervals: "reached" allows the rounding of one τ0 step.
  if (last.tauS < maskEndTauS * 0.99) return { ...base, verdict: 'incomplete', reason: 'short-of-longest-tau' };
  return { ...base, verdict: 'pass' };
}

export function checkMask(analysis: TimeErrorAnalysis, mask: TimingMask): MaskResult {
  const checks: LimitCheck[] = [];
  if (mask.maxAbsTeNs !== undefined) checks.push(scalarCheck('maxAbsTe', analysis.maxAbsTeNs, mask.maxAbsTeNs));
  if (mask.cteNs !== undefined) checks.push(scalarCheck('cte', analysis.cte.cteNs, mask.cteNs, analysis.cte.windows === 0 ? 'shorter-than-cte-window' : undefined));
  if (mask.dteHPeakToPeakNs !== undefined) checks.push(scalarCheck('dteHPeakToPeak', analysis.dteHPeakToPeakNs, mask.dteHPeakToPeakNs));
  if (mask.dteLMtieNs) checks.push(curveCheck('dteLMtie', analysis.dteLMtie, mask.dteLMtieNs, false));
  if (mask.dteLTdevNs) checks.push(curveCheck('dteLTdev', analysis.dteLTdev, mask.dteLTdevNs, true));
  const verdict: MaskVerdict = checks.some((c) => c.verdict === 'fail') ? 'fail' : checks.every((c) => c.verdict === 'pass') && checks.length > 0 ? 'pass' : 'incomplete';
  return { maskId: mask.id, name: mask.name, verdict, marginal: checks.some((c) => c.marginal === true), checks };
}

export function checkMasks(analysis: TimeErrorAnalysis, masks: readonly TimingMask[]): MaskResult[] {
  return masks.map((m) => checkMask(analysis, m));
}
