/**
 * MTIE (ITU-T G.810 / G.8260): over every window of `n` intervals (n + 1 samples) inside one
 * segment, the peak-to-peak of the phase; MTIE(nτ0) is the largest of those.
 *
 * Each τ costs O(N) whatever its length, instead of the naive O(N·n) re-scan of every window: the
 * van Herk / Gil–Werman running extremum. Cut the samples into blocks of w = n + 1; a running max
 * from each block's start (g) and one from each block's end backwards (h) give the max of any window
 * of w samples as max(h[start], g[end]), since such a window spans at most two blocks. Three plain
 * passes over typed arrays, no data-dependent loops (a monotonic deque does the same in O(N) but
 * with unpredictable inner loops; on a day of 8 Hz data this took 44 τ from 695 ms to 244 ms).
 */
export interface MtieScratch {
  gMax: Float64Array;
  gMin: Float64Array;
  hMax: Float64Array;
  hMin: Float64Array;
}

export function createMtieScratch(length: number): MtieScratch {
  return { gMax: new Float64Array(length), gMin: new Float64Array(length), hMax: new Float64Array(length), hMin: new Float64Array(length) };
}

export function mtieOfWindow(xNs: Float64Array, n: number, scratch: MtieScratch = createMtieScratch(xNs.length)): number {
  const len = xNs.length;
  const w = n + 1;
  if (n < 1 || len < w || scratch.gMax.length < len) return NaN;
  const { gMax, gMin, hMax, hMin } = scratch;
  for (let blockStart = 0; blockStart < len; blockStart += w) {
    const blockEnd = Math.min(blockStart + w, len);
    let hi = xNs[blockStart]!;
    let lo = hi;
    gMax[blockStart] = hi;
    gMin[blockStart] = lo;
    for (let i = blockStart + 1; i < blockEnd; i++) {
      const v = xNs[i]!;
      if (v > hi) hi = v;
      if (v < lo) lo = v;
      gMax[i] = hi;
      gMin[i] = lo;
    }
    hi = xNs[blockEnd - 1]!;
    lo = hi;
    hMax[blockEnd - 1] = hi;
    hMin[blockEnd - 1] = lo;
    for (let i = blockEnd - 2; i >= blockStart; i--) {
      const v = xNs[i]!;
      if (v > hi) hi = v;
      if (v < lo) lo = v;
      hMax[i] = hi;
      hMin[i] = lo;
    }
  }
  let worst = 0;
  for (let start = 0, end = n; end < len; start++, end++) {
    const a = hMax[start]!;
    const b = gMax[end]!;
    const c = hMin[start]!;
    const d = gMin[end]!;
    const spread = (a > b ? a : b) - (c < d ? c : d);
    if (spread > worst) worst = spread;
  }
  return worst;
}

/** The definition, window by window: O(N·n). Kept for tests and the benchmark's baseline only. */
export function mtieOfWindowNaive(xNs: Float64Array, n: number): number {
  if (n < 1 || xNs.length < n + 1) return NaN;
  let worst = 0;
  for (let s = 0; s + n < xNs.length; s++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = s; i <= s + n; i++) {
      const v = xNs[i]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (hi - lo > worst) worst = hi - lo;
  }
  return worst;
}
