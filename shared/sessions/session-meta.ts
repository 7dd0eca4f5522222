import { z } from 'zod';
import { SessionProfile } from './session-profile';

/**
 * A session: a named window of history (captured from the live store, or imported from logs) kept in
 * one portable SQLite file that a colleague opens read-only, with no device reachable. The file is
 * recognised by SQLite's application_id and versioned by user_version; its `session` table holds this
 * metadata, and series, points and events live in the store's own tables (same migrations, same queries).
 */

/** SQLite `PRAGMA application_id` of a session file: "SySe". A file without it is not a session. */
export const SESSION_APPLICATION_ID = 0x53795365;
/** SQLite `PRAGMA user_version` of a session file. A newer number is refused (made by a newer Syncscope). */
export const SESSION_FORMAT_VERSION = 1;
/** File name suffix of a session file in the data folder's `sessions/`. */
export const SESSION_FILE_SUFFIX = '.session.sqlite';

export const SessionId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'session id is malformed');
export const SessionName = z.string().trim().min(1, 'name the session').max(128, 'a session name is at most 128 characters');
export const SessionNotes = z.string().max(10_000, 'notes are at most 10,000 characters');

/**
 * wall: every time is the engine's or the log's wall clock (µs since the epoch).
 * relative: the log gave only linuxptp's `[seconds]` (CLOCK_MONOTONIC of the device, time since its
 * boot): times are that, counted from the epoch, and mean "seconds since boot", not a date.
 */
export const TimeBase = z.enum(['wall', 'relative']);
export type TimeBase = z.infer<typeof TimeBase>;

export const SessionSource = z.enum(['capture', 'import']);
export type SessionSource = z.infer<typeof SessionSource>;

/**
 * A device as a session keeps it. `profile` holds the profile without any secret (which login kind,
 * never the password or key; see session-profile.ts). Devices of an imported log have no profile:
 * they are named after the log's host (syslog/journal) or the file.
 */
export const SessionDevice = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  name: z.string().max(128),
  profile: SessionProfile.nullable(),
});
export type SessionDevice = z.infer<typeof SessionDevice>;

/** What the import of one file found (kept in the session, shown with it). */
export const ImportedFile = z.object({
  file: z.string().max(1024),
  bytes: z.number().int().min(0),
  lines: z.number().int().min(0),
  parsed: z.number().int().min(0),
  unparsed: z.number().int().min(0),
  /** How this file's times were read: wall (syslog/journal times) or relative (`[seconds]` only). */
  timeBase: TimeBase,
  importedAtMs: z.number(),
});
export type ImportedFile = z.infer<typeof ImportedFile>;

export const SessionMeta = z.object({
  id: SessionId,
  name: SessionName,
  notes: z.string().max(10_000),
  source: SessionSource,
  devices: z.array(SessionDevice),
  /** The window the session covers, ms (wall or relative, see timeBase); null while an import session is empty. */
  fromMs: z.number().nullable(),
  toMs: z.number().nullable(),
  createdAtMs: z.number(),
  /** The Syncscope engine version that wrote the file. */
  engineVersion: z.string().max(64),
  timeBase: TimeBase,
  files: z.array(ImportedFile),
});
export type SessionMeta = z.infer<typeof SessionMeta>;

/** A session as `sessions.list` shows it: its metadata and where the file is. */
export const SessionSummary = SessionMeta.extend({
  formatVersion: z.number().int(),
  /** Size of the session file, bytes. */
  bytes: z.number().int().min(0),
  /** Always true: a session is history, read without any device (the UI marks it offline). */
  offline: z.literal(true),
  /** New lines may be imported into it (an import session); a capture is a fixed record. */
  appendable: z.boolean(),
});
export type SessionSummary = z.infer<typeof SessionSummary>;
