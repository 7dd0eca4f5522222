import { describe, expect, it } from 'vitest';
import { AbsQuantiles } from './abs-quantiles';

describe('AbsQuantiles', () => {
  it('gives exact nearest-rank percentiles of |x| for whole ns below 1024', () => {
    const q = new AbsQuantiles();
    for (let i = 1; i <= 100; i++) q.add(i % 2 === 0 ? i : -i);
    expect([q.quantile(0.5), q.quantile(0.95), q.quantile(0.99), q.max()]).toEqual([50, 95, 99, 100]);
    expect(q.count).toBe(100);
  });

  it('stays within 0.1 % above 1024 and keeps max exact', () => {
    const q = new AbsQuantiles();
    for (let i = 1; i <= 1000; i++) q.add(-i * 1_000_003);
    expect(Math.abs(q.quantile(0.5) / (500 * 1_000_003) - 1)).toBeLessThan(0.001);
    expect(Math.abs(q.quantile(0.99) / (990 * 1_000_003) - 1)).toBeLessThan(0.001);
    expect(q.max()).toBe(1000 * 1_000_003);
  });

  it('answers NaN when empty and ignores non-finite values', () => {
    const q = new AbsQuantiles();
    q.add(Number.NaN);
    q.add(Number.POSITIVE_INFINITY);
    expect(q.count).toBe(0);
    expect(q.quantile(0.5)).toBeNaN();
  });
});
