import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PtpSample } from '../../../shared/domain/ptp';
import { openStore, type Store } from './open-store';

const sample = (deviceId: string, tMs: number): PtpSample => ({ deviceId, tMs, masterOffsetNs: 1, offsetFromMasterNs: tMs, meanPathDelayNs: 2, stepsRemoved: 1, gmPresent: true, gmIdentity: 'x', portState: 'SLAVE', ports: [] });

describe('sample writes, batched in transactions', () => {
  let dir: string;
  let store: Store;
  let other: Database.Database;
  let deviceId: string;
  const failures: number[] = [];
  /** What another process sees on disk, not what this connection has queued. */
  const onDisk = () => other.prepare('SELECT COUNT(*) FROM ptp_samples').pluck().get() as number;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-samples-'));
    store = openStore(dir, { busyTimeoutMs: 50, sampleWrites: { flushEveryMs: 60_000, flushAtRows: 100, onFlushError: (_e, n) => failures.push(n) } });
    deviceId = store.devices.add({ transport: 'local', name: 'here', udsPath: '/var/run/ptp4l', pollIntervalMs: 1000 }).id;
    other = new Database(join(dir, 'syncscope.db'));
  });
  afterEach(() => {
    other.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
    failures.length = 0;
  });

  it('queues samples and writes them together, at once when the batch is full', () => {
    for (let i = 0; i < 99; i++) store.samples.insert(sample(deviceId, i));
    expect(onDisk()).toBe(0);
    store.samples.insert(sample(deviceId, 99));
    expect(onDisk()).toBe(100);
    store.samples.insert(sample(deviceId, 100));
    expect(store.samples.queued).toBe(1);
    // A reader of this engine always sees everything, queued or not.
    expect(store.samples.query(deviceId, 0, 1000, 1000).tMs.length).toBe(101);
  });

  it('keeps the batch while another process holds the write lock, and writes it afterwards', () => {
    other.exec('BEGIN IMMEDIATE');
    for (let i = 0; i < 3; i++) store.samples.insert(sample(deviceId, i));
    expect(store.samples.flush()).toBe(0);
    expect(failures).toEqual([3]);
    expect(store.samples.queued).toBe(3);
    other.exec('COMMIT');
    expect(store.samples.flush()).toBe(3);
    expect(onDisk()).toBe(3);
  });

  it('writes what is queued on close', () => {
    store.samples.insert(sample(deviceId, 1));
    store.close();
    expect(onDisk()).toBe(1);
    store = openStore(dir);
  });
});
