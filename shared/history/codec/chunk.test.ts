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
  it('round-trips times, values, gaps and flags exactly', () => {
    fc.assert(
      fc.property(fc.array(point, { maxLength: 600 }), (points) => {
        const c = columns(points);
        const back = decodeChunk(encodeChunk(c).bytes);
        expect(back.ok).toBe(true);
        if (!back.ok) return;
        expect(Array.from(back.chunk.tUs)).toEqual(c.tUs);
        expect(back.chunk.value.map((v) => (v === null ? null : v + 0))).toEqual((c.value as (number | null)[]).map((v) => (v === null ? null : v + 0)));
        expect(Array.from(back.chunk.flags)).toEqual(c.flags);
      }),
      { numRuns: 300 },
    );
  });

  it('says count, min, max and sum without decoding, gaps left out', () => {
    const { stats } = encodeChunk({ tUs: [1, 2, 3, 4], value: [5, null, -7, 2], flags: [0, 1, 0, 0] });
    expect(stats).toEqual({ count: 4, valueCount: 3, min: -7, max: 5, sum: 0, firstTUs: 1, lastTUs: 4 });
  });

  it('refuses truncated, corrupt and foreign bytes with a reason, never an exception', () => {
    const { bytes } = encodeChunk(columns(Array.from({ length: 100 }, (_, i) => ({ dt: 125_000, value: i % 7 === 0 ? null : i * 3, flags: 0 }))));
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
