import { io } from 'socket.io-client';
import { EngineClient, type ContractTransport } from '../../../shared/contract/client';
import { dispatch } from '../../../shared/contract/dispatch';
import { socketTransport } from '../../../shared/contract/socket-transport';
import { SyncscopeError } from '../../../shared/domain/errors';
import { Engine } from '../engine';
import { createLogger } from '../log';

export interface Access {
  client: EngineClient;
  close(): Promise<void>;
}

/** The CLI talks to a running server over socket.io, or opens the data dir itself (no collectors). */
export async function openAccess(opts: { server?: string; data: string }): Promise<Access> {
  if (opts.server) {
    const url = opts.server;
    const socket = io(url, { transports: ['websocket'], reconnection: false, timeout: 5000 });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (err: Error) =>
        reject(new SyncscopeError({ code: 'internal', message: `Cannot reach a Syncscope server at ${url}: ${err.message}.`, hint: 'Check the URL and that `syncscope serve` runs there.' })),
      );
    });
    const client = new EngineClient(socketTransport(socket, url));
    return { client, close: async () => { client.close(); socket.close(); } };
  }
  const engine = new Engine({ dataDir: opts.data, processMetrics: false, collect: false, log: createLogger({ level: 'warn' }) });
  const local: ContractTransport = {
    request: (req) => dispatch(engine.handlers, req, { origin: 'cli' }),
    subscribe: () => () => undefined,
  };
  const client = new EngineClient(local);
  return { client, close: async () => { client.close(); await engine.close(); } };
}
