/**
 * A time-error series as columns, cut into contiguous segments: nothing in the analysis is ever
 * computed across a gap. A segment ends at a missing value (null or not finite), at a time that does
 * not move forward, and at a hole in time longer than `holeFactor` × the median sampling interval.
 *
 * Sampling assumption: inside a segment every interval is at most `holeFactor` × the median, and
 * the analysis treats the samples as evenly spaced at the median interval τ0 (ptp4l is polled on a
 * fixed period; its jitter is small beside τ0). Nothing is resampled or interpolated, so no value is
 * ever invented.
 */
export interface TeSeriesColumns {
  /** Sample times, µs (wall or device time; only differences matter). */
  tUs: Float64Array | readonly number[];
  /** Time error at each time, ns; null is a gap. */
  teNs: Float64Array | readonly (number | null)[];
}

export interface TeSegment {
  /** Time of the first sample, µs. */
  startUs: number;
  /** Time of the last sample, µs. */
  endUs: number;
  teNs: Float64Array;
}

export interface SegmentOptions {
  /** Samples before this time (µs) are the initial transient and are left out (the UI marker sets it). */
  excludeBeforeUs?: number;
  /** A hole longer than this many median intervals ends a segment (default 2). */
  holeFactor?: number;
}

export interface SegmentedSeries {
  segments: TeSegment[];
  /** τ0: the median interval between consecutive samples, s (NaN with fewer than two samples in a row). */
  intervalS: number;
  /** Samples left out as the initial transient. */
  excludedPoints: number;
  /** Missing values (null or not finite) after the transient. */
  missingPoints: number;
}

const MEDIAN_SAMPLE = 10_001;

/** Median of the positive intervals between consecutive present samples (a strided sample of them on long series). */
function medianIntervalUs(tUs: TeSeriesColumns['tUs'], present: Uint8Array, from: number): number {
  const diffs: number[] = [];
  for (let i = from + 1; i < tUs.length; i++) {
    if (present[i] && present[i - 1]) {
      const d = tUs[i]! - tUs[i - 1]!;
      if (d > 0) diffs.push(d);
    }
  }
  if (diffs.length === 0) return NaN;
  const stride = Math.max(1, Math.floor(diffs.length / MEDIAN_SAMPLE));
  const sample = new Float64Array(Math.ceil(diffs.length / stride));
  for (let i = 0, j = 0; i < diffs.length; i += stride, j++) sample[j] = diffs[i]!;
  sample.sort();
  return sample[sample.length >> 1]!;
}

export function splitSegments(series: TeSeriesColumns, options: SegmentOptions = {}): SegmentedSeries {
  const { tUs, teNs } = series;
  const n = Math.min(tUs.length, teNs.length);
  const excludeBeforeUs = options.excludeBeforeUs ?? -Infinity;
  const holeFactor = options.holeFactor ?? 2;
  let from = 0;
  while (from < n && !(tUs[from]! >= excludeBeforeUs)) from++;
  const present = new Uint8Array(n);
  let missingPoints = 0;
  for (let i = from; i < n; i++) {
    const v = teNs[i];
    if (typeof v === 'number' && Number.isFinite(v) && Number.isFinite(tUs[i]!)) present[i] = 1;
    else missingPoints++;
  }
  const tau0Us = medianIntervalUs(tUs, present, from);
  const maxStepUs = Number.isFinite(tau0Us) ? tau0Us * holeFactor : Infinity;
  const segments: TeSegment[] = [];
  let start = -1;
  const close = (endExclusive: number) => {
    if (start < 0) return;
    const values = new Float64Array(endExclusive - start);
    for (let i = start; i < endExclusive; i++) values[i - start] = teNs[i] as number;
    segments.push({ startUs: tUs[start]!, endUs: tUs[endExclusive - 1]!, teNs: values });
    start = -1;
  };
  for (let i = from; i < n; i++) {
    if (!present[i]) {
      close(i);
      continue;
    }
    if (start >= 0) {
      const step = tUs[i]! - tUs[i - 1]!;
      if (!(step > 0) || step > maxStepUs) close(i);
    }
    if (start < 0) start = i;
  }
  close(n);
  return { segments, intervalS: tau0Us / 1e6, excludedPoints: from, missingPoints };
}
