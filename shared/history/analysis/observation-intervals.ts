/**
 * Observation intervals τ for MTIE and TDEV: 1, 2 … 9 × each decade (the spacing the open analysers
 * use, vse-sync-pp among them), from τ0 up to `maxTauS`, each rounded to a whole number of sampling
 * intervals n (duplicates dropped). The G.8273.2 masks' breakpoints (1 s, 1000 s) fall on this grid.
 */
const STEPS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

export interface ObservationInterval {
  tauS: number;
  /** τ / τ0: window length in sampling intervals. */
  n: number;
}

export function observationIntervals(intervalS: number, maxTauS: number): ObservationInterval[] {
  const out: ObservationInterval[] = [];
  if (!(intervalS > 0) || !(maxTauS >= intervalS)) return out;
  let lastN = 0;
  const firstDecade = Math.floor(Math.log10(intervalS));
  for (let decade = firstDecade; 10 ** decade <= maxTauS; decade++) {
    for (const step of STEPS) {
      const tau = step * 10 ** decade;
      if (tau > maxTauS * (1 + 1e-9)) break;
      const n = Math.round(tau / intervalS);
      if (n <= lastN || n < 1) continue;
      lastN = n;
      out.push({ tauS: n * intervalS, n });
    }
  }
  return out;
}
