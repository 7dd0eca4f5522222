import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/contract/dispatch';
import type { EventMessage } from '../../shared/contract/events';
import { StoreHealth } from '../../shared/domain/store-health';
import type { Reading } from '../../shared/series/series';
import { skipUnlessAvailable } from '../../test/support/skip';
import { Engine } from './engine';
import { createLogger } from './log';
import { hashNoise } from '../../test/support/hash-noise';

const T0_US = 1_764_000_000_000_000;
const actor = { origin: 'test' as const };
const root = mkdtempSync(join(tmpdir(), 'syncscope-health-'));
const mount = (size: string, remount = false) => spawnSync('mount', ['-t', 'tmpfs', '-o', `${remount ? 'remount,' : ''}size=${size}`, 'tmpfs', root], { encoding: 'utf8' });

/** A real small file system: a tmpfs mounted for the test, which needs root. */
const skip = skipUnlessAvailable('Store-health test', process.getuid?.() === 0 ? null : 'mounting a small tmpfs needs root');

describe.skipIf(skip !== null)('the engine on a disk that fills up', { timeout: 120_000 }, () => {
  let engine: Engine;
  const sent: EventMessage[] = [];
  let deviceId: string;
  let next = 0;
  const batch = (n: number): Reading[] =>
    Array.from({ length: n }, () => {
      const i = next++;
      return { deviceId, instance: 'ptp4l', tUs: T0_US + i * 125_000, deviceTimeNs: null, values: [{ metric: 'ptp.offset_from_master', value: hashNoise(i, 4001) }] };
    });
  const health = async () => {
    const r = await dispatch(engine.handlers, { method: 'engine.storeHealth', params: {} }, actor);
    if (!r.ok) throw new Error(r.error.message);
    return StoreHealth.parse(r.value);
  };
  const healthEvents = () => sent.flatMap((m) => (m.event === 'store.health' ? [m.payload] : []));
  const metric = async (name: string) => (await engine.metrics.registry.getSingleMetricAsString(name)).split('\n').filter((l) => !l.startsWith('#'));

  beforeAll(() => {
    const mounted = mount('6m');
    if (mounted.status !== 0) throw new Error(`mount -t tmpfs failed: ${mounted.stderr.trim()}`);
    const dataDir = join(root, 'data');
    mkdirSync(dataDir);
    engine = new Engine({ dataDir, collect: false, processMetrics: false, log: createLogger({ level: 'silent' }) });
    engine.subscribe((m) => sent.push(m));
    deviceId = engine.devices.add({ transport: 'local', name: 'full', pollIntervalMs: 125 }).id;
  });
  afterAll(async () => {
    await engine?.close();
    spawnSync('umount', [root]);
    rmSync(root, { recursive: true, force: true });
  });

  it('says the disk is full once (event, engine.storeHealth, /metrics) and that writing resumed once there is room', async () => {
    expect(await health()).toEqual({ state: 'ok', queued: 0, limit: 100_000, sinceMs: null });
    expect(await metric('syncscope_store_write_failing')).toContain('syncscope_store_write_failing{reason="disk-full"} 0');
    for (let round = 0; round < 2000 && engine.series.writeFailure === null; round++) {
      engine.series.appendReadings(batch(4000));
      engine.series.flush();
    }
    // More failed retries do not repeat the news.
    for (let i = 0; i < 3; i++) {
      engine.series.appendReadings(batch(100));
      expect(engine.series.flush()).toBe(0);
    }
    expect(healthEvents()).toEqual([{ state: 'disk-full', queued: expect.any(Number), limit: 100_000, sinceMs: expect.any(Number) }]);
    const full = await health();
    expect(full).toMatchObject({ state: 'disk-full', queued: engine.series.queued });
    expect(full.queued).toBeGreaterThan(0);
    expect(await metric('syncscope_store_write_failing')).toContain('syncscope_store_write_failing{reason="disk-full"} 1');
    expect(await metric('syncscope_store_queued_items')).toContain(`syncscope_store_queued_items ${full.queued}`);

    expect(mount('64m', true).status).toBe(0);
    expect(engine.series.flush()).toBe(full.queued);
    expect(healthEvents()).toEqual([expect.objectContaining({ state: 'disk-full' }), { state: 'ok', queued: 0, limit: 100_000, sinceMs: null }]);
    expect(await health()).toMatchObject({ state: 'ok', queued: 0 });
    expect(await metric('syncscope_store_write_failing')).toContain('syncscope_store_write_failing{reason="disk-full"} 0');
  });
});
