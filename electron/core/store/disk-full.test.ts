import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorValueOf } from '../../../shared/domain/errors';
import type { Reading } from '../../../shared/series/series';
import { skipUnlessAvailable } from '../../../test/support/skip';
import { openStore, type Store } from './open-store';
import { storeError } from './store-errors';
import { hashNoise } from '../../../test/support/hash-noise';

const T0_US = 1_764_000_000_000_000;
const root = mkdtempSync(join(tmpdir(), 'syncscope-full-'));
const mount = (size: string, remount = false) => spawnSync('mount', ['-t', 'tmpfs', '-o', `${remount ? 'remount,' : ''}size=${size}`, 'tmpfs', root], { encoding: 'utf8' });

/** A real small file system: a tmpfs mounted for the test, which needs root. */
const skip = skipUnlessAvailable('Disk-full test', process.getuid?.() === 0 ? null : 'mounting a small tmpfs needs root');

describe.skipIf(skip !== null)('a disk that fills up under the store', { timeout: 120_000 }, () => {
  let store: Store;
  let deviceId: string;
  const dir = join(root, 'data');
  let next = 0;
  const batch = (n: number): Reading[] =>
    Array.from({ length: n }, () => {
      const i = next++;
      return { deviceId, instance: 'ptp4l', tUs: T0_US + i * 125_000, deviceTimeNs: null, values: [{ metric: 'ptp.offset_from_master', value: hashNoise(i, 4001) }, { metric: 'ptp.mean_path_delay', value: 1500 + (i % 5) }] };
    });

  beforeAll(() => {
    const mounted = mount('6m');
    if (mounted.status !== 0) throw new Error(`mount -t tmpfs failed: ${mounted.stderr.trim()}`);
    mkdirSync(dir);
    store = openStore(dir, { seriesWrites: { flushAtRows: Number.MAX_SAFE_INTEGER, flushEveryMs: 60_000, maxQueuedRows: 20_000 } });
    deviceId = store.devices.add({ transport: 'local', name: 'full', pollIntervalMs: 125 }).id;
  });
  afterAll(() => {
    store?.close();
    spawnSync('umount', [root]);
    rmSync(root, { recursive: true, force: true });
  });

  it('stops writing with a plain error, keeps a bounded queue, and resumes with nothing saved lost once there is room', () => {
    let saved = 0;
    for (let round = 0; round < 2000 && store.series.writeFailure === null; round++) {
      store.series.appendReadings(batch(4000));
      if (store.series.flush() > 0) saved = next;
    }
    const failure = errorValueOf(storeError(store.series.writeFailure, dir, { queued: store.series.queued, limit: 20_000 }));
    expect(failure).toMatchObject({ messageId: 'store.disk-full', code: 'database' });
    expect(failure.message).toMatch(/disk holding .* is full/);
    // Collection goes on appending; memory holds at most the queue's bound (the oldest go first).
    for (let i = 0; i < 10; i++) store.series.appendReadings(batch(4000));
    expect(store.series.flush()).toBe(0);
    expect(store.series.queued).toBe(20_000);

    expect(mount('64m', true).status).toBe(0);
    expect(store.series.flush()).toBe(20_000);
    expect(store.series.writeFailure).toBeNull();
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const [cols] = store.series.queryRange({ keys: [{ deviceId, instance: 'ptp4l', metric: 'ptp.offset_from_master', labels: {} }], fromUs: T0_US, toUs: T0_US + next * 125_000 });
    // Everything saved before the disk filled, then the newest 20,000 readings the queue kept.
    expect(cols!.tUs.slice(0, saved)).toEqual(Array.from({ length: saved }, (_, i) => T0_US + i * 125_000));
    expect(cols!.tUs.slice(saved)).toEqual(Array.from({ length: 20_000 }, (_, i) => T0_US + (next - 20_000 + i) * 125_000));
    store.series.appendReadings(batch(10));
    expect(store.series.flush()).toBe(10);
  });
});
