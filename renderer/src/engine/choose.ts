import type { EngineLink } from './engine-link';
import { IpcTransport } from './ipc-transport';
import { SocketTransport } from './socket-transport';

/** Inside Electron the preload provides `window.syncscope`; in a plain browser we use socket.io. */
export function chooseEngineLink(): EngineLink {
  return window.syncscope ? new IpcTransport(window.syncscope) : new SocketTransport();
}
