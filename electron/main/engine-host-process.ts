import { utilityProcess } from 'electron';
import { join } from 'node:path';
import { EngineHostClient } from '../core/host/host-client';
import type { FromHost } from '../core/host/host-protocol';

/**
 * Starts the engine in an Electron utilityProcess (out/main/engine-host.js, the same Engine code
 * `syncscope serve` runs), so device I/O and SQLite never block the window's process. Its log goes
 * to main's stdout/stderr.
 */
export function forkEngineHost(): EngineHostClient {
  const child = utilityProcess.fork(join(__dirname, 'engine-host.js'), [], { serviceName: 'Syncscope engine', stdio: 'inherit' });
  return new EngineHostClient({
    postMessage: (msg) => child.postMessage(msg),
    onMessage: (listener) => void child.on('message', (msg: FromHost) => listener(msg)),
    onExit: (listener) => void child.once('exit', listener),
  });
}
