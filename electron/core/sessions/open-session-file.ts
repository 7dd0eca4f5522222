import Database from 'better-sqlite3';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import { SESSION_APPLICATION_ID, SESSION_FORMAT_VERSION, type SessionMeta } from '../../../shared/sessions/session-meta';
import type { Db } from '../store/db';
import { migrations } from '../store/migrations';
import { readSessionMeta } from './session-tables';

/**
 * Opens a session file for reading only, after checking it is one: SQLite's header (magic, page
 * size, page count against the file's size), the session application_id, a format version this
 * engine reads, journal mode (a WAL file is unfinished), then SQLite's own quick_check and the
 * metadata row. The file is opened `readonly` + `fileMustExist` with `query_only` on, so nothing this
 * module does can change a byte of it, whatever the file holds.
 */

const HEADER_BYTES = 100;
const SQLITE_MAGIC = 'SQLite format 3\u0000';

export interface OpenSession {
  db: Db;
  meta: SessionMeta;
  formatVersion: number;
  /** Store migrations this engine has that the file lacks (a session written by an older Syncscope). */
  pendingMigrations: number;
}

function refuse(id: Parameters<typeof catalogError>[0], params: Record<string, string | number>): never {
  throw new SyncscopeError(catalogError(id, params));
}

/** Reads and checks the 100-byte header; returns the format version. */
export function checkSessionHeader(file: string): number {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return refuse('session.file-missing', { file });
  }
  try {
    const size = fstatSync(fd).size;
    const header = Buffer.alloc(HEADER_BYTES);
    const got = readSync(fd, header, 0, HEADER_BYTES, 0);
    if (got < HEADER_BYTES || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) return refuse('session.not-sqlite', { file });
    const rawPageSize = header.readUInt16BE(16);
    const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
    const pageCount = header.readUInt32BE(28);
    // The in-header page count is valid when the change counter matches "version-valid-for" (SQLite ≥ 3.7.0 writes both).
    const countValid = header.readUInt32BE(24) === header.readUInt32BE(92) && pageCount > 0;
    if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return refuse('session.corrupt', { file, detail: `page size ${rawPageSize} is not a power of two` });
    if (countValid && size < pageCount * pageSize) return refuse('session.truncated', { file, bytes: size, expected: pageCount * pageSize });
    if (header.readUInt32BE(68) !== SESSION_APPLICATION_ID) return refuse('session.foreign', { file });
    const version = header.readUInt32BE(60);
    if (version > SESSION_FORMAT_VERSION) return refuse('session.newer-format', { file, version, supported: SESSION_FORMAT_VERSION });
    if (version < 1) return refuse('session.foreign', { file });
    // Write/read format versions 2 mean WAL: the session was not finished (its pages may sit in a -wal beside it).
    if (header.readUInt8(18) === 2 || header.readUInt8(19) === 2) return refuse('session.unfinished', { file });
    return version;
  } finally {
    closeSync(fd);
  }
}

export function openSessionReadOnly(file: string, opts: { nativeBinding?: string } = {}): OpenSession {
  const formatVersion = checkSessionHeader(file);
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
    db.pragma('query_only = ON');
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') refuse('session.corrupt', { file, detail: String(check).slice(0, 200) });
    const known = new Set(migrations.map((m) => m.version));
    const applied = db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[];
    const unknown = applied.find((v) => !known.has(v));
    if (unknown !== undefined) refuse('session.newer-format', { file, version: `${formatVersion} (store schema ${unknown})`, supported: SESSION_FORMAT_VERSION });
    const meta = readSessionMeta(db);
    if (!meta) refuse('session.corrupt', { file, detail: 'its session metadata is missing or unreadable' });
    const have = new Set(applied);
    return { db, meta, formatVersion, pendingMigrations: migrations.filter((m) => !have.has(m.version)).length };
  } catch (err) {
    db?.close();
    if (err instanceof SyncscopeError) throw err;
    return refuse('session.corrupt', { file, detail: err instanceof Error ? err.message : String(err) });
  }
}
