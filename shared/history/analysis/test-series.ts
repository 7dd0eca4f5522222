/** Evenly sampled TE columns for tests and benchmarks: `count` samples every `intervalS`, TE from `teAt(i, tS)`. */
export function evenSeries(count: number, intervalS: number, teAt: (i: number, tS: number) => number | null, startUs = 1_700_000_000_000_000): { tUs: Float64Array; teNs: (number | null)[] } {
  const tUs = new Float64Array(count);
  const teNs: (number | null)[] = new Array<number | null>(count);
  for (let i = 0; i < count; i++) {
    tUs[i] = startUs + Math.round(i * intervalS * 1e6);
    teNs[i] = teAt(i, i * intervalS);
  }
  return { tUs, teNs };
}
