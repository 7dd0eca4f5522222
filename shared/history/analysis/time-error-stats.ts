/**
 * The scalar time-error figures of ITU-T G.8273.2 clause 7.1 and 7.3, over segments (never across
 * a gap): max|TE| (unfiltered), cTE (the mean of TE over a sliding window, 1000 s by default; we
 * report the window mean furthest from zero) and the peak-to-peak of dTE_H.
 */
import type { TeSegment } from './te-segments';

export function maxAbs(arrays: readonly Float64Array[]): number {
  let worst = NaN;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      const v = Math.abs(a[i]!);
      if (!(v <= worst)) worst = v;
    }
  }
  return worst;
}

export function peakToPeak(arrays: readonly Float64Array[]): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      const v = a[i]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return hi >= lo ? hi - lo : NaN;
}

export interface ConstantTimeError {
  /** The window mean furthest from zero, ns (signed). With no full window: the mean of all samples. */
  cteNs: number;
  /** The mean of every sample after the transient, ns. */
  meanNs: number;
  /** Window length actually used, s (n × τ0). */
  windowS: number;
  /** How many window positions were averaged (0: no segment was as long as the window). */
  windows: number;
  /** Non-overlapping windows the data holds: how many independent cTE readings back the figure. */
  independentWindows: number;
}

export function constantTimeError(segments: readonly TeSegment[], intervalS: number, windowS: number): ConstantTimeError {
  const n = intervalS > 0 && windowS > 0 ? Math.max(1, Math.round(windowS / intervalS)) : Infinity;
  let total = 0;
  let count = 0;
  let worst = NaN;
  let windows = 0;
  let independentWindows = 0;
  for (const { teNs } of segments) {
    let sum = 0;
    for (let i = 0; i < teNs.length; i++) {
      sum += teNs[i]!;
      if (i >= n) sum -= teNs[i - n]!;
      if (i >= n - 1) {
        const mean = sum / n;
        if (!(Math.abs(mean) <= Math.abs(worst))) worst = mean;
        windows++;
      }
      total += teNs[i]!;
    }
    count += teNs.length;
    independentWindows += Math.floor(teNs.length / n);
  }
  const meanNs = count > 0 ? total / count : NaN;
  return { cteNs: windows > 0 ? worst : meanNs, meanNs, windowS: Number.isFinite(n) ? n * intervalS : NaN, windows, independentWindows };
}
