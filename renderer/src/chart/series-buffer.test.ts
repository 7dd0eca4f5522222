import { describe, expect, it } from 'vitest';
import type { SampleColumns } from '../../../shared/domain/ptp';
import { SeriesBuffer } from './series-buffer';

const sample = (tMs: number, offsetFromMasterNs: number | null = tMs, meanPathDelayNs: number | null = 500) => ({ tMs, offsetFromMasterNs, meanPathDelayNs });

function history(tMs: number[]): SampleColumns {
  return {
    deviceId: 'dev-1',
    tMs,
    offsetFromMasterNs: tMs.map((t) => t),
    meanPathDelayNs: tMs.map(() => 500),
    masterOffsetNs: tMs.map(() => null),
  };
}

describe('SeriesBuffer', () => {
  it('keeps staged samples out of the drawn columns until flush', () => {
    const buf = new SeriesBuffer();
    const drawn = buf.columns;
    buf.push(sample(1000));
    buf.push(sample(2000));
    expect(buf.length).toBe(0);
    expect(buf.flush()).toBe(true);
    expect(buf.columns).toBe(drawn); // same arrays: uPlot is fed, never re-created
    expect(buf.columns).toEqual([[1, 2], [1000, 2000], [500, 500]]);
  });

  it('reports no change when nothing new arrived', () => {
    const buf = new SeriesBuffer();
    buf.push(sample(1000));
    buf.flush();
    expect(buf.flush()).toBe(false);
  });

  it('joins history and live samples without duplicating the overlap', () => {
    const buf = new SeriesBuffer();
    buf.push(sample(3000)); // arrived while history was loading
    buf.push(sample(4000));
    buf.load(history([1000, 2000, 3000]));
    buf.flush();
    expect(buf.columns[0]).toEqual([1, 2, 3, 4]);
  });

  it('sorts history that arrives out of order', () => {
    const buf = new SeriesBuffer();
    buf.load(history([3000, 1000, 2000]));
    buf.flush();
    expect(buf.columns[0]).toEqual([1, 2, 3]);
    expect(buf.columns[1]).toEqual([1000, 2000, 3000]);
  });

  it('keeps missing values as null gaps', () => {
    const buf = new SeriesBuffer();
    buf.push(sample(1000, null, null));
    buf.push(sample(2000, 7, 480));
    buf.flush();
    expect(buf.columns).toEqual([[1, 2], [null, 7], [null, 480]]);
  });

  it('drops samples that are not newer than the last one', () => {
    const buf = new SeriesBuffer();
    buf.push(sample(2000));
    buf.push(sample(1000));
    buf.push(sample(2000));
    buf.flush();
    expect(buf.columns[0]).toEqual([2]);
  });

  it('caps the window by point count', () => {
    const buf = new SeriesBuffer({ maxPoints: 3, spanMs: 1e9 });
    for (let t = 1; t <= 5; t++) buf.push(sample(t * 1000));
    buf.flush();
    expect(buf.columns[0]).toEqual([3, 4, 5]);
  });

  it('caps the window by time span', () => {
    const buf = new SeriesBuffer({ maxPoints: 100, spanMs: 10_000 });
    buf.load(history([0, 5000, 9000, 12_000, 20_000]));
    buf.flush();
    expect(buf.columns[0]).toEqual([12, 20]);
    expect(buf.columns[1]).toHaveLength(2);
    expect(buf.columns[2]).toHaveLength(2);
  });

  it('bounds staged samples when nobody flushes (hidden window)', () => {
    const buf = new SeriesBuffer({ maxPoints: 10, spanMs: 1e12 });
    for (let t = 1; t <= 1000; t++) buf.push(sample(t * 1000));
    buf.flush();
    expect(buf.columns[0]).toEqual(Array.from({ length: 10 }, (_, i) => 991 + i));
  });
});
