import type { EventMessage, Request, Response } from '../../../shared/contract';
import type { SyncscopeBridge } from './bridge';
import type { EngineLink, LinkState } from './engine-link';

/** The engine inside Electron's main process, reached through the preload bridge. Always up. */
export class IpcTransport implements EngineLink {
  readonly kind = 'ipc';
  readonly url = 'electron://main';

  constructor(private readonly bridge: SyncscopeBridge) {}

  request(req: Request): Promise<Response> {
    return this.bridge.request(req);
  }

  subscribe(listener: (msg: EventMessage) => void): () => void {
    return this.bridge.onEvent(listener);
  }

  state(): LinkState {
    return 'connected';
  }

  onState(): () => void {
    return () => {};
  }
}
