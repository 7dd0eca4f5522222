import { io } from 'socket.io-client';
import { EngineClient, type ContractTransport } from '../../../shared/contract/client';
import { dispatch } from '../../../shared/contract/dispatch';
import { socketTransport } from '../../../shared/contract/socket-transport';
import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import { Engine } from '../engine';
import { createLogger } from '../log';

export interface Access {
  client: EngineClient;
  /** True when talking to a running server (which can say how each device is doing). */
  live: boolean;
  close(): Promise<void>;
}

/**
 * The CLI talks to a running server over socket.io, or opens the data dir itself. The latter polls
 * nothing and takes no data-dir lock, so it works beside a running engine: it only edits the device
 * table, and that engine picks the change up through SQLite's data_version within a second.
 */
export async function openAccess(opts: { server?: string; data: string }): Promise<Access> {
  if (opts.server) {
    const url = opts.server;
    const socket = io(url, { transports: ['websocket'], reconnection: false, timeout: 5000 });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (err: Error) => {
        socket.close();
        reject(new SyncscopeError(catalogError('cli.server-unreachable', { url, detail: err.message })));
      });
    });
    const client = new EngineClient(socketTransport(socket, url));
    return {
      client,
      live: true,
      close: async () => {
        client.close();
        socket.close();
      },
    };
  }
  const engine = new Engine({ dataDir: opts.data, processMetrics: false, collect: false, log: createLogger({ level: 'warn' }) });
  const local: ContractTransport = {
    request: (req) => dispatch(engine.handlers, req, { origin: 'cli' }),
    // Events of this process's engine (an import's progress) reach the command like a server's would.
    subscribe: (listener) => {
      const off = engine.subscribe(listener);
      return () => void off();
    },
  };
  const client = new EngineClient(local);
  return {
    client,
    live: false,
    close: async () => {
      client.close();
      await engine.close();
    },
  };
}
