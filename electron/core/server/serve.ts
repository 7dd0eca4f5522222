import { createServer } from 'node:http';
import { Server as SocketServer } from 'socket.io';
import { Engine, type EngineOptions } from '../engine';
import { startMetricsServer, type MetricsServer } from '../metrics/metrics-server';
import { listenUrl } from './listen-url';
import { bindContractToSocket, sameOriginOnly } from './socket-bridge';
import { staticHandler } from './static-files';

export interface ServeOptions extends EngineOptions {
  host: string;
  port: number;
  /** null disables /metrics. */
  metricsPort: number | null;
  metricsHost?: string;
  rendererDir: string;
}

export interface RunningServer {
  engine: Engine;
  url: string;
  metricsUrl: string | null;
  close(): Promise<void>;
}

/** `syncscope serve`: the engine, the built UI over HTTP, the contract over socket.io, and /metrics. */
export async function serve(opts: ServeOptions): Promise<RunningServer> {
  const engine = new Engine(opts);
  let metrics: MetricsServer | null = null;
  try {
    if (opts.metricsPort !== null) {
      metrics = await startMetricsServer(engine.metrics.registry, opts.metricsHost ?? opts.host, opts.metricsPort);
      engine.metricsUrl = metrics.url;
    }
    const http = createServer(staticHandler(opts.rendererDir));
    const io = new SocketServer(http, { serveClient: false, allowRequest: sameOriginOnly, maxHttpBufferSize: 1e6 });
    const unbind = bindContractToSocket(io, engine);
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(opts.port, opts.host, () => resolve());
    });
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
    await metrics?.close();
    await engine.close();
    throw err;
  }
}
