import { describe, expect, it } from 'vitest';
import { highPassResidual, lowPassFirstOrder } from './low-pass-filter';
import { analyzeTimeError } from './time-error-analysis';

/** Amplitude of a filtered sine over its second half (after the start-up has died out). */
function settledAmplitude(freqHz: number, sampleHz: number, durationS: number): { low: number; high: number } {
  const n = Math.round(durationS * sampleHz);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = 100 * Math.sin(2 * Math.PI * freqHz * (i / sampleHz));
  const low = lowPassFirstOrder(x, 1 / sampleHz);
  const high = highPassResidual(x, low);
  let lowMax = 0;
  let highMax = 0;
  for (let i = n >> 1; i < n; i++) {
    lowMax = Math.max(lowMax, Math.abs(low[i]!));
    highMax = Math.max(highMax, Math.abs(high[i]!));
  }
  return { low: lowMax / 100, high: highMax / 100 };
}

describe('TE_L: the 0.1 Hz first-order low-pass', () => {
  it('strongly attenuates a 10 Hz sine (first order: about 0.1/10) and passes it to dTE_H', () => {
    const { low, high } = settledAmplitude(10, 128, 60);
    expect(low).toBeLessThan(0.012);
    expect(high).toBeGreaterThan(0.99);
  });

  it('barely touches a 0.001 Hz sine', () => {
    const { low, high } = settledAmplitude(0.001, 8, 4000);
    expect(low).toBeGreaterThan(0.999);
    expect(high).toBeLessThan(0.011);
  });

  it('is 3 dB down at its 0.1 Hz corner', () => {
    expect(settledAmplitude(0.1, 8, 400).low).toBeCloseTo(Math.SQRT1_2, 2);
  });

  it('starts at the first sample, so a constant stays constant', () => {
    const x = new Float64Array(1000).fill(-42.5);
    const y = lowPassFirstOrder(x, 0.125);
    for (const v of y) expect(v).toBeCloseTo(-42.5, 10);
  });

  it('does not pretend to filter samples 5 s or more apart (0.1 Hz is at or above their Nyquist frequency)', () => {
    const x = new Float64Array([1, 50, -3, 8]);
    expect(Array.from(lowPassFirstOrder(x, 5))).toEqual([1, 50, -3, 8]);
    expect(analyzeTimeError({ tUs: [0, 5e6, 10e6, 15e6], teNs: [1, 50, -3, 8] }).lowPassApplied).toBe(false);
    expect(analyzeTimeError({ tUs: [0, 2e6, 4e6, 6e6], teNs: [1, 50, -3, 8] }).lowPassApplied).toBe(true);
  });
});
