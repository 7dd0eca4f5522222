import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/contract/dispatch';
import type { Response } from '../../../shared/contract/envelope';
import type { Result } from '../../../shared/contract/methods';
import { fillHistory, type FilledDevice } from '../../../test/support/history-data';
import { offlineEngine, type OfflineEngine } from '../../../test/support/offline-engine';
import type { ChunkSeriesStore } from '../store/chunk-series-store';
import type { Store } from '../store/open-store';

const T0 = Date.UTC(2026, 10, 20, 12, 0, 0);
const call = async <T>(e: OfflineEngine, method: string, params: unknown): Promise<T> => {
  const res: Response = await dispatch(e.engine.handlers, { method, params }, { origin: 'cli' });
  if (!res.ok) throw Object.assign(new Error(res.error.message), { value: res.error });
  return res.value as T;
};
const errorOf = async (e: OfflineEngine, method: string, params: unknown) => {
  const res: Response = await dispatch(e.engine.handlers, { method, params }, { origin: 'cli' });
  return res.ok ? null : res.error;
};

describe('the history rows, on a real store', () => {
  let e: OfflineEngine;
  let gm: FilledDevice;
  beforeAll(() => {
    e = offlineEngine();
    const store = { devices: e.engine.devices, series: e.engine.series } as Store;
    // 20 minutes at 8 Hz: 9,600 points each; the slave has a 30 s gap and 40 ns of wander.
    gm = fillHistory(store, { name: 'gm-1', startMs: T0, seconds: 1200, hz: 8, offsetAt: () => 0 });
    fillHistory(store, { name: 'ss-s1', startMs: T0, seconds: 1200, hz: 8, offsetAt: (i) => (i >= 4000 && i < 4240 ? null : Math.round(20 * Math.sin(i / 50))) });
  });
  afterAll(() => e.close());

  it('lists the live history\'s devices and refuses a session that does not exist', async () => {
    const d = await call<Result<'history.devices'>>(e, 'history.devices', {});
    expect(d.source).toEqual({ kind: 'live' });
    expect(d.devices.map((x) => x.name).sort()).toEqual(['gm-1', 'ss-s1']);
    expect(await errorOf(e, 'history.summary', { sessionId: 'lab-run-7', deviceIds: ['gm-1'], fromMs: T0, toMs: T0 + 1 })).toMatchObject({ code: 'not-found', message: expect.stringContaining('lab-run-7') });
  });

  it('summarises two devices side by side over one window', async () => {
    const [a, b] = await call<Result<'history.summary'>>(e, 'history.summary', { deviceIds: [gm.id, 'SS-S1'], fromMs: T0, toMs: T0 + 1_200_000 });
    expect(a!.name).toBe('gm-1');
    expect(a!.instances[0]!.offset[0]).toMatchObject({ metric: 'ptp.offset_from_master', count: 9600, abs: { p50: 0, p99: 0, max: 0 } });
    const s = b!.instances[0]!;
    expect(s.offset[0]!.count).toBe(9600 - 240);
    expect(s.offset[0]!.abs!.max).toBe(20);
    expect(s.gaps).toMatchObject({ count: 1, totalMs: 30_000 });
    expect(s.pathDelay[0]).toMatchObject({ mean: 500, min: 500, max: 500 });
    expect(s.portStates).toEqual([{ port: '1', stateMs: { LISTENING: 2000, SLAVE: 1_198_000 }, offlineMs: 0, disconnectedMs: 0, unknownMs: 0 }]);
    expect(s.gmChanges.count).toBe(1);
    expect(await errorOf(e, 'history.summary', { deviceIds: ['nope'], fromMs: T0, toMs: T0 + 1 })).toMatchObject({ code: 'not-found', messageId: 'history.device-not-in-history' });
    // A window reaching into the future is summarised up to now: no port state is counted ahead of time.
    const [ahead] = await call<Result<'history.summary'>>(e, 'history.summary', { deviceIds: ['gm-1'], fromMs: T0, toMs: Date.now() + 86_400_000 });
    expect(ahead!.toMs).toBeLessThanOrEqual(Date.now());
    const port = ahead!.instances[0]!.portStates[0]!;
    expect(Object.values(port.stateMs).reduce((a, x) => a + x, 0)).toBeLessThanOrEqual(Date.now() - T0);
  });

  it('analyses timing against a named mask: a 0 ns grandmaster passes max|TE| and cTE of class C, ±20 ns wander fails', async () => {
    const masks = ['class-c'];
    const good = await call<Result<'history.timing'>>(e, 'history.timing', { deviceId: 'gm-1', fromMs: T0, toMs: T0 + 1_200_000, masks });
    expect(good.series.metric).toBe('ptp.offset_from_master');
    expect(good.analysis.points).toBe(9600);
    expect(good.analysis.dteLMtie.length).toBeGreaterThan(10);
    const checks = Object.fromEntries(good.masks[0]!.checks.map((c) => [c.limit, c.verdict]));
    expect(checks).toMatchObject({ maxAbsTe: 'pass', cte: 'pass' });
    expect(good.overview.tUs.length).toBeLessThanOrEqual(600);
    const bad = await call<Result<'history.timing'>>(e, 'history.timing', { deviceId: 'ss-s1', fromMs: T0, toMs: T0 + 1_200_000, masks: ['g8273.2-class-c'], excludeBeforeMs: T0 + 10_000 });
    expect(bad.masks[0]!.verdict).toBe('fail');
    expect(bad.analysis.segments).toBe(2);
    expect(bad.excludeBeforeMs).toBe(T0 + 10_000);
    expect(await errorOf(e, 'history.timing', { deviceId: 'gm-1', fromMs: T0, toMs: T0 + 1, masks: ['class-z'] })).toMatchObject({ code: 'invalid-input', messageId: 'history.unknown-mask' });
  });

  it('exports in pages whose texts join into the whole CSV and the whole JSON document', async () => {
    const pages = async (params: Record<string, unknown>) => {
      let text = '';
      let cursor: string | null | undefined;
      let n = 0;
      do {
        const p: Result<'history.export'> = await call(e, 'history.export', { ...params, ...(cursor ? { cursor } : {}) });
        text += p.text;
        cursor = p.cursor;
        n++;
      } while (cursor);
      return { text, n };
    };
    const csv = await pages({ deviceIds: ['ss-s1'], fromMs: T0, toMs: T0 + 1_200_000, format: 'csv', maxRows: 3000 });
    const lines = csv.text.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('time_utc,time_ns,device,instance,metric,labels,unit,value,flags');
    expect(lines).toHaveLength(1 + 2 * 9600);
    expect(csv.n).toBeGreaterThan(5);
    expect(lines[1]).toBe(`2026-11-20T12:00:00.000000Z,${BigInt(T0) * 1_000_000n},ss-s1,ptp4l,ptp.offset_from_master,,ns,0,`);
    expect(lines.filter((l) => l.endsWith(',,stale'))).toHaveLength(240);
    const json = await pages({ deviceIds: ['gm-1', 'ss-s1'], fromMs: T0, toMs: T0 + 1_200_000, format: 'json', maxRows: 5000 });
    const doc = JSON.parse(json.text) as { format: string; series: { device: string; points: [number, number | null, number][]; rollups: Record<'minute' | 'hour' | 'day', { rows: unknown[] }> }[]; events: unknown[] };
    expect(doc.format).toBe('syncscope-export');
    expect(doc.series.map((s) => s.points.length)).toEqual([9600, 9600, 9600, 9600]);
    // Every series carries its minute, hour and day rollup rows (minutes of the open chunk rolled up on the way out).
    expect(doc.series.map((s) => [s.rollups.minute.rows.length, s.rollups.day.rows.length])).toEqual([[20, 1], [20, 1], [20, 1], [20, 1]]);
    expect(doc.events).toHaveLength(6);
    const events = await pages({ deviceIds: ['ss-s1'], fromMs: T0, toMs: T0 + 1_200_000, format: 'csv', table: 'events' });
    expect(events.text.split('\r\n').filter(Boolean)).toEqual([
      'time_utc,time_ns,device,instance,kind,from,to,detail',
      `2026-11-20T12:00:00.000Z,${BigInt(T0) * 1_000_000n},ss-s1,ptp4l,port-state,,LISTENING,port=1`,
      `2026-11-20T12:00:02.000Z,${BigInt(T0 + 2000) * 1_000_000n},ss-s1,ptp4l,port-state,LISTENING,SLAVE,port=1`,
      `2026-11-20T12:10:00.000Z,${BigInt(T0 + 600_000) * 1_000_000n},ss-s1,ptp4l,gm-change,aaaa.fffe.000001,bbbb.fffe.000002,`,
    ]);
    expect(await errorOf(e, 'history.export', { deviceIds: ['gm-1'], fromMs: T0, toMs: T0 + 1, format: 'csv', cursor: '{"v":9}' })).toMatchObject({ messageId: 'history.bad-cursor' });
  });

  it('exports each series\' rollup rows in JSON with its tier\'s fields, hours once the hour is over and computed', async () => {
    // Seal the open chunks now (the engine does it once a series is quiet) and compute the pending hours.
    (e.engine.series as unknown as ChunkSeriesStore).sealQuiet(0, 100);
    e.engine.series.settle();
    let text = '';
    let cursor: string | null = null;
    do {
      const p: Result<'history.export'> = await call(e, 'history.export', { deviceIds: ['ss-s1'], fromMs: T0, toMs: T0 + 1_200_000, format: 'json', metrics: ['ptp.offset_from_master'], maxRows: 100_000, ...(cursor ? { cursor } : {}) });
      text += p.text;
      cursor = p.cursor;
    } while (cursor);
    type Tier = { columns: string[]; rows: (number | null)[][] };
    const [series] = (JSON.parse(text) as { series: { metric: string; rollups: Record<'minute' | 'hour' | 'day', Tier> }[] }).series;
    const { minute, hour, day } = series!.rollups;
    expect(minute.columns).toEqual(['tUs', 'count', 'min', 'max', 'mean']);
    expect(hour.columns).toEqual(['tUs', 'count', 'min', 'max', 'p50', 'p95', 'p99', 'maxAbs']);
    // What the summary counts, minute by minute: 480 points a minute at 8 Hz, the 30 s gap (i 4000–4239) in minute 8.
    const values = Array.from({ length: 9600 }, (_, i) => (i >= 4000 && i < 4240 ? null : Math.round(20 * Math.sin(i / 50))));
    expect(minute.rows).toHaveLength(20);
    minute.rows.forEach((row, m) => {
      const v = values.slice(m * 480, (m + 1) * 480).filter((x): x is number => x !== null);
      expect(row.slice(0, 4)).toEqual([(T0 + m * 60_000) * 1000, v.length, Math.min(...v), Math.max(...v)]);
      expect(row[4]).toBeCloseTo(v.reduce((a, x) => a + x, 0) / v.length, 9);
    });
    expect(minute.rows[8]![1]).toBe(240);
    const all = values.filter((x): x is number => x !== null);
    const sorted = [...all].sort((a, b) => a - b);
    // -0 (a rounded small negative) is stored as 0.
    const rank = (p: number) => sorted[Math.ceil(p * sorted.length) - 1]! + 0;
    expect(hour.rows).toEqual([[T0 * 1000, 9360, -20, 20, rank(0.5), rank(0.95), rank(0.99), 20]]);
    expect(day.rows).toHaveLength(1);
    expect(day.rows[0]!.slice(0, 4)).toEqual([Date.UTC(2026, 10, 20) * 1000, 9360, -20, 20]);
    expect(day.rows[0]![4]).toBeCloseTo(all.reduce((a, x) => a + x, 0) / all.length, 9);
  });
});
