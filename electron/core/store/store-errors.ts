import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';

/** True for better-sqlite3's errors (SqliteError carries SQLite's result code, e.g. SQLITE_BUSY). */
function sqliteCode(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/** A database failure as an error a person can act on; anything else passes through unchanged. `queued`/`limit` describe the write queue for a full disk. */
export function storeError(err: unknown, dataDir: string, queue: { queued: number; limit: number } = { queued: 0, limit: 0 }): unknown {
  const code = sqliteCode(err);
  if (code === null) return err;
  if (code.startsWith('SQLITE_FULL')) return new SyncscopeError(catalogError('store.disk-full', { dir: dataDir, queued: queue.queued, limit: queue.limit }));
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new SyncscopeError(catalogError('store.busy', { dir: dataDir }));
  return new SyncscopeError(catalogError('store.failed', { dir: dataDir, detail: `${(err as Error).message} (${code})` }));
}
