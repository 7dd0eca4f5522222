import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FileKeyBox } from '../secrets/file-key-box';
import type { SecretBox } from '../secrets/secret-box';
import { openDatabase, type Db } from './db';
import { DevicesRepo } from './devices-repo';
import { RowSeriesStore } from './row-series-store';
import type { SeriesStore } from './series-store';
import type { WriteQueueOptions } from './write-queue';

/** The series store as its owners use it: the SeriesStore interface plus counts for tests and progress. */
export interface HistoryStore extends SeriesStore {
  /** Readings and events waiting to be written. */
  readonly queued: number;
  /** Points stored for a device (every series). */
  pointCount(deviceId: string): number;
}

export interface SeriesStoreOptions {
  /** Batching of writes (flush interval, batch size, bound while the disk refuses writes). */
  writes?: WriteQueueOptions;
}

/**
 * The series store over an open, migrated database (the engine's `syncscope.db`, or a session's
 * SQLite file opened with openDatabase): the same tables, the same queries, whichever file it is.
 */
export function createSeriesStore(db: Db, opts: SeriesStoreOptions = {}): HistoryStore {
  return new RowSeriesStore(db, opts.writes);
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
}

/** Everything the engine keeps in a data directory: `syncscope.db` and, headless, `secret.key`. */
export function openStore(dataDir: string, opts: StoreOptions = {}): Store {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = openDatabase(join(dataDir, 'syncscope.db'), {
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    ...(opts.busyTimeoutMs !== undefined ? { busyTimeoutMs: opts.busyTimeoutMs } : {}),
  });
  const box = opts.secretBox ?? new FileKeyBox(join(dataDir, 'secret.key'));
  const series = createSeriesStore(db, opts.seriesWrites ? { writes: opts.seriesWrites } : {});
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
