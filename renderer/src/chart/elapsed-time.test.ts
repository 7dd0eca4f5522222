import { describe, expect, it } from 'vitest';
import { elapsedText } from './elapsed-time';

describe('time since boot on a chart', () => {
  it('writes hours (past a day too), minutes and seconds', () => {
    expect(elapsedText(0)).toBe('0:00:00');
    expect(elapsedText(3725)).toBe('1:02:05');
    expect(elapsedText(90_061)).toBe('25:01:01');
    expect(elapsedText(12.34, true)).toBe('0:00:12.3');
  });
});
