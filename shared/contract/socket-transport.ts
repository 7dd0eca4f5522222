import type { ErrorValue } from '../domain/errors';
import type { ContractTransport } from './client';
import { CHANNELS, type Request, type Response } from './envelope';
import type { EventMessage } from './events';

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
  return { code: 'internal', message: `Lost connection to the Syncscope engine at ${url}.`, hint: 'Check that `syncscope serve` is still running; the console reconnects by itself.' };
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
        const timer = setTimeout(() => resolve({ ok: false, error: { ...lostEngine(url), message: `The Syncscope engine at ${url} did not answer ${req.method} within ${timeoutMs / 1000} s.` } }), timeoutMs);
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
