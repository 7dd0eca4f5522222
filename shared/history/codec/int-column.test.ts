import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BitReader, BitWriter } from './bit-stream';
import { decodeInts as decodeWith, encodeInts as encodeWith, type ResidualCoding } from './int-column';

/** A seeded normal generator (Box–Muller over a xorshift), so sizes are reproducible. */
function gaussian(seed: number): () => number {
  let s = seed >>> 0 || 1;
  const uniform = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) + 0.5) / 2 ** 32;
  };
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

/**
 * Both codings chunks have used: Rice (format 1, still read) and the range coder (format 2, written
 * now), with the most each may cost: the range coder must beat Rice where it was brought in for.
 */
const CODINGS: { coding: ResidualCoding; noiseVsEntropy: number; msTimesBytes: number }[] = [
  { coding: 'rice', noiseVsEntropy: 1.05, msTimesBytes: 0.4 },
  { coding: 'range', noiseVsEntropy: 1.04, msTimesBytes: 0.3 },
];

describe.each(CODINGS)('int column, $coding coding', ({ coding, noiseVsEntropy, msTimesBytes }) => {
  const encodeInts = (values: ArrayLike<number>) => encodeWith(values, coding);
  const decodeInts = (bytes: Uint8Array, count: number) => decodeWith(bytes, count, coding);
  function roundTrip(values: number[]): Float64Array {
    const { values: back, ok } = decodeInts(encodeInts(values), values.length);
    expect(ok).toBe(true);
    return back;
  }

  it('round-trips any safe integers exactly, including extremes and sign changes', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.constantFrom(0, -1, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER)), { maxLength: 300 }), (values) => {
        expect(Array.from(roundTrip(values))).toEqual(values.map((v) => v + 0));
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips fractions and huge values through the float fallback, bit for bit', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 100 }), (values) => {
        // A column of integers is coded as integers, where -0 is 0; a column with any fraction keeps every bit.
        const integers = values.every((v) => Number.isSafeInteger(v));
        expect(Array.from(roundTrip(values))).toEqual(values.map((v) => (integers ? v + 0 : v)));
      }),
    );
  });

  it('codes a locked offset (white noise, σ = 3 µs in ns) close to its entropy', () => {
    const next = gaussian(7);
    const values = Array.from({ length: 480 }, () => Math.round(3000 * next()));
    const bits = encodeInts(values).length * 8;
    // Differential entropy of a rounded normal: log2(σ·√(2πe)) bits.
    const entropyBits = Math.log2(3000 * Math.sqrt(2 * Math.PI * Math.E)) * values.length;
    expect(bits / entropyBits).toBeLessThan(noiseVsEntropy);
    expect(Array.from(roundTrip(values))).toEqual(values);
  });

  it('codes regular times (8 Hz in µs with jitter) far below a raw 8-byte stamp', () => {
    const next = gaussian(11);
    const t0 = 1_764_000_000_000_000;
    const times = Array.from({ length: 480 }, (_, i) => t0 + i * 125_000 + Math.round(20 * next()));
    const bytes = encodeInts(times).length;
    expect(bytes / times.length).toBeLessThan(1.2);
    expect(Array.from(roundTrip(times))).toEqual(times);
  });

  it('round-trips cadenced times with fractional periods, jitter and missed samples exactly', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e7, noNaN: true }), fc.integer({ min: 0, max: 5000 }), fc.array(fc.boolean(), { minLength: 2, maxLength: 400 }), fc.integer(), (period, jitter, keep, seed) => {
        const next = gaussian(seed);
        const t0 = 1_764_000_000_000_000;
        const times = keep.flatMap((k, i) => (k ? [t0 + Math.round(i * period + jitter * next())] : []));
        expect(Array.from(roundTrip(times))).toEqual(times);
      }),
      { numRuns: 200 },
    );
  });

  it('notices whole-millisecond times kept in µs (a common step) and codes the multiples, exactly', () => {
    const next = gaussian(3);
    const t0 = 1_764_000_000_000_000;
    const times = Array.from({ length: 480 }, (_, i) => t0 + 1000 * Math.round(i * 125 + 1 + Math.abs(next())));
    const bytes = encodeInts(times).length;
    expect(bytes / times.length).toBeLessThan(msTimesBytes);
    expect(Array.from(roundTrip(times))).toEqual(times);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 3, maxLength: 200 }), fc.integer({ min: 2, max: 1e6 }), fc.integer({ min: -1e9, max: 1e9 }), (ks, step, base) => {
        const values = ks.map((k) => base + k * step);
        expect(Array.from(roundTrip(values))).toEqual(values.map((v) => v + 0));
      }),
    );
  });

  it('never throws on truncated or garbage input, and says so', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.integer({ min: 0, max: 2000 }), (bytes, count) => {
        const { values } = decodeInts(bytes, count);
        expect(values.length).toBe(count);
      }),
    );
    const good = encodeInts([1, 2, 3, 4, 5, 6, 7, 8, 900, -5]);
    expect(decodeInts(good.subarray(0, 3), 10).ok).toBe(false);
  });
});

describe('bit stream', () => {
  it('reads back what was written, at every width', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 53 }), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 100 }), (items) => {
        const w = new BitWriter(4);
        const written = items.map(([n, f]) => {
          const v = n === 0 ? 0 : Math.floor(f * (2 ** n - 1));
          w.writeWide(v, n);
          return v;
        });
        const r = new BitReader(w.finish());
        expect(items.map(([n]) => r.readWide(n))).toEqual(written);
        expect(r.overrun).toBe(false);
      }),
    );
  });
});
