import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';
import { listen } from '../server/listen';
import { listenUrl } from '../server/listen-url';

export interface MetricsServer {
  url: string;
  close(): Promise<void>;
}

/** Serves GET /metrics for Prometheus; binds 127.0.0.1 unless told otherwise. */
export async function startMetricsServer(registry: Registry, host: string, port: number): Promise<MetricsServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Syncscope serves Prometheus metrics at /metrics\n');
      return;
    }
    registry.metrics().then(
      (body) => res.writeHead(200, { 'content-type': registry.contentType }).end(body),
      (err: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics failed: ${String(err)}\n`),
    );
  });
  await listen(server, { host, port, what: 'metrics endpoint', portFlag: '--metrics-port', hostFlag: '--metrics-host' });
  return {
    url: listenUrl(server, '/metrics'),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
