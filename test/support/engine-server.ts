import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { EngineClient } from '../../shared/contract/client';
import type { EventMessage } from '../../shared/contract/events';
import { socketTransport } from '../../shared/contract/socket-transport';
import { createLogger } from '../../electron/core/log';
import { serve, type RunningServer } from '../../electron/core/server/serve';

export interface TestServer {
  server: RunningServer;
  dataDir: string;
  client: EngineClient;
  socket: Socket;
  events: EventMessage[];
  close(): Promise<void>;
}

/** A real engine (`serve`) on a fresh data dir and free ports, with a real socket.io client attached. */
export async function startTestServer(opts: { metrics?: boolean; dataDir?: string; processMetrics?: boolean; allowHosts?: string[] } = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'syncscope-test-'));
  const server = await serve({
    dataDir,
    host: '127.0.0.1',
    port: 0,
    metricsPort: opts.metrics === false ? null : 0,
    rendererDir: resolve(__dirname, '../../out/renderer'),
    log: createLogger({ level: 'silent' }),
    processMetrics: opts.processMetrics ?? false,
    ...(opts.allowHosts ? { allowHosts: opts.allowHosts } : {}),
  });
  const socket = io(server.url, { transports: ['websocket'] });
  await new Promise<void>((ok, fail) => {
    socket.once('connect', () => ok());
    socket.once('connect_error', fail);
  });
  const client = new EngineClient(socketTransport(socket, server.url));
  const events: EventMessage[] = [];
  socket.on('syncscope:event', (msg: EventMessage) => events.push(msg));
  return {
    server,
    dataDir,
    client,
    socket,
    events,
    close: async () => {
      client.close();
      socket.close();
      await server.close();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls `check` until it returns a value, or fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => T | null | undefined | false | Promise<T | null | undefined | false>, timeoutMs = 20_000, everyMs = 100): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
