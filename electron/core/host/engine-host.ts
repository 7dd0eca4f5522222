import type { FromHost, PortLike, ToHost } from './host-protocol';
import { runEngineHost } from './run-engine-host';

/**
 * Entry of the engine host process. Under Electron it is a utilityProcess and talks over
 * `process.parentPort`; under plain Node (child_process.fork, as the tests run it) over Node's IPC
 * channel. It never imports electron: the engine is the same code `syncscope serve` runs.
 */
interface ParentPortLike {
  postMessage(msg: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): unknown;
  off(event: 'message', listener: (e: { data: unknown }) => void): unknown;
}

function hostPort(): PortLike<ToHost, FromHost> | null {
  const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
  if (parentPort) {
    return {
      postMessage: (msg) => parentPort.postMessage(msg),
      onMessage: (listener) => {
        const fn = (e: { data: unknown }) => listener(e.data as ToHost);
        parentPort.on('message', fn);
        return () => parentPort.off('message', fn);
      },
    };
  }
  const send = process.send?.bind(process);
  if (!send) return null;
  // Node's IPC: main went away means nobody can use this engine any more.
  process.once('disconnect', () => process.exit(0));
  return {
    postMessage: (msg) => void send(msg),
    onMessage: (listener) => {
      const fn = (msg: unknown) => listener(msg as ToHost);
      process.on('message', fn);
      return () => process.off('message', fn);
    },
  };
}

const port = hostPort();
if (port) {
  runEngineHost(port, (code) => process.exit(code));
} else {
  process.stderr.write('engine-host: start me from the Syncscope desktop app (utilityProcess) or child_process.fork.\n');
  process.exitCode = 2;
}
