import type { ErrorValue } from '../domain/errors';
import { catalogError } from '../errors/catalog';
import type { ContractTransport } from './client';
import { CHANNELS, type Request, type Response } from './envelope';
import type { EventMessage } from './events';
import { LONG_REQUESTS_MS } from './methods-config';

/** The part of a socket.io client socket the contract needs (so shared/ never imports socket.io). */
export interface SocketLike {
  readonly connected: boolean;
  emit(event: string, ...args: unknown[]): unknown;
  // socket.io types listeners with any[]; a narrower type here would not accept its Socket.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  on(event: string, fn: (...args: any[]) => void): unknown;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  off(event: string, fn: (...args: any[]) => void): unknown;
}

export function lostEngine(url: string): ErrorValue {
  return catalogError('contract.engine-lost', { url });
}

/**
 * The contract over socket.io: a request is one emit with an ack; events arrive on one channel.
 * Used by the browser console and by the CLI's `--server` mode alike.
 */
export function socketTransport(socket: SocketLike, url: string, timeoutMs = 30_000): ContractTransport {
  return {
    request(req: Request): Promise<Response> {
      if (!socket.connected) return Promise.resolve({ ok: false, error: lostEngine(url) });
      return new Promise<Response>((resolve) => {
        // A config push answers when it has ended (minutes, at worst): it gets its own bound.
        const ms = LONG_REQUESTS_MS[req.method] ?? timeoutMs;
        const timer = setTimeout(() => resolve({ ok: false, error: catalogError('contract.engine-timeout', { url, method: req.method, seconds: ms / 1000 }) }), ms);
        socket.emit(CHANNELS.request, req, (res: Response) => {
          clearTimeout(timer);
          resolve(res);
        });
      });
    },
    subscribe(listener: (msg: EventMessage) => void): () => void {
      const fn = (msg: EventMessage) => listener(msg);
      socket.on(CHANNELS.event, fn);
      return () => socket.off(CHANNELS.event, fn);
    },
  };
}
