import { DeviceSummaryBuilder } from '../../../shared/history/summary/device-summary';
import type { DeviceSummary } from '../../../shared/history/summary/summary-types';
import { historyDevice, type HistoryReader } from './history-reader';
import { eventPages, pointPages } from './history-pages';
import { yieldTurn } from './yield-turn';

/** Port-state and connection events before the window looked at for the states at its start. */
const PRIOR_EVENTS = 256;

/**
 * Summaries of several devices over one window, side by side, read page by page from a history
 * (live or a session): memory holds one page of points at a time, plus the window's events; the
 * event loop gets a turn between pages.
 */
export async function summarizeDevices(reader: HistoryReader, deviceIds: readonly string[], fromMs: number, requestedToMs: number): Promise<DeviceSummary[]> {
  // The future holds no states and no gaps yet: a window reaching past now is summarised up to now.
  const toMs = Math.max(fromMs, Math.min(requestedToMs, Date.now()));
  const out: DeviceSummary[] = [];
  for (const idOrName of deviceIds) {
    const device = historyDevice(reader, idOrName);
    const b = new DeviceSummaryBuilder({ deviceId: device.id, name: device.name, fromMs, toMs });
    for (const s of reader.listSeries(device.id)) {
      if (!DeviceSummaryBuilder.wants(s.metric)) continue;
      const sink = b.addSeries(s);
      for (const page of pointPages(reader, s.id, fromMs * 1000, toMs * 1000)) {
        sink(page);
        await yieldTurn();
      }
    }
    b.addEvents(reader.queryEvents({ deviceId: device.id, untilMs: fromMs - 1, kinds: ['port-state', 'connection'], limit: PRIOR_EVENTS }));
    for (const page of eventPages(reader, device.id, fromMs, toMs)) b.addEvents(page);
    out.push(b.finish());
  }
  return out;
}
