/** An hour of one series: the distribution a lab reads (p50, p95, p99, max |x|) plus its extremes for charts. */
export interface HourStats {
  tUs: number;
  count: number;
  min: number | null;
  max: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  maxAbs: number | null;
}

/** Nearest-rank percentile of sorted values (the value at rank ceil(p·n)): always a value that was measured. */
function nearestRank(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
}

/** Exact statistics of one hour's measurements (already filtered to statistics); sorts `values` in place. */
export function hourStats(tUs: number, values: Float64Array): HourStats {
  const n = values.length;
  if (n === 0) return { tUs, count: 0, min: null, max: null, p50: null, p95: null, p99: null, maxAbs: null };
  values.sort();
  const min = values[0] as number;
  const max = values[n - 1] as number;
  return { tUs, count: n, min, max, p50: nearestRank(values, 0.5), p95: nearestRank(values, 0.95), p99: nearestRank(values, 0.99), maxAbs: Math.max(Math.abs(min), Math.abs(max)) };
}
