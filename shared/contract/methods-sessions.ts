import { z } from 'zod';
import { DeviceId } from '../domain/device';
import { ImportId, ImportRequest } from '../sessions/import-progress';
import { SessionId, SessionName, SessionNotes, SessionSummary } from '../sessions/session-meta';
import { EventQuery, SeriesColumns, SeriesInfo, SeriesQuery, StoredEvent } from '../series/series-query';

/**
 * Sessions: named windows of history in portable files, captured from the live store or imported
 * from raw logs, read offline (joined into methods.ts). Progress of an import arrives as the
 * `sessions.importProgress` event; `sessions.changed` says the list changed.
 */
export const sessionMethods = {
  /** Every session of the data folder, newest first. */
  'sessions.list': {
    params: z.object({}).default({}),
    result: z.array(SessionSummary),
  },
  'sessions.get': {
    params: z.object({ id: SessionId }),
    result: SessionSummary,
  },
  /**
   * Copies the devices' series and events of [fromMs, toMs] from the live history into a new session
   * file; answers when it is written. Progress (with `captureId`, chosen by the caller) arrives as
   * `sessions.captureProgress`, so a window longer than a request's timeout can still be followed.
   */
  'sessions.capture': {
    params: z.object({ captureId: ImportId.optional(), name: SessionName, deviceIds: z.array(DeviceId).min(1).max(64), fromMs: z.number(), toMs: z.number(), notes: SessionNotes.default('') }),
    result: SessionSummary,
  },
  'sessions.delete': {
    params: z.object({ id: SessionId }),
    result: z.object({ deleted: z.literal(true) }),
  },
  /** A session file from elsewhere (path on the engine's machine): checked without changing it, then copied into the data folder. */
  'sessions.openFile': {
    params: z.object({ path: z.string().min(1).max(4096) }),
    result: SessionSummary,
  },
  /** The sample session shipped with Syncscope (real lab devices), for a first look without any device. */
  'sessions.openSample': {
    params: z.object({}).default({}),
    result: SessionSummary,
  },
  /** Starts importing raw logs into a session (created, or appended to); answers at once. */
  'sessions.import': {
    params: ImportRequest,
    result: z.object({ importId: ImportId, sessionId: SessionId }),
  },
  'sessions.importCancel': {
    params: z.object({ importId: ImportId }),
    result: z.object({ cancelled: z.literal(true) }),
  },
  /** A session's devices' series (same shape as series.list). */
  'sessions.series': {
    params: z.object({ id: SessionId, deviceId: z.string().max(64) }),
    result: z.array(SeriesInfo),
  },
  /** Points of a session's series (same as series.query; ids are the session's own). */
  'sessions.query': {
    params: z.object({ id: SessionId, query: SeriesQuery }),
    result: z.array(SeriesColumns),
  },
  /** A session device's events (same as events.query). */
  'sessions.events': {
    params: z.object({ id: SessionId, query: EventQuery }),
    result: z.array(StoredEvent),
  },
  /** The unparsed lines an import kept (the first 1000 of each import), with file and line number. */
  'sessions.unparsed': {
    params: z.object({ id: SessionId, limit: z.number().int().min(1).max(1000).default(200) }),
    result: z.array(z.object({ file: z.string(), lineNo: z.number().int(), text: z.string() })),
  },
} as const;
