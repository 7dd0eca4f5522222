/**
 * MTIE (ITU-T G.810 / G.8260): over every window of `n` intervals (n + 1 samples) inside one
 * segment, the peak-to-peak of the phase; MTIE(nτ0) is the largest of those. One pass per window
 * length with two monotonic deques (indices of candidate maxima and minima), so each τ costs O(N)
 * whatever its length, instead of the naive O(N·n) re-scan of every window.
 */
export function mtieOfWindow(xNs: Float64Array, n: number, scratch?: Int32Array): number {
  const len = xNs.length;
  if (n < 1 || len < n + 1) return NaN;
  const maxQ = scratch && scratch.length >= 2 * len ? scratch.subarray(0, len) : new Int32Array(len);
  const minQ = scratch && scratch.length >= 2 * len ? scratch.subarray(len, 2 * len) : new Int32Array(len);
  let maxHead = 0;
  let maxTail = 0;
  let minHead = 0;
  let minTail = 0;
  let worst = 0;
  for (let i = 0; i < len; i++) {
    const v = xNs[i]!;
    while (maxTail > maxHead && xNs[maxQ[maxTail - 1]!]! <= v) maxTail--;
    maxQ[maxTail++] = i;
    while (minTail > minHead && xNs[minQ[minTail - 1]!]! >= v) minTail--;
    minQ[minTail++] = i;
    const windowStart = i - n;
    if (windowStart < 0) continue;
    if (maxQ[maxHead]! < windowStart) maxHead++;
    if (minQ[minHead]! < windowStart) minHead++;
    const spread = xNs[maxQ[maxHead]!]! - xNs[minQ[minHead]!]!;
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
