import type { Handlers } from '../../../shared/contract/dispatch';
import { summarizeDevices } from './device-summaries';
import { exportPage } from './export-pages';
import type { HistoryReader } from './history-reader';
import { analyzeStoredTiming } from './timing-analysis';

type HistoryHandlers = Pick<Handlers, 'history.devices' | 'history.summary' | 'history.timing' | 'history.export'>;

/** The history rows of the contract over whichever history a request names (live, or a session). */
export function createHistoryHandlers(deps: { historyReader(sessionId?: string): HistoryReader }): HistoryHandlers {
  return {
    'history.devices': ({ sessionId }) => {
      const reader = deps.historyReader(sessionId);
      return { source: reader.source, span: reader.span(), devices: reader.devices() };
    },
    'history.summary': ({ sessionId, deviceIds, fromMs, toMs }) => summarizeDevices(deps.historyReader(sessionId), deviceIds, fromMs, toMs),
    'history.timing': ({ sessionId, ...request }) => analyzeStoredTiming(deps.historyReader(sessionId), request),
    'history.export': ({ sessionId, ...request }) => exportPage(deps.historyReader(sessionId), request),
  };
}
