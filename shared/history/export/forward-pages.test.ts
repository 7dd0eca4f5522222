import { describe, expect, it } from 'vitest';
import { forwardPages, type PageSource } from './forward-pages';

/** A store that answers only the newest `limit` items of a window, as SeriesStore's `latest` does. */
function newestOnly(times: number[]): PageSource<number[]> & { calls: number } {
  const src = {
    calls: 0,
    fetch(fromT: number, toT: number, limit: number) {
      src.calls++;
      const inWindow = times.filter((t) => t >= fromT && t <= toT);
      return inWindow.slice(Math.max(0, inWindow.length - limit));
    },
    count: (p: number[]) => p.length,
    firstT: (p: number[]) => p[0]!,
  };
  return src;
}

describe('forwardPages', () => {
  it('reads every item once, oldest first, never more than a page at a time', () => {
    // Dense, then a long quiet stretch, then dense again.
    const times = [...Array.from({ length: 5000 }, (_, i) => 1000 + i * 3), ...Array.from({ length: 3000 }, (_, i) => 10_000_000 + i)];
    const src = newestOnly(times);
    const pages = [...forwardPages(src, 0, 20_000_000, 700)];
    expect(pages.flat()).toEqual(times);
    expect(Math.max(...pages.map((p) => p.length))).toBeLessThanOrEqual(700);
    // Narrowing wastes some queries, but not many more than the pages themselves.
    expect(src.calls).toBeLessThan(pages.length * 2 + 40);
  });

  it('reads an empty range in one query, and keeps the range bounds inclusive', () => {
    expect([...forwardPages(newestOnly([]), 0, 100, 10)]).toEqual([]);
    expect([...forwardPages(newestOnly([0, 50, 100, 101]), 0, 100, 2)].flat()).toEqual([0, 50, 100]);
  });
});
