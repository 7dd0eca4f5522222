import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import type { SeriesRollups } from '../../../shared/history/rollup/rollup-rows';
import type { EventQuery, SeriesColumns, SeriesInfo, StoredEvent } from '../../../shared/series/series-query';
import type { DevicesRepo } from '../store/devices-repo';
import type { RangeQuery, SeriesStore } from '../store/series-store';
import { storeError } from '../store/store-errors';

/** A device as a history knows it: its id and the name it had (a session keeps the name it was captured with). */
export interface HistoryDevice {
  id: string;
  name: string;
}

/** Where a history lives: the engine's own store, or a session (captured or imported, in its own file). */
export type HistorySource = { kind: 'live' } | { kind: 'session'; id: string; name: string };

/**
 * Read-only access to stored history, whichever file holds it: what the summary, timing analysis,
 * export and reports read. The live engine store implements it here; sessions implement it over
 * their own SQLite file and are found through the resolver the engine is given
 * (Engine.setSessionHistoryResolver). Queries follow SeriesStore: `queryRange` with `latest` and no
 * `maxPoints` answers raw points (the newest `latest` of the range); `queryEvents` the newest `limit`.
 */
export interface HistoryReader {
  readonly source: HistorySource;
  devices(): HistoryDevice[];
  /** The window the history covers (a session's); null for the live store, which keeps growing. */
  span(): { fromMs: number; toMs: number } | null;
  listSeries(deviceId: string): SeriesInfo[];
  queryRange(q: RangeQuery): SeriesColumns[];
  queryEvents(q: EventQuery): StoredEvent[];
  /** Minute, hour and day rollup rows of one series overlapping [fromUs, toUs]. */
  queryRollups(seriesId: number, fromUs: number, toUs: number): SeriesRollups;
}

/** Finds a session's history by id (or the name a person typed); throws a catalog error when there is none. */
export type SessionHistoryResolver = (sessionId: string) => HistoryReader;

/** The live engine store as a HistoryReader; a database error becomes the store's error value. */
export function liveHistoryReader(devices: DevicesRepo, series: SeriesStore, dataDir: string): HistoryReader {
  const read = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof SyncscopeError) throw err;
      throw storeError(err, dataDir);
    }
  };
  return {
    source: { kind: 'live' },
    devices: () => read(() => devices.list().map((d) => ({ id: d.id, name: d.name }))),
    span: () => null,
    listSeries: (deviceId) => read(() => series.listSeries(deviceId)),
    queryRange: (q) => read(() => series.queryRange(q)),
    queryEvents: (q) => read(() => series.queryEvents(q)),
    queryRollups: (id, fromUs, toUs) => read(() => series.queryRollups(id, fromUs, toUs)),
  };
}

/** What asking for a session's history does before the sessions module registers its resolver. */
export const noSessions: SessionHistoryResolver = (sessionId) => {
  throw new SyncscopeError(catalogError('history.no-such-session', { session: sessionId }));
};

/** The device of a history by id or by name (case-insensitive), or a not-found error naming the ones it has. */
export function historyDevice(reader: HistoryReader, idOrName: string): HistoryDevice {
  const all = reader.devices();
  const wanted = idOrName.toLowerCase();
  const found = all.find((d) => d.id === idOrName) ?? all.find((d) => d.name.toLowerCase() === wanted);
  if (found) return found;
  const devices = all.map((d) => d.name).join(', ') || '-';
  throw new SyncscopeError(
    reader.source.kind === 'live'
      ? catalogError('history.device-not-in-history', { device: idOrName, devices })
      : catalogError('history.device-not-in-session', { session: reader.source.name, device: idOrName, devices }),
  );
}
