import { describe, expect, it } from 'vitest';
import type { EventMessage } from '../../shared/contract/events';
import type { Connection, DeviceStatus } from '../../shared/domain/status';
import { catalogError } from '../../shared/errors/catalog';
import { offlineTransition, OfflineNotices } from './offline-notices';

const status = (deviceId: string, connection: Connection, lastError: DeviceStatus['lastError'] = null): EventMessage => ({
  event: 'device.status',
  payload: { deviceId, connection, portState: null, lastError, lastSampleAtMs: null, nextRetryAtMs: null },
});
const devices = (...names: [string, string][]): EventMessage =>
  ({ event: 'devices.changed', payload: { devices: names.map(([id, name]) => ({ id, name })) } }) as unknown as EventMessage;

describe('offline notices', () => {
  it('decides on transitions between reachable and unreachable only', () => {
    expect(offlineTransition(undefined, 'offline').transition).toBeNull();
    expect(offlineTransition('up', 'offline')).toEqual({ settled: 'down', transition: 'went-offline' });
    expect(offlineTransition('down', 'offline').transition).toBeNull();
    expect(offlineTransition('down', 'connecting')).toEqual({ settled: 'down', transition: null });
    expect(offlineTransition('down', 'no-data')).toEqual({ settled: 'up', transition: 'back-online' });
    expect(offlineTransition('up', 'online').transition).toBeNull();
  });

  it('gives one notice per device per transition through a retry storm, naming the device and the reason', () => {
    const notices = new OfflineNotices('en');
    const refused = catalogError('internal.unexpected', { detail: 'connection refused' });
    const shown = [
      devices(['d1', 'gm-1'], ['d2', 'slave-2']),
      status('d1', 'connecting'),
      status('d1', 'online'),
      status('d2', 'offline', refused), // never reachable: not news
      status('d1', 'offline', refused),
      // what a dead device emits forever: two offline per retry, a connecting in between
      ...Array.from({ length: 20 }, (_, i) => status('d1', ['offline', 'offline', 'connecting'][i % 3] as Connection, refused)),
      status('d1', 'no-data'),
      status('d1', 'online'),
    ].flatMap((m) => notices.onEvent(m) ?? []);
    expect(shown).toEqual([
      { title: 'gm-1 went offline', body: 'Unexpected error: connection refused This is a bug in Syncscope; the engine log has details.' },
      { title: 'gm-1 is reachable again', body: '' },
    ]);
  });

  it('speaks the operator language and forgets removed devices', () => {
    const notices = new OfflineNotices('zh-CN');
    notices.onEvent(devices(['d1', 'gm-1']));
    notices.onEvent(status('d1', 'online'));
    expect(notices.onEvent(status('d1', 'offline'))?.title).toBe('gm-1 已离线');
    notices.onEvent(devices());
    notices.onEvent(devices(['d1', 'gm-1']));
    expect(notices.onEvent(status('d1', 'offline'))).toBeNull();
  });
});
