import type { DeviceEvent } from '../../series/device-event';
import type { PortStateTime } from './summary-types';

interface Acc {
  stateMs: Record<string, number>;
  offlineMs: number;
  disconnectedMs: number;
  unknownMs: number;
}

interface Track extends Acc {
  instance: string;
  port: string;
  state: string | null;
}

/**
 * Time in each port state per instance and port over [fromMs, toMs], from port-state and connection
 * events in time order (include the newest ones before the window: they give the state at its start).
 * While the device is not online its ports' states are unknown: that time is counted apart
 * (offlineMs, or disconnectedMs while the operator had disconnected it: a deliberate gap), and after a reconnect a port's time is unknown until its next port-state event (the
 * collector starts each port's timeline again). A history with no connection events at all (an
 * imported log) is taken as online throughout. Every port's times add up to the window.
 */
export function portStateTime(events: readonly DeviceEvent[], fromMs: number, toMs: number): Map<string, PortStateTime[]> {
  const tracks = new Map<string, Track>();
  // The device's own timeline, so a port first seen late starts with the time before it (offline or unknown).
  const device = { offlineMs: 0, onlineMs: 0, disconnectedMs: 0 };
  let online = true;
  let disconnected = false;
  let cursor = fromMs;
  const spend = (untilMs: number) => {
    const a = Math.max(cursor, fromMs);
    const b = Math.min(untilMs, toMs);
    if (b > a) {
      const ms = b - a;
      if (online) device.onlineMs += ms;
      else if (disconnected) device.disconnectedMs += ms;
      else device.offlineMs += ms;
      for (const t of tracks.values()) {
        if (!online && disconnected) t.disconnectedMs += ms;
        else if (!online) t.offlineMs += ms;
        else if (t.state === null) t.unknownMs += ms;
        else t.stateMs[t.state] = (t.stateMs[t.state] ?? 0) + ms;
      }
    }
    if (untilMs > cursor) cursor = untilMs;
  };
  for (const e of events) {
    if (e.tMs > toMs) break;
    spend(e.tMs);
    if (e.kind === 'connection') {
      online = e.to === 'online';
      disconnected = e.to === 'disconnected';
      if (!online) for (const t of tracks.values()) t.state = null;
    } else if (e.kind === 'port-state' && e.instance !== null) {
      const port = e.detail.port === undefined || e.detail.port === null ? '?' : String(e.detail.port);
      const key = `${e.instance}\u0000${port}`;
      let t = tracks.get(key);
      if (!t) tracks.set(key, (t = { instance: e.instance, port, state: null, stateMs: {}, offlineMs: device.offlineMs, disconnectedMs: device.disconnectedMs, unknownMs: device.onlineMs }));
      t.state = e.to;
      online = true;
      disconnected = false;
    }
  }
  spend(toMs);
  const out = new Map<string, PortStateTime[]>();
  const sorted = [...tracks.values()].sort((a, b) => a.instance.localeCompare(b.instance) || a.port.localeCompare(b.port, 'en', { numeric: true }));
  for (const t of sorted) {
    const list = out.get(t.instance) ?? [];
    list.push({ port: t.port, stateMs: t.stateMs, offlineMs: t.offlineMs, disconnectedMs: t.disconnectedMs, unknownMs: t.unknownMs });
    out.set(t.instance, list);
  }
  return out;
}
