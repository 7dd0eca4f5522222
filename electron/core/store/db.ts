import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import { migrate } from './migrate';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of a better-sqlite3 native addon built for this runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string;
  /** How long a write waits for another process's write lock before failing with SQLITE_BUSY. */
  busyTimeoutMs?: number;
}

/** Opens (creating if needed) the engine's SQLite file: WAL, foreign keys, migrated. */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let db: Db | undefined;
  try {
    db = new Database(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
    // Only takes on a new file (before its first table): retention's freed pages can then be handed back.
    db.pragma('auto_vacuum = INCREMENTAL');
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${Math.trunc(opts.busyTimeoutMs ?? 5000)}`);
    db.pragma('synchronous = NORMAL');
    migrate(db, undefined, file);
  } catch (err) {
    db?.close();
    if (err instanceof SyncscopeError) throw err;
    throw new SyncscopeError(catalogError('store.open-failed', { file, detail: err instanceof Error ? err.message : String(err) }));
  }
  return db;
}
