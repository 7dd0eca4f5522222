import type { DeviceView } from '../../../shared/domain/device';
import type { Reading, ReadingValue } from '../../../shared/series/series';
import type { SeriesInfo } from '../../../shared/series/series-query';
import type { SeriesStore } from '../store/series-store';

/**
 * Copies devices' series and events of a time window from the live store into a session's store,
 * one slice of time at a time with a turn of the event loop between slices, so polling and the
 * store's own writes go on while a long window is copied. Points of one device instance that share a
 * time become one reading again (as the poll or log line that made them), so the session's store
 * keeps them together.
 */

/** Ten minutes of an 8 Hz device with ~10 series is ~50k points: a few tens of ms per slice. */
export const CAPTURE_SLICE_MS = 10 * 60_000;
const EVENTS_PER_SLICE = 100_000;

export interface CaptureCounts {
  points: number;
  events: number;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

function readingsOf(deviceId: string, series: readonly SeriesInfo[], columns: ReturnType<SeriesStore['queryRange']>): Reading[] {
  const byId = new Map(series.map((s) => [s.id, s]));
  const byInstance = new Map<string, Map<number, ReadingValue[]>>();
  for (const col of columns) {
    const info = byId.get(col.id);
    if (!info) continue;
    let times = byInstance.get(info.instance);
    if (!times) byInstance.set(info.instance, (times = new Map()));
    const labels = Object.keys(info.labels).length > 0 ? { labels: info.labels } : {};
    for (let i = 0; i < col.tUs.length; i++) {
      const t = col.tUs[i] as number;
      let values = times.get(t);
      if (!values) times.set(t, (values = []));
      const flags = col.flags[i] ?? 0;
      values.push({ metric: info.metric, ...labels, value: col.value[i] ?? null, ...(flags ? { flags } : {}) });
    }
  }
  const out: Reading[] = [];
  for (const [instance, times] of byInstance) {
    for (const [tUs, values] of times) out.push({ deviceId, instance, tUs, deviceTimeNs: null, values });
  }
  return out.sort((a, b) => a.tUs - b.tUs);
}

/** After each slice: which device (index), how far into the window, and the totals so far. */
export type SliceDone = (deviceIndex: number, reachedMs: number, counts: CaptureCounts) => void;

export async function copyWindow(live: SeriesStore, into: SeriesStore, devices: readonly DeviceView[], fromMs: number, toMs: number, signal?: AbortSignal, onSlice: SliceDone = () => undefined): Promise<CaptureCounts> {
  const counts: CaptureCounts = { points: 0, events: 0 };
  const from = Math.floor(fromMs);
  const to = Math.ceil(toMs);
  for (const [deviceIndex, device] of devices.entries()) {
    const series = live.listSeries(device.id);
    for (let start = from; start <= to; start += CAPTURE_SLICE_MS) {
      signal?.throwIfAborted();
      // Whole ms, both ends in: [start, last] with every µs of the last ms.
      const last = Math.min(to, start + CAPTURE_SLICE_MS - 1);
      if (series.length > 0) {
        const columns = live.queryRange({ seriesIds: series.map((s) => s.id), fromUs: start * 1000, toUs: last * 1000 + 999 });
        const readings = readingsOf(device.id, series, columns);
        for (const r of readings) counts.points += r.values.length;
        into.appendReadings(readings);
      }
      const events = live.queryEvents({ deviceId: device.id, sinceMs: start, untilMs: last, limit: EVENTS_PER_SLICE });
      into.appendEvents(events.map(({ id: _id, ...e }) => e));
      counts.events += events.length;
      into.flush();
      onSlice(deviceIndex, last, counts);
      await turn();
    }
  }
  return counts;
}
