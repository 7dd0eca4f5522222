import type { DeviceEvent } from '../../shared/series/device-event';
import { POINT_FLAGS, type Reading } from '../../shared/series/series';
import type { Store } from '../../electron/core/store/open-store';

export interface FilledDevice {
  id: string;
  name: string;
}

export interface FillOptions {
  name: string;
  startMs: number;
  seconds: number;
  /** Samples per second. */
  hz: number;
  /** TE at sample i, ns; null writes a stale gap marker. */
  offsetAt: (i: number) => number | null;
  /** Path delay at sample i, ns (default 500). */
  pathDelayAt?: (i: number) => number;
}

/**
 * A device with `seconds` of offsets and path delays written through the real store (its append and
 * flush), with a port going LISTENING → SLAVE at the start and a grandmaster change half-way: what
 * history tests read back.
 */
export function fillHistory(store: Store, o: FillOptions): FilledDevice {
  const d = store.devices.add({ transport: 'local', name: o.name, udsPath: '/var/run/ptp4l', pollIntervalMs: 1000 });
  const n = Math.round(o.seconds * o.hz);
  const batch: Reading[] = [];
  for (let i = 0; i < n; i++) {
    const v = o.offsetAt(i);
    batch.push({
      deviceId: d.id,
      instance: 'ptp4l',
      tUs: o.startMs * 1000 + Math.round((i * 1e6) / o.hz),
      deviceTimeNs: null,
      values: [
        v === null ? { metric: 'ptp.offset_from_master', value: null, flags: POINT_FLAGS.stale } : { metric: 'ptp.offset_from_master', value: v },
        { metric: 'ptp.mean_path_delay', value: o.pathDelayAt ? o.pathDelayAt(i) : 500 },
      ],
    });
    if (batch.length === 5000) store.series.appendReadings(batch.splice(0));
  }
  store.series.appendReadings(batch);
  const ev = (s: number, kind: DeviceEvent['kind'], from: string | null, to: string | null, detail: DeviceEvent['detail'] = {}): DeviceEvent => ({ deviceId: d.id, instance: 'ptp4l', kind, from, to, detail, tMs: o.startMs + s * 1000 });
  store.series.appendEvents([ev(0, 'port-state', null, 'LISTENING', { port: 1 }), ev(2, 'port-state', 'LISTENING', 'SLAVE', { port: 1 }), ev(o.seconds / 2, 'gm-change', 'aaaa.fffe.000001', 'bbbb.fffe.000002')]);
  store.series.flush();
  return { id: d.id, name: d.name };
}
