import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FileKeyBox } from '../secrets/file-key-box';
import type { SecretBox } from '../secrets/secret-box';
import { openDatabase, type Db } from './db';
import { DevicesRepo } from './devices-repo';
import { RowSeriesStore } from './row-series-store';
import type { WriteQueueOptions } from './write-queue';

export interface Store {
  db: Db;
  devices: DevicesRepo;
  series: RowSeriesStore;
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
  const series = new RowSeriesStore(db, opts.seriesWrites);
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
