import { z } from 'zod';
import { ErrorValue } from '../domain/errors';
import { SessionName } from './session-meta';

/** Import of raw logs into a session (`sessions.import`): what a caller asks, and the progress events it gets. */

export const ImportId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'import id is 8–64 letters, digits or -');

export const ImportRequest = z.object({
  /** Chosen by the caller (a UUID), so it can cancel before the import ends; one is made when absent. */
  importId: ImportId.optional(),
  /** The session to import into: created when no session has this name, appended to when an import session has it. */
  session: SessionName,
  /** Log files on the engine's machine, read in order. */
  paths: z.array(z.string().min(1).max(4096)).min(1).max(256),
  /**
   * Device name for lines whose log names no host (plain `ptp4l -m` output): default the file name
   * without its extension. Syslog and journal lines are kept apart by their host name.
   */
  device: z.string().trim().min(1).max(128).optional(),
  notes: z.string().max(10_000).optional(),
  /** Year of BSD syslog stamps (`Nov 25 01:23:45` has none): default the file's modification year. */
  year: z.number().int().min(1970).max(9999).optional(),
  /** UTC offset of BSD syslog stamps, minutes east (they carry no zone): default this machine's. */
  utcOffsetMinutes: z.number().int().min(-14 * 60).max(14 * 60).optional(),
});
export type ImportRequest = z.output<typeof ImportRequest>;

export const ImportState = z.enum(['running', 'done', 'cancelled', 'failed']);
export type ImportState = z.infer<typeof ImportState>;

/** Pushed on `sessions.importProgress` about every 250 ms while an import runs, and once when it ends. */
export const ImportProgress = z.object({
  importId: ImportId,
  sessionId: z.string(),
  session: z.string(),
  state: ImportState,
  /** The file being read now (or last). */
  file: z.string(),
  fileIndex: z.number().int().min(0),
  files: z.number().int().min(1),
  /** Bytes read over all files, and their total size. */
  bytesDone: z.number().int().min(0),
  bytesTotal: z.number().int().min(0),
  lines: z.number().int().min(0),
  /** Lines read into readings or events. */
  parsed: z.number().int().min(0),
  /** Lines no parser read: counted, the first ones kept in the session with their line numbers. */
  unparsed: z.number().int().min(0),
  /** Values flagged as another tool's placeholders (999999, -9999999999999999): kept, never charted. */
  placeholders: z.number().int().min(0),
  error: ErrorValue.nullable(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;
