import { describe, expect, it } from 'vitest';
import { splitSegments } from './te-segments';
import { checkMasks } from './mask-check';
import { analyzeTimeError } from './time-error-analysis';
import { STANDARD_TIMING_MASKS } from './timing-masks';
import { evenSeries } from './test-series';

describe('splitSegments', () => {
  it('cuts at nulls, non-finite values, time holes over twice the median interval and time going backwards', () => {
    const tUs = [0, 125_000, 250_000, 375_000, 500_000, 625_000, 5_000_000, 5_125_000, 5_100_000, 5_225_000];
    const teNs = [1, 2, null, 4, NaN, 6, 7, 8, 9, 10];
    const s = splitSegments({ tUs, teNs });
    expect(s.intervalS).toBeCloseTo(0.125, 9);
    expect(s.segments.map((x) => Array.from(x.teNs))).toEqual([[1, 2], [4], [6], [7, 8], [9, 10]]);
    expect(s.missingPoints).toBe(2);
  });

  it('leaves out the initial transient before excludeBeforeUs', () => {
    const series = evenSeries(100, 1, (i) => (i < 30 ? 10_000 : 3));
    const s = splitSegments(series, { excludeBeforeUs: series.tUs[30] });
    expect(s.excludedPoints).toBe(30);
    expect(s.segments).toHaveLength(1);
    expect(s.segments[0]!.teNs.every((v) => v === 3)).toBe(true);
    expect(analyzeTimeError(series, { excludeBeforeUs: series.tUs[30] }).maxAbsTeNs).toBe(3);
    expect(analyzeTimeError(series).maxAbsTeNs).toBe(10_000);
  });

  it('never sees a step across a gap: 0 ns, a gap, then 100 ns gives no wander at all', () => {
    const withNull = evenSeries(2 * 4800 + 1, 0.125, (i) => (i === 4800 ? null : i < 4800 ? 0 : 100));
    const withHole = evenSeries(2 * 4800, 0.125, (i) => (i < 4800 ? 0 : 100));
    for (let i = 4800; i < withHole.tUs.length; i++) withHole.tUs[i]! += 60e6; // one minute without samples
    for (const series of [withNull, withHole]) {
      const a = analyzeTimeError(series);
      expect(a.segments).toBe(2);
      expect(a.maxAbsTeNs).toBe(100);
      expect(a.dteLMtie.length).toBeGreaterThan(10);
      for (const p of a.dteLMtie) expect(p.valueNs).toBeLessThan(1e-9);
      for (const p of a.dteLTdev) expect(p.valueNs).toBeLessThan(1e-9);
      expect(a.dteHPeakToPeakNs).toBeLessThan(1e-9);
    }
    // The same step without the gap is seen: it is the series, not the code, that hides it above.
    const joined = analyzeTimeError(evenSeries(2 * 4800, 0.125, (i) => (i < 4800 ? 0 : 100)));
    expect(Math.max(...joined.dteLMtie.map((p) => p.valueNs))).toBeGreaterThan(99);
  });
});

describe('odd input', () => {
  it('never throws, and no class mask passes: empty, all gaps, one point, ragged columns, time going backwards', () => {
    const inputs = [
      { tUs: [], teNs: [] },
      { tUs: [0, 1, 2], teNs: [null, null, null] },
      { tUs: [5], teNs: [12] },
      { tUs: [0, 125_000, 250_000], teNs: [1, 2] },
      { tUs: [3e6, 2e6, 1e6, 0], teNs: [1, 2, 3, 4] },
      { tUs: [0, 125_000, 250_000], teNs: [Infinity, -Infinity, NaN] },
    ];
    for (const input of inputs) {
      const a = analyzeTimeError(input);
      expect(a.dteLMtie.length).toBeLessThanOrEqual(1); // two samples in a row give MTIE at τ0, nothing more
      expect(a.dteLTdev).toEqual([]);
      expect(Number.isNaN(a.cte.independentWindows)).toBe(false);
      // The class masks need curves up to 1000 s: never a pass here. (G.8271.1's max|TE| alone may pass a few points.)
      for (const r of checkMasks(a, STANDARD_TIMING_MASKS).slice(0, 3)) expect(r.verdict).not.toBe('pass');
    }
    expect(analyzeTimeError(inputs[2]!).maxAbsTeNs).toBe(12);
    expect(analyzeTimeError(inputs[4]!).segments).toBe(4);
  });
});
