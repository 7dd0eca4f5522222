/**
 * The whole timing-quality analysis of one TE series (ITU-T G.8260 / G.8273.2 metrics): segments
 * cut at gaps, the initial transient left out, then max|TE|, cTE, dTE_H peak-to-peak, and the MTIE
 * and TDEV of dTE_L (TE through the 0.1 Hz low-pass) over the observation intervals. Every figure is
 * computed inside segments only; curves pool segments without ever joining them.
 */
import { canLowPass, highPassResidual, lowPassFirstOrder } from './low-pass-filter';
import { createMtieScratch, mtieOfWindow } from './mtie';
import { observationIntervals } from './observation-intervals';
import { prefixSums, tdevFromTerms, tdevTerms } from './tdev';
import { splitSegments, type TeSeriesColumns } from './te-segments';
import { constantTimeError, maxAbs, peakToPeak, type ConstantTimeError } from './time-error-stats';

export interface TimeErrorAnalysisOptions {
  /** Samples before this time (µs) are the initial transient (the editable marker in the UI). */
  excludeBeforeUs?: number;
  /** cTE averaging window, s (default 1000, as G.8273.2). */
  cteWindowS?: number;
  /** Longest observation interval computed, s (default 10 000; never beyond what the data holds). */
  maxTauS?: number;
  /** A time hole longer than this many median intervals splits a segment (default 2). */
  holeFactor?: number;
}

export interface CurvePoint {
  tauS: number;
  valueNs: number;
  /** Non-overlapping windows of this τ the data holds (MTIE: τ; TDEV: 3τ): what backs the value. */
  independentWindows: number;
}

export interface TimeErrorAnalysis {
  /** τ0, s: the median sampling interval. */
  intervalS: number;
  segments: number;
  /** Samples analysed (after the transient, gaps excluded). */
  points: number;
  excludedPoints: number;
  missingPoints: number;
  /** Sum of the segments' spans, s. */
  spanS: number;
  /** False when samples are 5 s or more apart: no 0.1 Hz filter exists there, and TE_L is TE itself. */
  lowPassApplied: boolean;
  maxAbsTeNs: number;
  cte: ConstantTimeError;
  dteHPeakToPeakNs: number;
  dteLMtie: CurvePoint[];
  dteLTdev: CurvePoint[];
}

export function analyzeTimeError(series: TeSeriesColumns, options: TimeErrorAnalysisOptions = {}): TimeErrorAnalysis {
  const split = splitSegments(series, { excludeBeforeUs: options.excludeBeforeUs, holeFactor: options.holeFactor });
  const { segments, intervalS } = split;
  const te = segments.map((s) => s.teNs);
  const points = te.reduce((a, x) => a + x.length, 0);
  const lowPassApplied = canLowPass(intervalS);
  const teL = lowPassApplied ? te.map((x) => lowPassFirstOrder(x, intervalS)) : te;
  const dteH = te.map((x, i) => highPassResidual(x, teL[i]!));
  let longest = 0;
  let spanS = 0;
  for (const x of te) longest = Math.max(longest, x.length);
  for (const s of segments) spanS += (s.endUs - s.startUs) / 1e6;

  const maxTauS = Math.min(options.maxTauS ?? 10_000, (longest - 1) * intervalS);
  const scratch = createMtieScratch(longest);
  const dteLMtie: CurvePoint[] = [];
  for (const { tauS, n } of observationIntervals(intervalS, maxTauS)) {
    let worst = NaN;
    let independentWindows = 0;
    for (const x of teL) {
      if (x.length < n + 1) continue;
      const m = mtieOfWindow(x, n, scratch);
      if (!(m <= worst)) worst = m;
      independentWindows += Math.floor((x.length - 1) / n);
    }
    if (independentWindows > 0) dteLMtie.push({ tauS, valueNs: worst, independentWindows });
  }

  const prefixes = teL.map(prefixSums);
  const dteLTdev: CurvePoint[] = [];
  for (const { tauS, n } of observationIntervals(intervalS, maxTauS / 3)) {
    let sumSquares = 0;
    let windows = 0;
    let independentWindows = 0;
    for (const c of prefixes) {
      const t = tdevTerms(c, n);
      sumSquares += t.sumSquares;
      windows += t.windows;
      independentWindows += Math.floor((c.length - 1) / (3 * n));
    }
    if (windows > 0) dteLTdev.push({ tauS, valueNs: tdevFromTerms({ sumSquares, windows }, n), independentWindows });
  }

  return {
    intervalS,
    segments: segments.length,
    points,
    excludedPoints: split.excludedPoints,
    missingPoints: split.missingPoints,
    spanS,
    lowPassApplied,
    maxAbsTeNs: maxAbs(te),
    cte: constantTimeError(segments, intervalS, options.cteWindowS ?? 1000),
    dteHPeakToPeakNs: peakToPeak(dteH),
    dteLMtie,
    dteLTdev,
  };
}
