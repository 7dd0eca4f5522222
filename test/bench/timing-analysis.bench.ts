import { checkMasks } from '../../shared/history/analysis/mask-check';
import { createMtieScratch, mtieOfWindow, mtieOfWindowNaive } from '../../shared/history/analysis/mtie';
import { observationIntervals } from '../../shared/history/analysis/observation-intervals';
import { gaussianNoise } from '../../shared/history/analysis/seeded-noise';
import { analyzeTimeError } from '../../shared/history/analysis/time-error-analysis';
import { evenSeries } from '../../shared/history/analysis/test-series';
import { STANDARD_TIMING_MASKS } from '../../shared/history/analysis/timing-masks';
import type { BenchResult } from './poll-transport.bench';

/**
 * A day of 8 Hz time error (691,200 points: seeded white noise σ 5 ns, a random-walk wander and a
 * slow 40 ns daily swing) through the whole analysis (segments, TE_L/dTE_H, max|TE|, cTE, MTIE and
 * TDEV of dTE_L to τ = 10,000 s, the four standard masks). Baselines in the same run:
 * - the floor: one pass summing the same TE column (the least any analysis of it can cost);
 * - the naive MTIE: the definition's O(N·n) window scan, timed on the first 2,000 window positions
 *   of each τ on the same data and extrapolated to all N − n positions (running it whole would take
 *   hours); against our O(N) MTIE of the same τ grid, timed whole.
 */
const DAY_POINTS = 86_400 * 8;
const INTERVAL_S = 0.125;
const NAIVE_POSITIONS = 2_000;

function dayOfTimeError(): { tUs: Float64Array; teNs: (number | null)[] } {
  const white = gaussianNoise(DAY_POINTS, 5, 2026);
  const steps = gaussianNoise(DAY_POINTS, 0.05, 1588);
  let walk = 0;
  return evenSeries(DAY_POINTS, INTERVAL_S, (i, tS) => {
    walk += steps[i]!;
    return white[i]! + walk + 40 * Math.sin((2 * Math.PI * tS) / 86_400);
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

export function benchTimingAnalysis(runs = 3): BenchResult {
  const series = dayOfTimeError();
  const te = Float64Array.from(series.teNs as number[]);

  const sumMs: number[] = [];
  let sink = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    let s = 0;
    for (let i = 0; i < te.length; i++) s += te[i]!;
    sink += s;
    sumMs.push(performance.now() - t0);
  }

  const fullMs: number[] = [];
  let analysis = analyzeTimeError(series);
  let verdicts = '';
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    analysis = analyzeTimeError(series);
    verdicts = checkMasks(analysis, STANDARD_TIMING_MASKS)
      .map((m) => `${m.maskId} ${m.verdict}`)
      .join(', ');
    fullMs.push(performance.now() - t0);
  }

  const taus = observationIntervals(INTERVAL_S, 10_000);
  const scratch = createMtieScratch(te.length);
  const t1 = performance.now();
  for (const { n } of taus) sink += mtieOfWindow(te, n, scratch);
  const fastMs = performance.now() - t1;
  let naiveMs = 0;
  for (const { n } of taus) {
    const slice = te.subarray(0, NAIVE_POSITIONS + n);
    const t0 = performance.now();
    sink += mtieOfWindowNaive(slice, n);
    naiveMs += ((performance.now() - t0) * (te.length - n)) / NAIVE_POSITIONS;
  }

  const full = median(fullMs);
  const floor = median(sumMs);
  return {
    name: `timing analysis: a day of 8 Hz TE (${DAY_POINTS.toLocaleString('en')} points), median of ${runs}`,
    lines: [
      `whole analysis + 4 masks: ${full.toFixed(0)} ms (${((full * 1e6) / DAY_POINTS).toFixed(0)} ns/point; ${analysis.dteLMtie.length} MTIE and ${analysis.dteLTdev.length} TDEV τ up to ${analysis.dteLMtie.at(-1)?.tauS ?? 0} s)`,
      `baseline, one pass summing the column: ${floor.toFixed(2)} ms -> analysis = ${(full / floor).toFixed(0)}x the floor`,
      `MTIE alone, ${taus.length} τ: running extremum (van Herk/Gil-Werman) ${fastMs.toFixed(0)} ms vs naive window scan ~${(naiveMs / 1000).toFixed(0)} s (extrapolated from ${NAIVE_POSITIONS.toLocaleString('en')} windows per τ) -> ${(naiveMs / fastMs).toFixed(0)}x`,
      `verdicts: ${verdicts}; max|TE| ${analysis.maxAbsTeNs.toFixed(1)} ns, cTE ${analysis.cte.cteNs.toFixed(1)} ns (checksum ${sink.toExponential(3)})`,
    ],
  };
}
