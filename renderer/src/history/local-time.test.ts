import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from './local-time';

describe('datetime-local values', () => {
  it('round-trips a time to the second', () => {
    const ms = new Date(2026, 11, 7, 21, 5, 9).getTime();
    expect(toLocalInput(ms)).toBe('2026-12-07T21:05:09');
    expect(fromLocalInput(toLocalInput(ms))).toBe(ms);
  });

  it('reads a value without seconds and refuses anything else', () => {
    expect(fromLocalInput('2026-12-07T21:05')).toBe(new Date(2026, 11, 7, 21, 5, 0).getTime());
    expect(fromLocalInput('yesterday')).toBeNull();
    expect(fromLocalInput('')).toBeNull();
  });
});
