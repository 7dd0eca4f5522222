import type { ContractTransport } from '../../../shared/contract';

export type LinkState = 'connecting' | 'connected' | 'disconnected';

/** A transport plus what the UI needs to say about it: where the engine is and whether it answers. */
export interface EngineLink extends ContractTransport {
  readonly kind: 'ipc' | 'socket';
  /** Human-readable address of the engine, for messages. */
  readonly url: string;
  state(): LinkState;
  /** Called on every state change; returns an unsubscribe function. */
  onState(listener: (state: LinkState) => void): () => void;
}
