import type { IncomingMessage } from 'node:http';
import type { Server as SocketServer } from 'socket.io';
import { dispatch } from '../../../shared/contract/dispatch';
import { CHANNELS, type Response } from '../../../shared/contract/envelope';
import type { Engine } from '../engine';

/** Only pages served by this engine (or clients that send no Origin, like the CLI) may connect. */
export function sameOriginOnly(req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void): void {
  const origin = req.headers.origin;
  if (!origin) return callback(null, true);
  try {
    callback(null, new URL(origin).host === req.headers.host);
  } catch {
    callback('bad origin', false);
  }
}

/** Binds the contract to socket.io: requests with an ack, events broadcast to every console. */
export function bindContractToSocket(io: SocketServer, engine: Engine): () => void {
  io.on('connection', (socket) => {
    const actor = { origin: 'socket' as const, address: socket.handshake.address };
    socket.on(CHANNELS.request, (raw: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      void dispatch(engine.handlers, raw, actor).then((res: Response) => (ack as (r: Response) => void)(res));
    });
  });
  return engine.subscribe((msg) => io.emit(CHANNELS.event, msg));
}
