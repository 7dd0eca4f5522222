/**
 * TDEV (the ITU-T G.810 / G.8260 estimator from phase samples x_i taken every τ0):
 *
 *   TDEV(nτ0) = sqrt( 1 / (6 n² (N − 3n + 1)) · Σ_{j=1}^{N−3n+1} [ Σ_{i=j}^{n+j−1} (x_{i+2n} − 2x_{i+n} + x_i) ]² )
 *
 * The inner sum is C[j+3n] − 3C[j+2n] + 3C[j+n] − C[j] over the prefix sums C of x, so each τ costs
 * O(N). Prefix sums are taken after removing the segment's first value, which keeps them small enough
 * that the third difference loses no precision on a day of data.
 *
 * Segments are pooled without bridging gaps: each contributes its own sum of squares and its own
 * count of windows, and TDEV² = Σ sums / (6 n² Σ counts).
 */
export function prefixSums(xNs: Float64Array): Float64Array {
  const c = new Float64Array(xNs.length + 1);
  const origin = xNs.length > 0 ? xNs[0]! : 0;
  for (let i = 0; i < xNs.length; i++) c[i + 1] = c[i]! + (xNs[i]! - origin);
  return c;
}

export interface TdevTerms {
  /** Σ over windows of the squared inner sum. */
  sumSquares: number;
  /** Number of windows, N − 3n + 1 (0 when the segment is too short for this n). */
  windows: number;
}

export function tdevTerms(prefix: Float64Array, n: number): TdevTerms {
  const len = prefix.length - 1;
  const windows = len - 3 * n + 1;
  if (n < 1 || windows < 1) return { sumSquares: 0, windows: 0 };
  let sumSquares = 0;
  for (let j = 0; j < windows; j++) {
    const d = prefix[j + 3 * n]! - 3 * prefix[j + 2 * n]! + 3 * prefix[j + n]! - prefix[j]!;
    sumSquares += d * d;
  }
  return { sumSquares, windows };
}

export function tdevFromTerms(terms: TdevTerms, n: number): number {
  return terms.windows > 0 ? Math.sqrt(terms.sumSquares / (6 * n * n * terms.windows)) : NaN;
}
