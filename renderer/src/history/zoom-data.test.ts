import { describe, expect, it } from 'vitest';
import { POINT_FLAGS } from '../../../shared/series/series';
import type { AlignedData } from '../device/aligned-columns';
import { mergeOutside, zoomedHistory } from './zoom-data';

describe('a zoomed chart’s data', () => {
  const answer = [
    { id: 7, tUs: [10e6, 20e6, 30e6], value: [1, null, 3], flags: [0, POINT_FLAGS.stale, 0], downsampled: true, tier: 'minute' as const },
    { id: 9, tUs: [20e6], value: [5], flags: [0], downsampled: false, tier: 'raw' as const },
  ];

  it('aligns the answer in the chart’s series order, keeps gaps as null, and names the coarsest tier', () => {
    const z = zoomedHistory({ min: 5, max: 35 }, [9, null, 7], answer);
    expect(z.data).toEqual([[10, 20, 30], [undefined, 5, undefined], [undefined, undefined, undefined], [1, null, 3]]);
    expect(z.tier).toBe('minute');
    expect(zoomedHistory({ min: 5, max: 35 }, [null], answer).tier).toBeNull();
  });

  it('draws the range from the answer and keeps live columns outside it', () => {
    const live: AlignedData = [
      [1, 12, 40, 41],
      [100, 101, 102, 103],
    ];
    const z = zoomedHistory({ min: 5, max: 35 }, [7], answer);
    expect(mergeOutside(live, z)).toEqual([
      [1, 10, 20, 30, 40, 41],
      [100, 1, null, 3, 102, 103],
    ]);
  });
});
