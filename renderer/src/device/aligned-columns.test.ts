import { describe, expect, it } from 'vitest';
import { POINT_FLAGS } from '../../../shared/series/series';
import { AlignedColumns, mergeTimes } from './aligned-columns';

const WINDOW = { maxPoints: 1000, spanMs: 600_000 };
const T0 = 1_795_577_836_000_000; // µs, as the lab's readings carry

describe('AlignedColumns', () => {
  it('aligns the history of series measured at different times: absent is undefined (drawn across), a gap is null (breaks the line)', () => {
    const cols = new AlignedColumns(2, WINDOW);
    cols.loadHistory([
      { tUs: [T0, T0 + 1e6, T0 + 2e6], value: [-6669, null, -4767], flags: [0, POINT_FLAGS.stale, 0] },
      { tUs: [T0 + 500_000, T0 + 2e6], value: [140, 210], flags: [0, 0] },
    ]);
    expect(cols.flush()).toBe(true);
    expect(cols.data[0]).toEqual([T0 / 1e6, T0 / 1e6 + 0.5, T0 / 1e6 + 1, T0 / 1e6 + 2]);
    expect(cols.data[1]).toEqual([-6669, undefined, null, -4767]);
    expect(cols.data[2]).toEqual([undefined, 140, undefined, 210]);
    expect(cols.pointsOf(0)).toBe(2);
  });

  it('shows stale and sentinel numbers as gaps, and leaves out values before lock or around a step so they squash no scale', () => {
    const cols = new AlignedColumns(1, WINDOW);
    cols.stage(0, T0, 0, POINT_FLAGS.stale);
    cols.stage(0, T0 + 1e6, 999999, POINT_FLAGS.sentinel);
    cols.stage(0, T0 + 2e6, -1_000_000_000, POINT_FLAGS.step);
    cols.stage(0, T0 + 3e6, 5_000_000, POINT_FLAGS.transient);
    cols.stage(0, T0 + 4e6, 2_000_000_000_000_000_000, POINT_FLAGS.inexact);
    cols.stage(0, T0 + 5e6, -3365, 0);
    cols.flush();
    expect(cols.data[1]).toEqual([null, null, null, null, 2_000_000_000_000_000_000, -3365]);
  });

  it('draws live values only after flush, puts values of one reading in one row, and inserts a late one in time order', () => {
    const cols = new AlignedColumns(2, WINDOW);
    cols.stage(0, T0 + 2e6, -2604, 0);
    cols.stage(1, T0 + 2e6, 1081, 0);
    expect(cols.length).toBe(0);
    cols.stage(0, T0 + 1e6, -4767, 0);
    expect(cols.flush()).toBe(true);
    expect(cols.data[0]).toEqual([T0 / 1e6 + 1, T0 / 1e6 + 2]);
    expect(cols.data[1]).toEqual([-4767, -2604]);
    expect(cols.data[2]).toEqual([undefined, 1081]);
    expect(cols.flush()).toBe(false);
  });

  it('keeps live values staged before the history arrives, and trims to the window by time and by count', () => {
    const cols = new AlignedColumns(1, { maxPoints: 3, spanMs: 10_000 });
    cols.stage(0, T0 + 20e6, 7, 0);
    cols.loadHistory([{ tUs: [T0, T0 + 12e6, T0 + 15e6, T0 + 18e6], value: [1, 2, 3, 4], flags: [0, 0, 0, 0] }]);
    cols.flush();
    expect(cols.data[1]).toEqual([3, 4, 7]);
    cols.stage(0, T0 + 21e6, 8, 0);
    cols.flush();
    expect(cols.data[1]).toEqual([4, 7, 8]);
  });

  it('bounds what it stages while nobody draws (a hidden window gets no animation frames)', () => {
    const cols = new AlignedColumns(1, { maxPoints: 10, spanMs: 1e9 });
    for (let i = 0; i < 1000; i++) cols.stage(0, T0 + i * 1e5, i, 0);
    cols.flush();
    expect(cols.length).toBe(10);
    expect(cols.data[1]![9]).toBe(999);
  });
});

describe('mergeTimes', () => {
  it('is the ascending union without repeats', () => {
    expect(mergeTimes([[1, 3, 5], [2, 3, 6], []])).toEqual([1, 2, 3, 5, 6]);
  });
});
