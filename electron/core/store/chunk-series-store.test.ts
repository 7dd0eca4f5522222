import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceEvent } from '../../../shared/series/device-event';
import { POINT_FLAGS, type Reading } from '../../../shared/series/series';
import { createSeriesStore, openStore, type Store } from './open-store';

const T0_US = 1_700_000_000_000_000;

describe('the series store on a real SQLite file', () => {
  let dir: string;
  let store: Store;
  let other: Database.Database;
  let deviceId: string;
  const failures: number[] = [];
  /** What another process sees on disk, not what this connection has queued. */
  const onDisk = () => createSeriesStore(other).pointCount(deviceId);
  const reading = (i: number, over: Partial<Reading> = {}): Reading => ({
    deviceId,
    instance: 'ptp4l',
    tUs: T0_US + i * 1000,
    deviceTimeNs: '1700000000000000123',
    values: [{ metric: 'ptp.offset_from_master', value: i }],
    ...over,
  });
  const offsetKey = () => ({ deviceId, instance: 'ptp4l', metric: 'ptp.offset_from_master' as const, labels: {} });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-series-'));
    store = openStore(dir, { busyTimeoutMs: 50, seriesWrites: { flushEveryMs: 60_000, flushAtRows: 100, onFlushError: (_e, n) => failures.push(n) } });
    deviceId = store.devices.add({ transport: 'local', name: 'here', pollIntervalMs: 1000 }).id;
    other = new Database(join(dir, 'syncscope.db'));
  });
  afterEach(() => {
    other.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
    failures.length = 0;
  });

  it('queues readings and writes them together, at once when the batch is full; a reader of this engine sees everything', () => {
    for (let i = 0; i < 99; i++) store.series.appendReadings([reading(i)]);
    expect(onDisk()).toBe(0);
    store.series.appendReadings([reading(99)]);
    expect(onDisk()).toBe(100);
    store.series.appendReadings([reading(100)]);
    expect(store.series.queued).toBe(1);
    expect(store.series.queryRange({ keys: [offsetKey()], fromUs: 0, toUs: T0_US * 2 })[0]?.tUs).toHaveLength(101);
  });

  it('keeps the batch while another process holds the write lock, and writes it afterwards', () => {
    other.exec('BEGIN IMMEDIATE');
    store.series.appendReadings([reading(1), reading(2)]);
    store.series.appendEvents([{ deviceId, instance: null, kind: 'connection', from: null, to: 'online', detail: {}, tMs: 5 }]);
    expect(store.series.flush()).toBe(0);
    expect(failures).toEqual([3]);
    other.exec('COMMIT');
    expect(store.series.flush()).toBe(3);
    expect(onDisk()).toBe(2);
    // The failed attempt's series ids were rolled back with it: the points belong to a series that exists.
    expect(other.prepare('SELECT COUNT(*) FROM open_segments WHERE series_id NOT IN (SELECT id FROM series)').pluck().get()).toBe(0);
  });

  it('writes what is queued on close', () => {
    store.series.appendReadings([reading(1)]);
    store.close();
    expect(onDisk()).toBe(1);
    store = openStore(dir);
  });

  it('keeps one small-id series per (device, instance, metric, labels), whatever the label order, with µs times, flags, gaps and the device time', () => {
    store.series.appendReadings([
      reading(1, { values: [{ metric: 'ptp.port_state', labels: { port: '1', clock: 'a' }, value: 9 }, { metric: 'ptp.offset_from_master', value: null, flags: POINT_FLAGS.stale }] }),
      reading(2, { values: [{ metric: 'ptp.port_state', labels: { clock: 'a', port: '1' }, value: 8, flags: POINT_FLAGS.transient }] }),
      reading(3, { instance: 'eth1', values: [{ metric: 'ptp.port_state', labels: { port: '1', clock: 'a' }, value: 6 }] }),
    ]);
    const list = store.series.listSeries(deviceId);
    expect(list.map((s) => [s.instance, s.metric, s.labels, s.lastTUs])).toEqual([
      ['eth1', 'ptp.port_state', { clock: 'a', port: '1' }, T0_US + 3000],
      ['ptp4l', 'ptp.offset_from_master', {}, T0_US + 1000],
      ['ptp4l', 'ptp.port_state', { clock: 'a', port: '1' }, T0_US + 2000],
    ]);
    const portState = list.find((s) => s.instance === 'ptp4l' && s.metric === 'ptp.port_state')!;
    const [cols] = store.series.queryRange({ seriesIds: [portState.id], fromUs: T0_US, toUs: T0_US + 10_000 });
    expect(cols).toEqual({ id: portState.id, tUs: [T0_US + 1000, T0_US + 2000], value: [9, 8], flags: [0, POINT_FLAGS.transient], downsampled: false, tier: 'raw' });
    const [offset] = store.series.queryRange({ keys: [offsetKey()], fromUs: T0_US, toUs: T0_US + 10_000 });
    expect(offset?.value).toEqual([null]);
    expect(offset?.flags).toEqual([POINT_FLAGS.stale]);
    expect(store.series.queryDeviceTimes(deviceId, 'ptp4l', T0_US, T0_US + 10_000)).toEqual({ tUs: [T0_US + 1000, T0_US + 2000], deviceTimeNs: ['1700000000000000123', '1700000000000000123'] });
  });

  it('downsamples a long range to min and max per bucket and keeps its gaps as gaps', () => {
    const values = Array.from({ length: 3000 }, (_, i) => (i === 1500 ? null : Math.sin(i / 50) * 100));
    store.series.appendReadings(values.map((value, i) => reading(i, { values: [{ metric: 'ptp.offset_from_master', value }] })));
    const [cols] = store.series.queryRange({ keys: [offsetKey()], fromUs: T0_US, toUs: T0_US + 3000 * 1000, maxPoints: 300 });
    expect(cols?.downsampled).toBe(true);
    expect(cols!.tUs.length).toBeLessThanOrEqual(300);
    expect(cols!.value.filter((v) => v === null)).toHaveLength(1);
    const numbers = cols!.value.filter((v): v is number => v !== null);
    expect(Math.max(...numbers)).toBe(Math.max(...values.filter((v): v is number => v !== null)));
    expect(Math.min(...numbers)).toBe(Math.min(...values.filter((v): v is number => v !== null)));
    expect([...cols!.tUs].sort((a, b) => a - b)).toEqual(cols!.tUs);
  });

  it('answers the legacy samples.query shape from series: newest N, stale values as gaps', async () => {
    const { sampleColumnsFromSeries } = await import('./legacy-samples');
    for (let i = 0; i < 5; i++) {
      store.series.appendReadings([reading(i, { values: [{ metric: 'ptp.offset_from_master', value: -i, flags: i === 4 ? POINT_FLAGS.stale : 0 }, { metric: 'ptp.mean_path_delay', value: 1500 + i }] })]);
    }
    const cols = sampleColumnsFromSeries(store.series, store.devices.get(deviceId), 0, Number.MAX_SAFE_INTEGER, 3);
    expect(cols).toEqual({ deviceId, tMs: [T0_US / 1000 + 2, T0_US / 1000 + 3, T0_US / 1000 + 4], offsetFromMasterNs: [-2, -3, null], meanPathDelayNs: [1502, 1503, 1504], masterOffsetNs: [null, null, null] });
  });

  it('stores events and answers by device, time and kind, oldest first, the newest `limit`', () => {
    const ev = (tMs: number, kind: DeviceEvent['kind'], to: string): DeviceEvent => ({ deviceId, instance: kind === 'connection' ? null : 'ptp4l', kind, from: null, to, detail: { port: 1, raw: 'port 1: LISTENING to SLAVE' }, tMs });
    store.series.appendEvents([ev(1000, 'connection', 'online'), ev(2000, 'port-state', 'SLAVE'), ev(3000, 'port-state', 'FAULTY'), ev(4000, 'connection', 'offline')]);
    expect(store.series.queryEvents({ deviceId, limit: 10 }).map((e) => e.to)).toEqual(['online', 'SLAVE', 'FAULTY', 'offline']);
    expect(store.series.queryEvents({ deviceId, limit: 2 }).map((e) => e.to)).toEqual(['FAULTY', 'offline']);
    expect(store.series.queryEvents({ deviceId, kinds: ['port-state'], sinceMs: 2500, limit: 10 })).toMatchObject([{ kind: 'port-state', instance: 'ptp4l', to: 'FAULTY', detail: { port: 1, raw: 'port 1: LISTENING to SLAVE' }, tMs: 3000 }]);
  });

  it('drops readings and events of a device removed while they waited, so nothing outlives the purge', () => {
    store.series.appendReadings([reading(1)]);
    store.series.flush();
    store.series.appendReadings([reading(2)]);
    store.devices.remove(deviceId);
    store.series.appendEvents([{ deviceId, instance: null, kind: 'connection', from: 'online', to: 'offline', detail: {}, tMs: 9 }]);
    store.series.flush();
    expect(store.series.pointCount(deviceId)).toBe(1);
    expect(store.series.queryEvents({ deviceId, limit: 10 })).toEqual([]);
  });
});
