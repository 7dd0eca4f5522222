import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CounterRates, counterStep } from './counter-rate';

const LIMITS = { maxPerSecond: 2 ** 31 };
const TWO_32 = 2 ** 32;

describe('counter → rate', () => {
  it('gives delta / elapsed for a counter that grew', () => {
    expect(counterStep({ value: 100, tUs: 0 }, { value: 350, tUs: 500_000 }, LIMITS)).toEqual({ kind: 'rate', perSecond: 500, delta: 250 });
  });

  it('never gives a negative rate, whatever the counter does', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 2 ** 64, noNaN: true }), fc.integer({ min: 1, max: 10_000_000 })), { minLength: 2, maxLength: 50 }), (steps) => {
        const rates = new CounterRates();
        let t = 0;
        for (const [value, dtUs] of steps) {
          t += dtUs;
          const s = rates.update('c', value, t, LIMITS);
          if (s.kind === 'rate' || s.kind === 'wrap') expect(s.perSecond).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('follows a 32-bit counter across any number of wraps exactly, with no reset', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: TWO_32 - 1 }), fc.array(fc.integer({ min: 0, max: 2 ** 30 }), { minLength: 1, maxLength: 100 }), (start, increments) => {
        const rates = new CounterRates();
        let t = 0;
        let wire = start;
        rates.update('c', wire, t, LIMITS);
        for (const inc of increments) {
          t += 1_000_000;
          wire = (wire + inc) % TWO_32;
          const s = rates.update('c', wire, t, LIMITS);
          expect(s.kind === 'rate' || s.kind === 'wrap').toBe(true);
          if (s.kind === 'rate' || s.kind === 'wrap') expect(s.delta).toBe(inc);
        }
      }),
    );
  });

  it('calls a counter that went back a reset (never a 2^32 spike) when the wrap would be too far or too fast', () => {
    expect(counterStep({ value: 1000, tUs: 0 }, { value: 5, tUs: 1_000_000 }, LIMITS)).toEqual({ kind: 'reset', reason: 'went-back', from: 1000, to: 5 });
    // Near the top of 32 bits, a small wrap is plausible at 1 Gbit/s; the same distance at 1 kB/s is not.
    expect(counterStep({ value: TWO_32 - 100, tUs: 0 }, { value: 50, tUs: 1_000_000 }, { maxPerSecond: 125e6 })).toMatchObject({ kind: 'wrap', delta: 150, bits: 32 });
    expect(counterStep({ value: TWO_32 - 1e6, tUs: 0 }, { value: 50, tUs: 1_000_000 }, { maxPerSecond: 1000 })).toMatchObject({ kind: 'reset' });
    // A 64-bit counter wraps only from the very top of its range (doubles there are 4096 apart).
    expect(counterStep({ value: 2 ** 64 - 4096, tUs: 0 }, { value: 4096, tUs: 1_000_000 }, LIMITS)).toEqual({ kind: 'wrap', perSecond: 8192, delta: 8192, bits: 64 });
    // A 64-bit counter that went back is a reset unless it was at the very top of 64 bits.
    expect(counterStep({ value: 2 ** 40, tUs: 0 }, { value: 10, tUs: 1_000_000 }, LIMITS)).toMatchObject({ kind: 'reset' });
  });

  it('makes a device reboot a reset even when the counter has passed its old value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 0, max: 2 ** 40 }), (before, after) => {
        const s = counterStep({ value: before, tUs: 0, bootId: 1700000000 }, { value: after, tUs: 1_000_000, bootId: 1700000500 }, LIMITS);
        expect(s).toEqual({ kind: 'reset', reason: 'reboot', from: before, to: after });
      }),
    );
  });

  it('gives no rate for a first reading or a time that did not advance, and forgets counters no longer seen', () => {
    const rates = new CounterRates(3);
    expect(rates.update('a', 5, 1000, LIMITS)).toEqual({ kind: 'first' });
    expect(rates.update('a', 6, 1000, LIMITS)).toEqual({ kind: 'first' });
    rates.update('b', 1, 1000, LIMITS);
    for (let i = 0; i < 6; i++) {
      rates.beginRound();
      rates.update('b', i, 2000 + i, LIMITS);
    }
    expect(rates.size).toBe(1);
  });
});
