import { describe, expect, it } from 'vitest';
import type { Reading } from '../../../shared/series/series';
import { planCharts } from './chart-plan';
import { ChartHub } from './chart-hub';
import { LIVE_SPAN_SEC, MIN_SPAN_SEC, TimeAxis } from './time-axis';

const reading = (tUs: number, offset: number): Reading => ({
  deviceId: 'd1',
  instance: 'ptp4l',
  tUs,
  deviceTimeNs: null,
  values: [
    { metric: 'ptp.offset_from_master', value: offset },
    { metric: 'ptp.mean_path_delay', value: 16431 },
  ],
});

describe('ChartHub', () => {
  it('stages a batch in each chart it touches and tells each of them once', () => {
    const hub = new ChartHub(planCharts(['ptp4l'], []));
    const told: string[] = [];
    hub.listen('ptp4l/ptp4l/offset', () => told.push('offset'));
    hub.listen('ptp4l/ptp4l/frequency', () => told.push('frequency'));
    hub.push([reading(1e12, -6669), reading(1e12 + 125_000, -4767)]);
    expect(told).toEqual(['offset']);
    const offset = hub.buffer('ptp4l/ptp4l/offset')!;
    expect(offset.length).toBe(0);
    offset.flush();
    expect(offset.data[1]).toEqual([-6669, -4767]);
    expect(hub.buffer('ptp4l/ptp4l/delay')!.flush()).toBe(true);
  });
});

describe('TimeAxis', () => {
  it('follows live data from its earliest point, between one and ten minutes back, and holds a zoom until cleared', () => {
    const axis = new TimeAxis();
    expect(axis.range(1000)).toEqual({ min: 1000 - MIN_SPAN_SEC, max: 1000 });
    axis.noteData('a', 700, 990);
    axis.noteData('b', 900, 995);
    expect(axis.range(1000)).toEqual({ min: 700, max: 1000 });
    axis.noteData('a', 100, 999);
    expect(axis.range(1000)).toEqual({ min: 1000 - LIVE_SPAN_SEC, max: 1000 });
    let told = 0;
    axis.subscribe(() => told++);
    axis.setZoom({ min: 910, max: 920 });
    expect(axis.range(2000)).toEqual({ min: 910, max: 920 });
    axis.setZoom(null);
    expect(axis.range(1000).max).toBe(1000);
    expect(told).toBe(2);
  });
});
