import type { EventMessage, Request, Response } from '../../../shared/contract';

/**
 * What the Electron preload exposes as `window.syncscope` (contextBridge). Exactly two calls:
 * the preload forwards nothing else, so the renderer cannot reach any other IPC channel.
 */
export interface SyncscopeBridge {
  request(req: Request): Promise<Response>;
  onEvent(listener: (msg: EventMessage) => void): () => void;
}

declare global {
  interface Window {
    syncscope?: SyncscopeBridge;
  }
}
