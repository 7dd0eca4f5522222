import type { EngineClient } from '../../../shared/contract';
import type { SeriesColumns } from '../../../shared/series/series-query';

/** A range of stored points, at most `maxPoints` (the chart's width in pixels), from whichever tier the store picks. */
export interface RangeQuery {
  seriesIds: number[];
  fromMs: number;
  toMs: number;
  maxPoints: number;
}

/** Where a chart's history comes from: the live store (`series.query`) or a session file (`sessions.query`). */
export type HistoryQuery = (q: RangeQuery) => Promise<SeriesColumns[]>;

export function liveHistory(client: EngineClient): HistoryQuery {
  return (q) => client.call('series.query', q);
}

export function sessionHistory(client: EngineClient, sessionId: string): HistoryQuery {
  return (query) => client.call('sessions.query', { id: sessionId, query });
}
