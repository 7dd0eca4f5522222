import type { HistoryReader } from '../history/history-reader';
import type { SessionService } from './session-service';

/**
 * A session as a HistoryReader (what export, reports and the timing analysis read): its read-only
 * store, its devices as the session named them, and its window. Found by id or by the name a person typed.
 */
export function sessionHistoryReader(sessions: SessionService, idOrName: string): HistoryReader {
  const id = sessions.find(idOrName)?.id ?? idOrName;
  const reader = sessions.reader(id);
  const { meta } = reader;
  return {
    source: { kind: 'session', id: meta.id, name: meta.name },
    devices: () => meta.devices.map((d) => ({ id: d.id, name: d.name })),
    span: () => (meta.fromMs !== null && meta.toMs !== null ? { fromMs: meta.fromMs, toMs: meta.toMs } : null),
    listSeries: (deviceId) => reader.store.listSeries(deviceId),
    queryRange: (q) => reader.store.queryRange(q),
    queryEvents: (q) => reader.store.queryEvents(q),
    queryRollups: (id, fromUs, toUs) => reader.store.queryRollups(id, fromUs, toUs),
  };
}
