import { useEffect } from 'react';
import type { Alarm } from '../../../shared/alarms/alarm-model';
import { usePolled, type Polled } from '../device/use-polled';
import { useEngine } from '../engine/EngineContext';

/** Alarms not resolved (or the recent history), read again whenever the engine says alarms changed. */
export function useAlarms(which: 'active' | 'history'): Polled<Alarm[]> {
  const { client } = useEngine();
  const list = usePolled(() => (which === 'active' ? client.call('alarms.active', {}) : client.call('alarms.list', { limit: 500 })), null, [client, which]);
  const { refresh } = list;
  useEffect(() => client.on('alarms.changed', () => refresh()), [client, refresh]);
  return list;
}
