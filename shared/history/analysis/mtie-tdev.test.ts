import { describe, expect, it } from 'vitest';
import { mtieOfWindow, mtieOfWindowNaive } from './mtie';
import { gaussianNoise } from './seeded-noise';
import { prefixSums, tdevFromTerms, tdevTerms } from './tdev';
import { analyzeTimeError } from './time-error-analysis';
import { evenSeries } from './test-series';

/** Least-squares slope of log10(y) against log10(x). */
function logLogSlope(points: readonly { x: number; y: number }[]): number {
  const xs = points.map((p) => Math.log10(p.x));
  const ys = points.map((p) => Math.log10(p.y));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return num / den;
}

describe('MTIE', () => {
  it('the running-extremum pass gives exactly the definition (naive window scan) on wander plus noise', () => {
    const noise = gaussianNoise(5000, 3, 7);
    const x = new Float64Array(5000);
    let walk = 0;
    for (let i = 0; i < x.length; i++) {
      walk += noise[i]! * 0.2;
      x[i] = walk + noise[(i * 31) % 5000]!;
    }
    for (const n of [1, 2, 7, 64, 500, 4999]) expect(mtieOfWindow(x, n)).toBe(mtieOfWindowNaive(x, n));
    expect(mtieOfWindow(x, 5000)).toBeNaN();
  });

  it('of white phase noise grows slowly: 100× the window, not even 2.5× the MTIE', () => {
    const x = gaussianNoise(200_000, 10, 11);
    const m10 = mtieOfWindow(x, 10);
    const m1000 = mtieOfWindow(x, 1000);
    expect(m10).toBeGreaterThan(10);
    expect(m1000).toBeGreaterThan(m10);
    expect(m1000 / m10).toBeLessThan(2.5);
  });
});

describe('TDEV', () => {
  it('of white phase noise is σ/√n: slope −1/2 on log-log axes', () => {
    const sigma = 5;
    const c = prefixSums(gaussianNoise(400_000, sigma, 3));
    const points = [1, 2, 4, 8, 16, 32, 64, 128].map((n) => ({ x: n, y: tdevFromTerms(tdevTerms(c, n), n) }));
    for (const p of points.slice(0, 6)) expect(p.y / (sigma / Math.sqrt(p.x))).toBeGreaterThan(0.95);
    for (const p of points.slice(0, 6)) expect(p.y / (sigma / Math.sqrt(p.x))).toBeLessThan(1.05);
    expect(logLogSlope(points)).toBeCloseTo(-0.5, 1);
  });

  it('of dTE_L keeps the −1/2 slope of white phase noise beyond the filter time constant', () => {
    const noise = gaussianNoise(8 * 20_000, 20, 5);
    const a = analyzeTimeError(evenSeries(noise.length, 0.125, (i) => noise[i]!), { maxTauS: 3000 });
    const fit = a.dteLTdev.filter((p) => p.tauS >= 20 && p.tauS <= 500).map((p) => ({ x: p.tauS, y: p.valueNs }));
    expect(fit.length).toBeGreaterThan(10);
    const slope = logLogSlope(fit);
    expect(slope).toBeGreaterThan(-0.6);
    expect(slope).toBeLessThan(-0.4);
  });

  it('is 0 for a linear ramp (the second difference removes a frequency offset)', () => {
    const x = new Float64Array(10_000);
    for (let i = 0; i < x.length; i++) x[i] = 1_000_000 + 37.5 * i;
    const c = prefixSums(x);
    for (const n of [1, 10, 1000]) expect(tdevFromTerms(tdevTerms(c, n), n)).toBeLessThan(1e-6);
  });
});

describe('known results through the whole analysis', () => {
  it('a constant offset: MTIE 0, TDEV 0, dTE_H 0, cTE and max|TE| equal to it', () => {
    const a = analyzeTimeError(evenSeries(8 * 3000, 0.125, () => -17));
    expect(a.cte.cteNs).toBeCloseTo(-17, 9);
    expect(a.cte.windows).toBeGreaterThan(0);
    expect(a.maxAbsTeNs).toBe(17);
    expect(a.dteHPeakToPeakNs).toBeLessThan(1e-9);
    expect(a.dteLMtie.some((p) => p.tauS >= 1000)).toBe(true);
    for (const p of a.dteLMtie) expect(p.valueNs).toBeLessThan(1e-9);
    for (const p of a.dteLTdev) expect(p.valueNs).toBeLessThan(1e-9);
  });

  it('a linear ramp (a frequency offset of 25 ppb): MTIE = slope·τ', () => {
    const slopeNsPerS = 25;
    const a = analyzeTimeError(evenSeries(8 * 2000, 0.125, (_i, t) => slopeNsPerS * t), { maxTauS: 1000 });
    const checked = a.dteLMtie.filter((p) => p.tauS >= 0.5);
    expect(checked.length).toBeGreaterThan(20);
    for (const p of checked) expect(p.valueNs / (slopeNsPerS * p.tauS)).toBeCloseTo(1, 3);
  });
});
