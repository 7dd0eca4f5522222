import type { Handlers } from '../../../shared/contract/dispatch';
import type { Actor } from '../../../shared/contract/envelope';
import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import { isLocalActor } from '../local-actor';
import { summarizeDevices } from './device-summaries';
import { exportPage } from './export-pages';
import type { HistoryReader } from './history-reader';
import type { ReportScheduler } from './report-scheduler';
import { analyzeStoredTiming } from './timing-analysis';

type HistoryHandlers = Pick<
  Handlers,
  'history.devices' | 'history.summary' | 'history.timing' | 'history.export' | 'reports.schedules.list' | 'reports.schedules.save' | 'reports.schedules.remove' | 'reports.schedules.run'
>;

/**
 * A schedule names a folder on the engine's machine that the engine will write into: a console on
 * another machine must not pick it. The desktop app (IPC), the CLI and loopback connections may.
 */
function assertLocalFolderActor(actor: Actor): void {
  if (!isLocalActor(actor)) throw new SyncscopeError(catalogError('history.schedule-folder-local-only', { address: actor.address || 'an unknown address' }));
}

/** The history rows of the contract over whichever history a request names (live, or a session), and the report schedules. */
export function createHistoryHandlers(deps: { historyReader(sessionId?: string): HistoryReader; reportScheduler: ReportScheduler }): HistoryHandlers {
  const schedules = deps.reportScheduler;
  return {
    'reports.schedules.list': () => schedules.list(),
    'reports.schedules.save': ({ id, schedule }, actor) => {
      assertLocalFolderActor(actor);
      return schedules.save(schedule, id);
    },
    'reports.schedules.remove': ({ id }) => {
      schedules.remove(id);
      return { removed: true as const };
    },
    'reports.schedules.run': ({ id }) => schedules.runNow(id),
    'history.devices': ({ sessionId }) => {
      const reader = deps.historyReader(sessionId);
      return { source: reader.source, span: reader.span(), devices: reader.devices() };
    },
    'history.summary': ({ sessionId, deviceIds, fromMs, toMs }) => summarizeDevices(deps.historyReader(sessionId), deviceIds, fromMs, toMs),
    'history.timing': ({ sessionId, ...request }) => analyzeStoredTiming(deps.historyReader(sessionId), request),
    'history.export': ({ sessionId, ...request }) => exportPage(deps.historyReader(sessionId), request),
  };
}
