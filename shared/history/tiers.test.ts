import { describe, expect, it } from 'vitest';
import { chunkRanges, DEFAULT_CHUNK_WINDOW } from './chunk-window';
import { chooseTier, DAY_US, DEFAULT_RETENTION, HOUR_US, isThinned } from './tiers';

const NOW = 1_764_000_000_000_000;

describe('choosing the tier of a chart', () => {
  const kept = () => false;
  it('goes coarser as the range widens: raw, minutes for weeks, hours for months, days for years', () => {
    expect(chooseTier(NOW - HOUR_US, NOW, 666, kept)).toBe('raw');
    expect(chooseTier(NOW - 7 * DAY_US, NOW, 666, kept)).toBe('minute');
    expect(chooseTier(NOW - 120 * DAY_US, NOW, 666, kept)).toBe('hour');
    expect(chooseTier(NOW - 3 * 365 * DAY_US, NOW, 666, kept)).toBe('day');
  });

  it('skips a tier retention has thinned out at the range\'s start, unless that tier still holds it', () => {
    const from = NOW - 20 * DAY_US;
    expect(isThinned('raw', from, DEFAULT_RETENTION, NOW, NOW - 14 * DAY_US)).toBe(true);
    expect(isThinned('raw', from, DEFAULT_RETENTION, NOW, from - 1)).toBe(false);
    expect(isThinned('minute', from, DEFAULT_RETENTION, NOW, null)).toBe(false);
    expect(chooseTier(from, from + HOUR_US, 666, (t) => t === 'raw')).toBe('minute');
  });
});

describe('cutting a series into chunks', () => {
  it('cuts a dense series at each 10-minute window, a very dense one at 8192 points, and a sparse one only once it holds enough', () => {
    const dense = Array.from({ length: 9600 }, (_, i) => i * 125_000);
    expect(chunkRanges(DEFAULT_CHUNK_WINDOW, dense)).toEqual([[0, 4800], [4800, 9600]]);
    const at128Hz = Array.from({ length: 20_000 }, (_, i) => Math.round(i * 7812.5));
    expect(chunkRanges(DEFAULT_CHUNK_WINDOW, at128Hz).map(([a, b]) => b - a)).toEqual([8192, 8192, 3616]);
    const sparse = Array.from({ length: 700 }, (_, i) => i * 10_000_000);
    expect(chunkRanges(DEFAULT_CHUNK_WINDOW, sparse).map(([a, b]) => b - a)).toEqual([300, 300, 100]);
  });
});
