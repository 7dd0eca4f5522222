import { describe, expect, it } from 'vitest';
import type { DeviceEvent } from '../../series/device-event';
import { POINT_FLAGS } from '../../series/series';
import { DeviceSummaryBuilder, type PointPage } from './device-summary';

const T0 = 1_800_000_000_000;
const us = (s: number) => (T0 + s * 1000) * 1000;

/** 1 Hz offsets for 100 s: value i−50 ns, with a transient at the start, a step and a 10 s gap (stale markers). */
function offsets(): PointPage {
  const page = { tUs: [] as number[], value: [] as (number | null)[], flags: [] as number[] };
  for (let i = 0; i < 100; i++) {
    page.tUs.push(us(i));
    if (i >= 40 && i < 50) {
      page.value.push(null);
      page.flags.push(POINT_FLAGS.stale);
    } else {
      page.value.push(i < 3 ? 1_000_000 : i === 70 ? -999_999 : i - 50);
      page.flags.push(i < 3 ? POINT_FLAGS.transient : i === 70 ? POINT_FLAGS.step : 0);
    }
  }
  return page;
}

const event = (s: number, kind: DeviceEvent['kind'], from: string | null, to: string | null, instance: string | null = 'ptp4l'): DeviceEvent => ({ deviceId: 'd1', instance, kind, from, to, detail: kind === 'port-state' ? { port: 1 } : {}, tMs: T0 + s * 1000 });

