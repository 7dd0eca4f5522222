import type { Handlers } from '../../../shared/contract/dispatch';
import type { Actor } from '../../../shared/contract/envelope';
import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import type { Engine } from '../engine';
import { ENGINE_VERSION } from '../engine';
import { isLocalActor } from '../local-actor';
import { sampleSessionPath } from './sample-session-path';
import { sessionHistoryReader } from './session-history-reader';
import { SessionService } from './session-service';

type SessionHandlers = Pick<Handlers, `sessions.${string}` & keyof Handlers>;

/** The service of an engine's data folder, made with its handlers (one per engine). */
export function createSessionService(engine: Engine): SessionService {
  const service = new SessionService({
    dataDir: engine.dataDir,
    engineVersion: ENGINE_VERSION,
    live: engine.series,
    device: (id) => engine.devices.get(id),
    emitProgress: (payload) => engine.emit({ event: 'sessions.importProgress', payload }),
    emitCaptureProgress: (payload) => engine.emit({ event: 'sessions.captureProgress', payload }),
    changed: () => engine.emit({ event: 'sessions.changed', payload: {} }),
    sampleFile: sampleSessionPath(),
  });
  // Export, reports and the timing analysis read a session through the engine's historyReader(sessionId).
  engine.setSessionHistoryResolver((idOrName) => sessionHistoryReader(service, idOrName));
  return service;
}

/**
 * Import and openFile name files on the engine's machine and keep what they read (unparsed lines
 * included) where any console can read it back: a console on another machine must not make the
 * engine read its files. The desktop app (IPC), an in-process CLI and loopback connections may.
 */
export function assertLocalActor(actor: Actor): void {
  if (!isLocalActor(actor)) throw new SyncscopeError(catalogError('session.paths-local-only', { address: actor.address || 'an unknown address' }));
}

export function createSessionHandlers(sessions: SessionService): SessionHandlers {
  return {
    'sessions.list': () => sessions.list(),
    'sessions.get': ({ id }) => sessions.get(id),
    'sessions.capture': (req) => sessions.capture(req),
    'sessions.delete': ({ id }) => {
      sessions.delete(id);
      return { deleted: true as const };
    },
    'sessions.openFile': ({ path }, actor) => {
      assertLocalActor(actor);
      return sessions.openFile(path);
    },
    'sessions.openSample': () => sessions.openSample(),
    'sessions.import': (req, actor) => {
      assertLocalActor(actor);
      return sessions.startImport(req);
    },
    'sessions.importCancel': ({ importId }) => {
      sessions.cancelImport(importId);
      return { cancelled: true as const };
    },
    'sessions.series': ({ id, deviceId }) => sessions.reader(id).store.listSeries(deviceId),
    'sessions.query': ({ id, query: { seriesIds, keys, fromMs, toMs, maxPoints } }) =>
      sessions.reader(id).store.queryRange({ ...(seriesIds ? { seriesIds } : {}), ...(keys ? { keys } : {}), fromUs: fromMs * 1000, toUs: toMs * 1000, maxPoints }),
    'sessions.events': ({ id, query }) => sessions.reader(id).store.queryEvents(query),
    'sessions.unparsed': ({ id, limit }) =>
      sessions
        .reader(id)
        .db.prepare('SELECT file, line_no AS lineNo, text FROM session_unparsed ORDER BY rowid LIMIT ?')
        .all(limit) as { file: string; lineNo: number; text: string }[],
  };
}
