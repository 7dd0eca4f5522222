import { dispatch } from '../../../shared/contract/dispatch';
import type { Engine } from '../engine';
import type { FromHost, PortLike, ToHost } from './host-protocol';

/**
 * Serves the contract over a message port: each request is dispatched to the engine (validated there,
 * as for socket.io) and answered under its id; every engine event is pushed. Returns the unbinding.
 */
export function bindContractToPort(engine: Pick<Engine, 'handlers' | 'subscribe'>, port: PortLike<ToHost, FromHost>): () => void {
  const unsubscribe = engine.subscribe((msg) => port.postMessage({ type: 'event', msg }));
  const unlisten = port.onMessage((msg) => {
    if (msg.type !== 'request') return;
    void dispatch(engine.handlers, msg.raw, { origin: 'ipc' }).then((res) => port.postMessage({ type: 'response', id: msg.id, res }));
  });
  return () => {
    unlisten();
    unsubscribe();
  };
}
