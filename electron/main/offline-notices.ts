import type { EventMessage } from '../../shared/contract/events';
import type { Connection, DeviceStatus } from '../../shared/domain/status';
import { errorText } from '../../shared/errors/catalog';
import type { ErrorLanguage } from '../../shared/errors/catalog-types';

/** Where a device settled: reachable (online, no-data) or not. `connecting` and `idle` settle nothing. */
type Settled = 'up' | 'down';

const SETTLED: Record<Connection, Settled | null> = { online: 'up', 'no-data': 'up', 'awaiting-host-key': null, offline: 'down', connecting: null, idle: null, disconnected: null };

export type Transition = 'went-offline' | 'back-online';

/**
 * The one decision: a notice only when a device moves between reachable and unreachable. A device
 * that retries forever emits offline → connecting → offline…: all `down`, so one notice in all.
 * A device never seen reachable (offline from the start) is not news.
 */
export function offlineTransition(previous: Settled | undefined, connection: Connection): { settled: Settled | undefined; transition: Transition | null } {
  const now = SETTLED[connection];
  if (!now || now === previous) return { settled: previous, transition: null };
  if (now === 'down') return { settled: now, transition: previous === 'up' ? 'went-offline' : null };
  return { settled: now, transition: previous === 'down' ? 'back-online' : null };
}

export interface Notice {
  title: string;
  body: string;
}

const TEXT: Record<ErrorLanguage, Record<Transition, (name: string) => string>> = {
  en: { 'went-offline': (n) => `${n} went offline`, 'back-online': (n) => `${n} is reachable again` },
  'zh-CN': { 'went-offline': (n) => `${n} 已离线`, 'back-online': (n) => `${n} 已恢复连接` },
};

/** Follows the engine's events and returns a notice for each transition, naming the device and the reason. */
export class OfflineNotices {
  private readonly settled = new Map<string, Settled>();
  private readonly names = new Map<string, string>();

  constructor(private readonly lang: ErrorLanguage) {}

  onEvent(msg: EventMessage): Notice | null {
    if (msg.event === 'devices.changed') {
      this.names.clear();
      for (const d of msg.payload.devices) this.names.set(d.id, d.name);
      for (const id of [...this.settled.keys()]) if (!this.names.has(id)) this.settled.delete(id);
      return null;
    }
    if (msg.event !== 'device.status') return null;
    return this.onStatus(msg.payload);
  }

  private onStatus(status: DeviceStatus): Notice | null {
    const { settled, transition } = offlineTransition(this.settled.get(status.deviceId), status.connection);
    if (settled) this.settled.set(status.deviceId, settled);
    if (!transition) return null;
    const title = TEXT[this.lang][transition](this.names.get(status.deviceId) ?? status.deviceId);
    const reason = transition === 'went-offline' && status.lastError ? errorText(status.lastError, this.lang) : null;
    return { title, body: reason ? [reason.message, reason.hint].filter(Boolean).join(' ') : '' };
  }
}
