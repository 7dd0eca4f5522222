import { copyFileSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { SESSION_APPLICATION_ID, SESSION_FILE_SUFFIX, SESSION_FORMAT_VERSION, type SessionMeta } from '../../../shared/sessions/session-meta';
import { openDatabase, type Db } from '../store/db';
import { SESSION_TABLES_SQL, writeDeviceRows, writeSessionMeta } from './session-tables';

/**
 * Every file write of sessions, in one module (lint's fs allowlist names it): the `sessions/` folder,
 * a session file being made (written under a `.partial` name and renamed when finished, so a half-made
 * file never lists as a session), a copy of a file a colleague sent, and deletion. Session ids are
 * validated ([a-z0-9-]) before they become file names, so no name leaves the folder.
 */

export function sessionsDir(dataDir: string): string {
  return join(dataDir, 'sessions');
}

export function sessionPath(dataDir: string, id: string): string {
  if (!/^[a-z0-9-]{1,64}$/.test(id)) throw new Error(`session id ${JSON.stringify(id)} is malformed`);
  return join(sessionsDir(dataDir), `${id}${SESSION_FILE_SUFFIX}`);
}

/** A session file being written: the open database and where it goes when finished. */
export interface SessionWriter {
  db: Db;
  readonly path: string;
  readonly partialPath: string;
}

/** A new session file: the store's schema (its migrations), the session tables, id and format version, the metadata and device rows. */
export function createSessionFile(dataDir: string, meta: SessionMeta): SessionWriter {
  mkdirSync(sessionsDir(dataDir), { recursive: true, mode: 0o700 });
  const path = sessionPath(dataDir, meta.id);
  const partialPath = `${path}.partial`;
  rmSync(partialPath, { force: true });
  const db = openDatabase(partialPath);
  try {
    db.pragma(`application_id = ${SESSION_APPLICATION_ID}`);
    db.pragma(`user_version = ${SESSION_FORMAT_VERSION}`);
    db.exec(SESSION_TABLES_SQL);
    db.transaction(() => {
      writeSessionMeta(db, meta);
      writeDeviceRows(db, meta.devices, meta.createdAtMs);
    })();
  } catch (err) {
    db.close();
    rmSync(partialPath, { force: true });
    throw err;
  }
  return { db, path, partialPath };
}

/** An import session of this data folder, reopened to append (it is ours: its bytes may change). */
export function reopenSessionFile(dataDir: string, id: string): SessionWriter {
  const path = sessionPath(dataDir, id);
  return { db: openDatabase(path), path, partialPath: path };
}

/**
 * Writes the final metadata and makes the file portable: the WAL folded in and journal_mode DELETE
 * (one self-contained file that opens read-only without -wal/-shm beside it), vacuumed, then renamed
 * into place.
 */
export function finishSessionFile(w: SessionWriter, meta: SessionMeta): void {
  try {
    w.db.transaction(() => {
      writeSessionMeta(w.db, meta);
      writeDeviceRows(w.db, meta.devices, meta.createdAtMs);
    })();
    w.db.pragma('journal_mode = DELETE');
    w.db.exec('VACUUM');
  } finally {
    w.db.close();
  }
  if (w.partialPath !== w.path) renameSync(w.partialPath, w.path);
}

/**
 * Brings a session of this data folder (ours: captured here, or a copy of one received) to this
 * engine's store schema, so the store's queries read it; the file stays one self-contained file.
 */
export function upgradeSessionFile(path: string): void {
  const db = openDatabase(path);
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/** Drops a session being made (failed or cancelled before anything was kept). */
export function abandonSessionFile(w: SessionWriter): void {
  try {
    // An appended session keeps what it had: fold its WAL back so it opens read-only again.
    if (w.partialPath === w.path) w.db.pragma('journal_mode = DELETE');
  } finally {
    w.db.close();
    if (w.partialPath !== w.path) for (const suffix of ['', '-wal', '-shm']) rmSync(`${w.partialPath}${suffix}`, { force: true });
  }
}

export function deleteSessionFile(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

/** Copies a validated file a colleague sent into `sessions/` under its session id (the original is only read). */
export function copySessionFile(dataDir: string, from: string, id: string): string {
  mkdirSync(sessionsDir(dataDir), { recursive: true, mode: 0o700 });
  const to = sessionPath(dataDir, id);
  const partial = join(sessionsDir(dataDir), `.${basename(to)}.copy`);
  copyFileSync(from, partial);
  renameSync(partial, to);
  return to;
}
