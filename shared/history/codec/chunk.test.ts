import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeChunk, encodeChunk, type ChunkColumns } from './chunk';

const point = fc.record({
  dt: fc.integer({ min: 0, max: 10_000_000 }),
  value: fc.option(fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.double({ noNaN: true, noDefaultInfinity: true })), { nil: null }),
  flags: fc.constantFrom(0, 0, 0, 1, 2, 4, 8, 16, 6),
});

function columns(points: { dt: number; value: number | null; flags: number }[]): ChunkColumns {
  let t = 1_764_000_000_000_000;
  return { tUs: points.map((p) => (t += p.dt)), value: points.map((p) => p.value), flags: points.map((p) => p.flags) };
}

describe('a chunk of one series', () => {
  // Format 2 is written now; format 1 (Rice) is in every store and session file made before, and must still read.
  it.each([1, 2] as const)('round-trips times, values, gaps and flags exactly (format %i)', (format) => {
    fc.assert(
      fc.property(fc.array(point, { maxLength: 600 }), (points) => {
        const c = columns(points);
        const back = decodeChunk(encodeChunk(c, format).bytes);
        expect(back.ok).toBe(true);
        if (!back.ok) return;
        expect(Array.from(back.chunk.tUs)).toEqual(c.tUs);
        expect(back.chunk.value.map((v) => (v === null ? null : v + 0))).toEqual((c.value as (number | null)[]).map((v) => (v === null ? null : v + 0)));
        expect(Array.from(back.chunk.flags)).toEqual(c.flags);
      }),
      { numRuns: 200 },
    );
  });

  it('writes format 2, smaller than format 1 for a locked offset stamped in ms', () => {
    let seed = 42;
    const noise = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const c: ChunkColumns = {
      tUs: Array.from({ length: 2400 }, (_, i) => 1_764_000_000_000_000 + 1000 * Math.floor(i * 125 + 1 + 2 * noise())),
      value: Array.from({ length: 2400 }, () => Math.round(3000 * Math.sqrt(-2 * Math.log(noise() + 1e-12)) * Math.cos(2 * Math.PI * noise()))),
      flags: new Array<number>(2400).fill(0),
    };
    const now = encodeChunk(c).bytes;
    expect(now[0]).toBe(2);
    expect(now.length).toBeLessThan(encodeChunk(c, 1).bytes.length * 0.97);
  });

  it('says count, min, max and sum without decoding, gaps left out', () => {
    const { stats } = encodeChunk({ tUs: [1, 2, 3, 4], value: [5, null, -7, 2], flags: [0, 1, 0, 0] });
    expect(stats).toEqual({ count: 4, valueCount: 3, min: -7, max: 5, sum: 0, firstTUs: 1, lastTUs: 4 });
  });

  it.each([1, 2] as const)('refuses truncated, corrupt and foreign bytes with a reason, never an exception (format %i)', (format) => {
    const { bytes } = encodeChunk(columns(Array.from({ length: 100 }, (_, i) => ({ dt: 125_000 + (i % 3), value: i % 7 === 0 ? null : i * 3 + (i % 5), flags: 0 }))), format);
    for (let cut = 0; cut < bytes.length; cut += 3) expect(decodeChunk(bytes.subarray(0, cut)).ok).toBe(false);
    expect(decodeChunk(new TextEncoder().encode('SQLite format 3\0')).ok).toBe(false);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (garbage) => {
        const r = decodeChunk(garbage);
        if (!r.ok) expect(r.reason).toMatch(/chunk/);
      }),
    );
  });
});
