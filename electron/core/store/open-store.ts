import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FileKeyBox } from '../secrets/file-key-box';
import type { SecretBox } from '../secrets/secret-box';
import { openDatabase, type Db } from './db';
import { DevicesRepo } from './devices-repo';
import { ChunkSeriesStore, type ChunkStoreOptions } from './chunk-series-store';
import type { SeriesStore } from './series-store';
import type { WriteQueueOptions } from './write-queue';

/** The series store as its owners use it: the SeriesStore interface plus what tests, imports and the engine need. */
export interface HistoryStore extends SeriesStore {
  /** Readings and events waiting to be written. */
  readonly queued: number;
  /** Why the last write failed (e.g. the disk is full), until a write succeeds again; null while writing. */
  readonly writeFailure: unknown;
  /** Points stored for a device (every series). */
  pointCount(deviceId: string): number;
  /** The device's own times of a (device, instance)'s readings: exact ns decimals, null where a reading had none. */
  queryDeviceTimes(deviceId: string, instance: string, fromUs: number, toUs: number): { tUs: number[]; deviceTimeNs: (string | null)[] };
  /** Writes what is queued, then does the background work (sealing, hour rollups, conversion, retention) until none is due. */
  settle(): void;
}

/**
 * writes: batching (flush interval, batch size, bound while the disk refuses writes); retention per
 * tier (default raw 14 days, minutes 180 days, hours and days kept; KEEP_ALL for a session);
 * background: run the background work on a timer (only the process that writes the file).
 */
export type SeriesStoreOptions = ChunkStoreOptions;

/**
 * The series store over an open, migrated database (the engine's `syncscope.db`, or a session's
 * SQLite file opened with openDatabase): the same tables, the same queries, whichever file it is.
 */
export function createSeriesStore(db: Db, opts: SeriesStoreOptions = {}): HistoryStore {
  return new ChunkSeriesStore(db, opts);
}

export interface Store {
  db: Db;
  devices: DevicesRepo;
  series: HistoryStore;
  /** Writes queued readings and events, then closes the database. */
  close(): void;
}

export interface StoreOptions {
  secretBox?: SecretBox;
  nativeBinding?: string;
  busyTimeoutMs?: number;
  seriesWrites?: WriteQueueOptions;
  /** Options of the series store beyond its writes (retention, background work). */
  series?: Omit<SeriesStoreOptions, 'writes'>;
}

/** Everything the engine keeps in a data directory: `syncscope.db` and, headless, `secret.key`. */
export function openStore(dataDir: string, opts: StoreOptions = {}): Store {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = openDatabase(join(dataDir, 'syncscope.db'), {
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    ...(opts.busyTimeoutMs !== undefined ? { busyTimeoutMs: opts.busyTimeoutMs } : {}),
  });
  const box = opts.secretBox ?? new FileKeyBox(join(dataDir, 'secret.key'));
  const series = createSeriesStore(db, { ...opts.series, ...(opts.seriesWrites ? { writes: opts.seriesWrites } : {}) });
  return {
    db,
    devices: new DevicesRepo(db, box),
    series,
    close: () => {
      series.close();
      db.close();
    },
  };
}
