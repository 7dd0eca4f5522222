import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/contract/dispatch';
import type { Reading } from '../../../shared/series/series';
import { waitFor } from '../../../test/support/engine-server';
import { Engine } from '../engine';
import { createLogger } from '../log';
import { HistoryPurge } from './history-purge';
import { openStore, type Store } from './open-store';

const reading = (deviceId: string, tMs: number): Reading => ({ deviceId, instance: 'ptp4l', tUs: tMs * 1000, deviceTimeNs: null, values: [{ metric: 'ptp.offset_from_master', value: 1 }] });

describe('deleting a removed device\'s history in the background', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-purge-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const fill = (store: Store, deviceId: string, n: number) => {
    store.series.appendReadings(Array.from({ length: n }, (_, i) => reading(deviceId, i)));
    store.series.appendEvents([{ deviceId, instance: null, kind: 'connection', from: null, to: 'online', detail: {}, tMs: 1 }]);
    store.series.flush();
  };

  it('deletes in slices, leaves other devices alone, and survives a write lock held by another process', () => {
    const store = openStore(dir, { busyTimeoutMs: 50 });
    const gone = store.devices.add({ transport: 'local', name: 'gone', udsPath: '/var/run/ptp4l', pollIntervalMs: 1000 });
    const kept = store.devices.add({ transport: 'local', name: 'kept', udsPath: '/var/run/ptp4l', pollIntervalMs: 1000 });
    fill(store, gone.id, 12_000);
    fill(store, kept.id, 10);
    store.devices.remove(gone.id);
    expect(store.series.pointCount(gone.id)).toBe(12_000);

    const purge = new HistoryPurge(store.db, { sliceRows: 5000 });
    // One slice: a few chunks (up to 4096 points each) go, the rest waits for the next slices.
    expect(purge.slice()).toBe(true);
    expect(store.series.pointCount(gone.id)).toBeLessThan(12_000);
    expect(store.series.pointCount(gone.id)).toBeGreaterThan(0);
    const other = new Database(join(dir, 'syncscope.db'));
    other.exec('BEGIN IMMEDIATE');
    expect(() => purge.slice()).toThrow(/locked|busy/i);
    other.exec('COMMIT');
    other.close();
    while (purge.slice());
    expect(store.series.pointCount(gone.id)).toBe(0);
    expect(store.series.pointCount(kept.id)).toBe(10);
    expect(store.db.prepare('SELECT COUNT(*) FROM device_purges').pluck().get()).toBe(0);
    // Its events, series and device key went too; the kept device's stayed.
    expect(store.series.queryEvents({ deviceId: gone.id, limit: 10 })).toEqual([]);
    expect(store.series.listSeries(gone.id)).toEqual([]);
    expect(store.series.queryEvents({ deviceId: kept.id, limit: 10 })).toHaveLength(1);
    expect(store.db.prepare('SELECT device_id FROM device_keys').pluck().all()).toEqual([kept.id]);
    // Chunks, open segments and rollups went with their series.
    for (const table of ['chunks', 'open_segments', 'rollup_minute', 'rollup_day', 'rollup_pending']) {
      expect(store.db.prepare(`SELECT COUNT(*) FROM ${table} WHERE series_id NOT IN (SELECT id FROM series)`).pluck().get()).toBe(0);
    }
    store.close();
  });

  it('answers devices.remove before the history is gone, then deletes it', async () => {
    const seed = openStore(dir);
    const dev = seed.devices.add({ transport: 'ssh', name: 'old-gm', host: '192.0.2.9', user: 'root', sshPort: 22, udsPath: '/var/run/ptp4l', pollIntervalMs: 60_000, auth: { kind: 'password', password: 'unused-pw' } });
    fill(seed, dev.id, 20_000);
    seed.close();

    const engine = new Engine({ dataDir: dir, processMetrics: false, log: createLogger({ level: 'silent' }) });
    await engine.start();
    expect(await dispatch(engine.handlers, { method: 'devices.remove', params: { id: dev.id } }, { origin: 'test' })).toMatchObject({ ok: true });
    // Answered: the profile is gone, the history is queued rather than deleted inside the request.
    expect((await engine.handlers['devices.list']({}, { origin: 'test' })).length).toBe(0);
    expect(engine.db.prepare('SELECT device_id FROM device_purges').pluck().all()).toEqual([dev.id]);
    await waitFor('the background purge to finish', () => engine.db.prepare('SELECT COUNT(*) FROM device_purges').pluck().get() === 0);
    expect(engine.series.pointCount(dev.id)).toBe(0);
    await engine.close();
  });
});
