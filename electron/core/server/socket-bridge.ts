import type { Server as SocketServer } from 'socket.io';
import { dispatch } from '../../../shared/contract/dispatch';
import { CHANNELS, type Response } from '../../../shared/contract/envelope';
import type { Engine } from '../engine';

/** Binds the contract to socket.io: requests with an ack, events broadcast to every console. */
export function bindContractToSocket(io: SocketServer, engine: Engine): () => void {
  io.on('connection', (socket) => {
    const actor = { origin: 'socket' as const, address: socket.handshake.address };
    socket.on(CHANNELS.request, (raw: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      void dispatch(engine.handlers, raw, actor).then((res: Response) => (ack as (r: Response) => void)(res));
    });
  });
  // Broadcasting encodes every event even to nobody: with no console connected, skip it.
  return engine.subscribe((msg) => {
    if (io.engine.clientsCount > 0) io.emit(CHANNELS.event, msg);
  });
}
