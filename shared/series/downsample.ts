/**
 * Min/max downsampling of one series into at most `maxPoints` points, in time order. Each bucket (an
 * equal share of the time range) keeps its smallest and largest value and, when it held one, its
 * first gap: a chart drawn from the result shows every excursion and never bridges a gap. Columns in,
 * columns out; one pass.
 */
export interface PointColumns {
  tUs: number[];
  value: (number | null)[];
  flags: number[];
}

export function downsampleMinMax(src: PointColumns, fromUs: number, toUs: number, maxPoints: number): PointColumns {
  const n = src.tUs.length;
  if (n <= maxPoints) return src;
  const buckets = Math.max(1, Math.floor(maxPoints / 3));
  const span = Math.max(1, toUs - fromUs);
  const out: PointColumns = { tUs: [], value: [], flags: [] };
  let i = 0;
  while (i < n) {
    const b = Math.min(buckets - 1, Math.max(0, Math.floor((((src.tUs[i] as number) - fromUs) / span) * buckets)));
    let minI = -1;
    let maxI = -1;
    let gapI = -1;
    for (; i < n; i++) {
      const t = src.tUs[i] as number;
      if (Math.min(buckets - 1, Math.max(0, Math.floor(((t - fromUs) / span) * buckets))) !== b) break;
      const v = src.value[i];
      if (v === null || v === undefined) {
        if (gapI < 0) gapI = i;
        continue;
      }
      if (minI < 0 || v < (src.value[minI] as number)) minI = i;
      if (maxI < 0 || v > (src.value[maxI] as number)) maxI = i;
    }
    const keep = [...new Set([minI, maxI, gapI].filter((k) => k >= 0))].sort((a, c) => a - c);
    for (const k of keep) {
      out.tUs.push(src.tUs[k] as number);
      out.value.push(src.value[k] ?? null);
      out.flags.push(src.flags[k] ?? 0);
    }
  }
  return out;
}
