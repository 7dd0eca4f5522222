import { describe, expect, it } from 'vitest';
import { lastSpan, panRange, scaleRange } from './pan-zoom';

describe('pan and zoom of a chart range', () => {
  it('pans by a share of the span and keeps the span', () => {
    expect(panRange({ min: 100, max: 200 }, -0.5)).toEqual({ min: 50, max: 150 });
    expect(panRange({ min: 100, max: 200 }, 0.5)).toEqual({ min: 150, max: 250 });
  });

  it('zooms around the centre, never below the smallest span', () => {
    expect(scaleRange({ min: 100, max: 200 }, 2)).toEqual({ min: 50, max: 250 });
    expect(scaleRange({ min: 100, max: 200 }, 0.5)).toEqual({ min: 125, max: 175 });
    expect(scaleRange({ min: 100, max: 101 }, 0.1, 1)).toEqual({ min: 100, max: 101 });
  });

  it('ends the last span now', () => {
    expect(lastSpan(1000, 3600)).toEqual({ min: -2600, max: 1000 });
  });
});
