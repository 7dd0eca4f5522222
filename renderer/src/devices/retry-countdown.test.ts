import { describe, expect, it } from 'vitest';
import { clockOffsetMs, msToNextTick, retryAtOf, secondsUntil } from './retry-countdown';

describe('retry countdown', () => {
  it('counts only for a device that waits to retry', () => {
    for (const connection of ['offline', 'no-data', 'awaiting-host-key'] as const) expect(retryAtOf({ connection, nextRetryAtMs: 5000 })).toBe(5000);
    for (const connection of ['online', 'connecting', 'idle'] as const) expect(retryAtOf({ connection, nextRetryAtMs: 5000 })).toBeNull();
    expect(retryAtOf({ connection: 'offline', nextRetryAtMs: null })).toBeNull();
    expect(retryAtOf(undefined)).toBeNull();
  });

  it('shows whole seconds rounded up, 0 once due, and never a negative number', () => {
    expect(secondsUntil(10_000, 0)).toBe(10);
    expect(secondsUntil(10_000, 1)).toBe(10);
    expect(secondsUntil(10_000, 999)).toBe(10);
    expect(secondsUntil(10_000, 1000)).toBe(9);
    expect(secondsUntil(10_000, 9_001)).toBe(1);
    expect(secondsUntil(10_000, 10_000)).toBe(0);
    expect(secondsUntil(10_000, 60_000)).toBe(0);
  });

  it('wakes exactly when the shown second changes, and not after the attempt is due', () => {
    expect(msToNextTick(10_000, 0)).toBe(1000);
    expect(msToNextTick(10_000, 250)).toBe(750);
    expect(msToNextTick(10_000, 9_999)).toBe(1);
    for (let now = 0; now < 10_000; now += 137) expect(secondsUntil(10_000, now + msToNextTick(10_000, now))).toBe(secondsUntil(10_000, now) - 1);
    expect(msToNextTick(10_000, 10_000)).toBe(Number.POSITIVE_INFINITY);
    expect(msToNextTick(10_000, 12_000)).toBe(Number.POSITIVE_INFINITY);
  });

  it('takes the engine clock\'s offset from one request, half the round trip each way', () => {
    expect(clockOffsetMs(1000, 1050, 1100)).toBe(0);
    expect(clockOffsetMs(1000, 91_050, 1100)).toBe(90_000);
    expect(clockOffsetMs(100_000, 10_020, 100_040)).toBe(-90_000);
  });
});
