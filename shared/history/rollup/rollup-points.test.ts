import { describe, expect, it } from 'vitest';
import { hourStats } from './hour-stats';
import { rollupPoints } from './rollup-points';

const MIN = 60e6;

describe('rollup buckets as chart points', () => {
  it('draws each bucket\'s min and max inside it, and an empty bucket as a gap', () => {
    expect(rollupPoints([{ tUs: 0, count: 5, min: -3, max: 4 }, { tUs: MIN, count: 0, min: null, max: null }, { tUs: 2 * MIN, count: 1, min: 7, max: 7 }], MIN)).toEqual({
      tUs: [MIN / 4, (3 * MIN) / 4, MIN, 2.5 * MIN],
      value: [-3, 4, null, 7],
      flags: [0, 0, 0, 0],
    });
  });

  it('cuts the line after a stretch with no buckets, but not between the buckets of a slow series', () => {
    const every = (step: number, n: number) => Array.from({ length: n }, (_, i) => ({ tUs: i * step, count: 1, min: i, max: i }));
    const hole = [...every(MIN, 3), { tUs: 10 * MIN, count: 1, min: 9, max: 9 }];
    expect(rollupPoints(hole, MIN).value).toEqual([0, 1, 2, null, 9]);
    expect(rollupPoints(every(2 * MIN, 5), MIN).value).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('an hour\'s statistics', () => {
  it('are exact nearest-rank percentiles, the extremes and max |x|', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => ((i * 7) % 1000) - 600);
    expect(hourStats(0, values)).toEqual({ tUs: 0, count: 1000, min: -600, max: 399, p50: -101, p95: 349, p99: 389, maxAbs: 600 });
    expect(hourStats(0, new Float64Array(0)).count).toBe(0);
  });
});
