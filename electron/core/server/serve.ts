import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Server as SocketServer } from 'socket.io';
import { catalogError } from '../../../shared/errors/catalog';
import { Engine, type EngineOptions } from '../engine';
import { startMetricsServer, type MetricsServer } from '../metrics/metrics-server';
import { hostAllowList, hostName, socketGate } from './host-check';
import { listen } from './listen';
import { listenUrl } from './listen-url';
import { bindContractToSocket } from './socket-bridge';
import { staticHandler } from './static-files';

export interface ServeOptions extends EngineOptions {
  host: string;
  port: number;
  /** null disables /metrics. */
  metricsPort: number | null;
  metricsHost?: string;
  rendererDir: string;
  /** Names besides the bound address and localhost that the console answers to (`--allow-host`). */
  allowHosts?: readonly string[];
}

export interface RunningServer {
  engine: Engine;
  url: string;
  metricsUrl: string | null;
  close(): Promise<void>;
}

/** 421 Misdirected Request: this server is not the one that name belongs to (DNS rebinding, or a missing --allow-host). */
function refuseHost(req: IncomingMessage, res: ServerResponse): void {
  const err = catalogError('server.host-not-allowed', { host: hostName(req.headers.host ?? '') });
  res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end(`${err.message}\n${err.hint ?? ''}\n`);
}

/** `syncscope serve`: the engine, the built UI over HTTP, the contract over socket.io, and /metrics. */
export async function serve(opts: ServeOptions): Promise<RunningServer> {
  const engine = new Engine({ holder: 'syncscope serve', ...opts });
  let metrics: MetricsServer | null = null;
  const http = createServer();
  try {
    if (opts.metricsPort !== null) {
      metrics = await startMetricsServer(engine.metrics.registry, opts.metricsHost ?? opts.host, opts.metricsPort);
      engine.metricsUrl = metrics.url;
    }
    const hostAllowed = hostAllowList({ boundHost: opts.host, ...(opts.allowHosts ? { allowHosts: opts.allowHosts } : {}) });
    const files = staticHandler(opts.rendererDir);
    // socket.io takes /socket.io/ before this listener sees it; its handshake goes through socketGate.
    http.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (!hostAllowed(req.headers.host)) return refuseHost(req, res);
      files(req, res);
    });
    const io = new SocketServer(http, { serveClient: false, allowRequest: socketGate(hostAllowed), maxHttpBufferSize: 1e6 });
    const unbind = bindContractToSocket(io, engine);
    await listen(http, { host: opts.host, port: opts.port, what: 'console', portFlag: '--port', hostFlag: '--host' });
    await engine.start();
    return {
      engine,
      url: listenUrl(http),
      metricsUrl: metrics?.url ?? null,
      close: async () => {
        unbind();
        await new Promise<void>((resolve) => io.close(() => resolve()));
        await metrics?.close();
        await engine.close();
      },
    };
  } catch (err) {
    http.close(() => undefined);
    await metrics?.close();
    await engine.close();
    throw err;
  }
}
