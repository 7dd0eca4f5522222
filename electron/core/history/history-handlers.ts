import type { Handlers } from '../../../shared/contract/dispatch';
import { summarizeDevices } from './device-summaries';
import { exportPage } from './export-pages';
import type { HistoryReader } from './history-reader';
import type { ReportScheduler } from './report-scheduler';
import { analyzeStoredTiming } from './timing-analysis';

type HistoryHandlers = Pick<
  Handlers,
  'history.devices' | 'history.summary' | 'history.timing' | 'history.export' | 'reports.schedules.list' | 'reports.schedules.save' | 'reports.schedules.remove' | 'reports.schedules.run'
>;

/** The history rows of the contract over whichever history a request names (live, or a session), and the report schedules. */
export function createHistoryHandlers(deps: { historyReader(sessionId?: string): HistoryReader; reportScheduler: ReportScheduler }): HistoryHandlers {
  const schedules = deps.reportScheduler;
  return {
    'reports.schedules.list': () => schedules.list(),
    'reports.schedules.save': ({ id, schedule }) => schedules.save(schedule, id),
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
