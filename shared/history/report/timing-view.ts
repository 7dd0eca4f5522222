import { z } from 'zod';
import type { MaskResult } from '../analysis/mask-check';
import type { TimeErrorAnalysis } from '../analysis/time-error-analysis';
import { SeriesInfo } from '../../series/series-query';

/**
 * A timing analysis as the contract carries it: the analysis of shared/history/analysis with every
 * figure it could not compute as null (JSON has no NaN), the verdict per mask, and the analysed TE
 * over time, min/max-downsampled for a chart.
 */
const n = z.number().nullable();

export const CurvePointView = z.object({ tauS: z.number(), valueNs: n, independentWindows: z.number().int() });

export const TimeErrorAnalysisView = z.object({
  intervalS: n,
  segments: z.number().int(),
  points: z.number().int(),
  excludedPoints: z.number().int(),
  missingPoints: z.number().int(),
  spanS: z.number(),
  lowPassApplied: z.boolean(),
  maxAbsTeNs: n,
  cte: z.object({ cteNs: n, meanNs: n, windowS: n, windows: z.number().int(), independentWindows: z.number().int() }),
  dteHPeakToPeakNs: n,
  dteLMtie: z.array(CurvePointView),
  dteLTdev: z.array(CurvePointView),
});
export type TimeErrorAnalysisView = z.infer<typeof TimeErrorAnalysisView>;

export const MaskVerdictView = z.enum(['pass', 'fail', 'incomplete']);

export const LimitCheckView = z.object({
  limit: z.enum(['maxAbsTe', 'cte', 'dteHPeakToPeak', 'dteLMtie', 'dteLTdev']),
  verdict: MaskVerdictView,
  reason: z.enum(['no-data', 'shorter-than-cte-window', 'no-tau-in-range', 'short-of-longest-tau']).optional(),
  valueNs: n,
  limitNs: n,
  atTauS: z.number().optional(),
  points: z.array(z.object({ tauS: z.number(), valueNs: z.number(), limitNs: z.number(), independentWindows: z.number().int(), upperBoundNs: z.number().optional(), pass: z.boolean() })).optional(),
  longestTauS: z.number().optional(),
  windowsAtLongestTau: z.number().int().optional(),
  marginal: z.boolean().optional(),
});

export const MaskResultView = z.object({ maskId: z.string(), name: z.string(), source: z.string(), verdict: MaskVerdictView, marginal: z.boolean(), checks: z.array(LimitCheckView) });
export type MaskResultView = z.infer<typeof MaskResultView>;

export const TimingView = z.object({
  deviceId: z.string(),
  series: SeriesInfo,
  fromMs: z.number(),
  toMs: z.number(),
  excludeBeforeMs: n,
  analysis: TimeErrorAnalysisView,
  masks: z.array(MaskResultView),
  /** The analysed TE (clean measurements only; null a gap), min/max-downsampled. */
  overview: z.object({ tUs: z.array(z.number()), teNs: z.array(n) }),
});
export type TimingView = z.infer<typeof TimingView>;

const fin = (x: number): number | null => (Number.isFinite(x) ? x : null);

export function analysisView(a: TimeErrorAnalysis): TimeErrorAnalysisView {
  const curve = (c: TimeErrorAnalysis['dteLMtie']) => c.map((p) => ({ tauS: p.tauS, valueNs: fin(p.valueNs), independentWindows: p.independentWindows }));
  return {
    intervalS: fin(a.intervalS),
    segments: a.segments,
    points: a.points,
    excludedPoints: a.excludedPoints,
    missingPoints: a.missingPoints,
    spanS: a.spanS,
    lowPassApplied: a.lowPassApplied,
    maxAbsTeNs: fin(a.maxAbsTeNs),
    cte: { cteNs: fin(a.cte.cteNs), meanNs: fin(a.cte.meanNs), windowS: fin(a.cte.windowS), windows: a.cte.windows, independentWindows: a.cte.independentWindows },
    dteHPeakToPeakNs: fin(a.dteHPeakToPeakNs),
    dteLMtie: curve(a.dteLMtie),
    dteLTdev: curve(a.dteLTdev),
  };
}

export function maskResultView(r: MaskResult, source: string): MaskResultView {
  return { ...r, source, checks: r.checks.map((c) => ({ ...c, valueNs: fin(c.valueNs), limitNs: fin(c.limitNs) })) };
}
