import { useEffect } from 'react';
import type { SessionSummary } from '../../../shared/sessions/session-meta';
import { useEngine } from '../engine/EngineContext';
import { usePolled, type Polled } from '../device/use-polled';

/** The data folder's sessions, read again whenever the engine says the list changed. */
export function useSessions(): Polled<SessionSummary[]> {
  const { client } = useEngine();
  const list = usePolled(() => client.call('sessions.list', {}), null, [client]);
  const { refresh } = list;
  useEffect(() => client.on('sessions.changed', () => refresh()), [client, refresh]);
  return list;
}