describe('DeviceSummaryBuilder', () => {
  it('summarises only clean measurements, with percentiles, gaps, GM changes and event counts', () => {
    const b = new DeviceSummaryBuilder({ deviceId: 'd1', name: 'bc-1', fromMs: T0, toMs: T0 + 100_000 });
    const page = offsets();
    const sink = b.addSeries({ id: 1, instance: 'ptp4l', metric: 'ptp.offset_from_master', labels: {} });
    // Two pages, as the reader hands them over.
    sink({ tUs: page.tUs.slice(0, 55), value: page.value.slice(0, 55), flags: page.flags.slice(0, 55) });
    sink({ tUs: page.tUs.slice(55), value: page.value.slice(55), flags: page.flags.slice(55) });
    b.addSeries({ id: 2, instance: 'ptp4l', metric: 'ptp.mean_path_delay', labels: {} })({ tUs: [us(1), us(2), us(3)], value: [500, 510, 530], flags: [0, 0, 0] });
    b.addSeries({ id: 3, instance: 'ptp4l', metric: 'ptp.port_state', labels: { port: '1' } })({ tUs: [us(1)], value: [9], flags: [0] });
    b.addEvents([event(-5, 'port-state', 'UNCALIBRATED', 'SLAVE'), event(20, 'gm-change', 'aa', 'bb'), event(40, 'connection', 'online', 'offline', null), event(50, 'connection', 'offline', 'online', null), event(51, 'port-state', null, 'SLAVE')]);
    const s = b.finish();
    expect(s.instances).toHaveLength(1);
    const inst = s.instances[0]!;
    // Clean points: i = 3..39 and 50..99 without 70: 86 values of i−50.
    const values = [...Array.from({ length: 37 }, (_, k) => k + 3 - 50), ...Array.from({ length: 50 }, (_, k) => k).filter((k) => k !== 20)];
    const off = inst.offset[0]!;
    expect(off.count).toBe(86);
    expect(off.mean).toBeCloseTo(values.reduce((a, x) => a + x, 0) / values.length, 9);
    expect([off.min, off.max]).toEqual([-47, 49]);
    const abs = values.map(Math.abs).sort((a, b) => a - b);
    expect(off.abs).toEqual({ p50: abs[Math.ceil(0.5 * 86) - 1], p95: abs[Math.ceil(0.95 * 86) - 1], p99: abs[Math.ceil(0.99 * 86) - 1], max: 49 });
    expect(inst.pathDelay[0]).toMatchObject({ count: 3, mean: 1540 / 3, min: 500, max: 530, unit: 'ns' });
    expect(inst.pathDelay[0]!.abs).toBeUndefined();
    expect(inst.gaps).toEqual({ metric: 'ptp.offset_from_master', count: 1, totalMs: 10_000, longestMs: 10_000, disconnectedMs: 0 });
    expect(inst.gmChanges).toEqual({ count: 1, first: [{ tMs: T0 + 20_000, from: 'aa', to: 'bb' }] });
    expect(inst.portStates).toEqual([{ port: '1', stateMs: { SLAVE: 89_000 }, offlineMs: 10_000, disconnectedMs: 0, unknownMs: 1_000 }]);
    expect(inst.events).toEqual({ 'gm-change': 1, 'port-state': 1 });
    expect(s.events).toEqual({ 'gm-change': 1, 'port-state': 1, connection: 2 });
  });

  it('counts a hole in time as a gap, and a gap still open at the window end up to it', () => {
    const b = new DeviceSummaryBuilder({ deviceId: 'd1', name: 'x', fromMs: T0, toMs: T0 + 100_000 });
    const t = [0, 1, 2, 3, 4, 5, 35, 36, 37, 90];
    b.addSeries({ id: 1, instance: 'ptp4l', metric: 'ptp.servo_offset', labels: {} })({ tUs: t.map(us), value: t.map((x) => (x === 90 ? null : 5)), flags: t.map((x) => (x === 90 ? POINT_FLAGS.stale : 0)) });
    expect(b.finish().instances[0]!.gaps).toEqual({ metric: 'ptp.servo_offset', count: 2, totalMs: 40_000, longestMs: 30_000, disconnectedMs: 0 });
  });

  it('leaves an instance with no measurement in the window with empty lists and no gaps', () => {
    const b = new DeviceSummaryBuilder({ deviceId: 'd1', name: 'x', fromMs: T0, toMs: T0 + 10_000 });
    b.addSeries({ id: 1, instance: 'ptp4l', metric: 'ptp.offset_from_master', labels: {} })({ tUs: [us(-50), us(20)], value: [1, 2], flags: [0, 0] });
    expect(b.finish().instances[0]).toMatchObject({ instance: 'ptp4l', offset: [], gaps: { metric: null, count: 0 } });
  });

  it('reports the time the operator had the device disconnected apart from gaps and offline time', () => {
    const b = new DeviceSummaryBuilder({ deviceId: 'd1', name: 'bench-1', fromMs: T0, toMs: T0 + 100_000 });
    // 1 Hz, nothing written from 20 s to 60 s: 5 s offline (a gap), then 35 s disconnected by the operator.
    const t = Array.from({ length: 100 }, (_, i) => i).filter((i) => i < 20 || i >= 60);
    b.addSeries({ id: 1, instance: 'ptp4l', metric: 'ptp.offset_from_master', labels: {} })({ tUs: t.map(us), value: t.map(() => 3), flags: t.map(() => 0) });
    b.addEvents([event(-5, 'port-state', null, 'SLAVE'), event(20, 'connection', 'online', 'offline', null), event(25, 'connection', 'offline', 'disconnected', null), event(60, 'connection', 'disconnected', 'online', null), event(60, 'port-state', null, 'SLAVE')]);
    const s = b.finish();
    expect(s.disconnectedMs).toBe(35_000);
    const inst = s.instances[0]!;
    // The hole from the last measurement (19 s) to the next (60 s) is 41 s; 35 s of it was the deliberate disconnect.
    expect(inst.gaps).toEqual({ metric: 'ptp.offset_from_master', count: 1, totalMs: 6_000, longestMs: 6_000, disconnectedMs: 35_000 });
    expect(inst.portStates).toEqual([{ port: '1', stateMs: { SLAVE: 60_000 }, offlineMs: 5_000, disconnectedMs: 35_000, unknownMs: 0 }]);
    expect(s.events).toEqual({ 'port-state': 1, connection: 3 });
  });
});
