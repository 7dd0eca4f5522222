import { describe, expect, it } from 'vitest';
import { checkMask, checkMasks } from './mask-check';
import { gaussianNoise } from './seeded-noise';
import { analyzeTimeError } from './time-error-analysis';
import { evenSeries } from './test-series';
import { curveLimitAt, G8271_1_NETWORK_LIMIT, G8273_2_CLASS_C, STANDARD_TIMING_MASKS, timingMaskSchema, type TimingMask } from './timing-masks';

/** 4000 s at 8 Hz (long enough for cTE's 1000 s window and TDEV at τ = 1000 s): a constant offset plus 1 ns white noise. */
function offsetRun(offsetNs: number) {
  const noise = gaussianNoise(8 * 4000, 1, 21);
  return analyzeTimeError(evenSeries(noise.length, 0.125, (i) => offsetNs + noise[i]!));
}

describe('G.8273.2 class C', () => {
  it('fails a 30 ns constant offset on cTE (limit 10 ns), and only there', () => {
    const r = checkMask(offsetRun(30), G8273_2_CLASS_C);
    expect(r.verdict).toBe('fail');
    const byLimit = Object.fromEntries(r.checks.map((c) => [c.limit, c]));
    expect(byLimit.cte!.verdict).toBe('fail');
    expect(byLimit.cte!.valueNs).toBeGreaterThan(29.8);
    expect(byLimit.dteLMtie!.verdict).toBe('pass');
    expect(byLimit.dteLTdev!.verdict).toBe('pass');
  });

  it('passes a 5 ns one on every limit, over τ up to 1000 s, with what backs the longest τ', () => {
    const r = checkMask(offsetRun(5), G8273_2_CLASS_C);
    expect(r.verdict).toBe('pass');
    expect(r.marginal).toBe(false);
    expect(r.checks.map((c) => c.limit).sort()).toEqual(['cte', 'dteLMtie', 'dteLTdev', 'maxAbsTe']);
    const tdev = r.checks.find((c) => c.limit === 'dteLTdev')!;
    expect(tdev.longestTauS).toBeGreaterThanOrEqual(1000);
    expect(tdev.windowsAtLongestTau).toBe(1);
    expect(tdev.points!.every((p) => p.upperBoundNs! >= p.valueNs && p.limitNs === 2)).toBe(true);
    const mtie = r.checks.find((c) => c.limit === 'dteLMtie')!;
    expect(mtie.points![0]!.tauS).toBe(1);
    expect(mtie.windowsAtLongestTau).toBeGreaterThanOrEqual(3);
  });

  it('is incomplete, never a pass, when the data is too short to judge cTE and τ = 1000 s', () => {
    const noise = gaussianNoise(8 * 600, 1, 4);
    const r = checkMask(analyzeTimeError(evenSeries(noise.length, 0.125, (i) => 2 + noise[i]!)), G8273_2_CLASS_C);
    expect(r.verdict).toBe('incomplete');
    const reasons = Object.fromEntries(r.checks.map((c) => [c.limit, c.reason]));
    expect(reasons).toMatchObject({ cte: 'shorter-than-cte-window', dteLMtie: 'short-of-longest-tau', dteLTdev: 'short-of-longest-tau' });
  });

  it('flags a pass as marginal when the TDEV confidence bound crosses the limit', () => {
    // Wander (a random walk): TDEV grows with τ, so its worst point is the longest τ, backed by one window.
    const steps = gaussianNoise(8 * 4000, 1, 8);
    const walk = new Float64Array(steps.length);
    for (let i = 1; i < walk.length; i++) walk[i] = walk[i - 1]! + steps[i]!;
    const run = (scale: number) => analyzeTimeError(evenSeries(walk.length, 0.125, (i) => scale * walk[i]!));
    const worstRatio = Math.max(...run(1).dteLTdev.filter((p) => p.tauS <= 1000).map((p) => p.valueNs / 2));
    const tdev = checkMask(run(0.8 / worstRatio), G8273_2_CLASS_C).checks.find((c) => c.limit === 'dteLTdev')!;
    expect(tdev.valueNs / tdev.limitNs).toBeCloseTo(0.8, 6);
    expect(tdev.verdict).toBe('pass');
    expect(tdev.marginal).toBe(true);
  });
});

describe('masks as data', () => {
  it('carries the standard masks, and G.8271.1 passes what class C fails', () => {
    const results = checkMasks(offsetRun(30), STANDARD_TIMING_MASKS);
    expect(results.map((r) => [r.maskId, r.verdict])).toEqual([
      ['g8273.2-class-a', 'pass'],
      ['g8273.2-class-b', 'fail'],
      ['g8273.2-class-c', 'fail'],
      ['g8271.1-network-c', 'pass'],
    ]);
    expect(checkMask(offsetRun(30), G8271_1_NETWORK_LIMIT).checks).toHaveLength(1);
  });

  it('accepts a valid user mask, interpolates sloped pieces on log-log axes, and refuses a malformed one', () => {
    const user: TimingMask = timingMaskSchema.parse({
      id: 'lab-1',
      name: 'Lab acceptance',
      source: 'user',
      maxAbsTeNs: 50,
      dteLMtieNs: [{ fromTauS: 1, toTauS: 100, limitNs: [10, 100] }],
    });
    expect(curveLimitAt(user.dteLMtieNs!, 10)).toBeCloseTo(Math.sqrt(1000), 9);
    expect(curveLimitAt(user.dteLMtieNs!, 1000)).toBeUndefined();
    expect(checkMask(offsetRun(5), user).verdict).toBe('pass');
    expect(timingMaskSchema.safeParse({ ...user, dteLMtieNs: [{ fromTauS: 100, toTauS: 1, limitNs: [10, 10] }] }).success).toBe(false);
    expect(timingMaskSchema.safeParse({ ...user, maxAbsTeNs: -1 }).success).toBe(false);
  });
});
