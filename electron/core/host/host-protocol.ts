import type { Response } from '../../../shared/contract/envelope';
import type { EventMessage } from '../../../shared/contract/events';
import type { ErrorValue } from '../../../shared/domain/errors';

/**
 * The messages between Electron's main process and the engine host (the engine in a utilityProcess).
 * Main only forwards: a contract request goes in as `raw`, unvalidated, and the host validates it
 * with the same dispatch `serve` uses.
 */
export interface HostInit {
  type: 'init';
  dataDir: string;
  /** The keychain-sealed data key, unsealed by main; null when no OS keychain exists (key file fallback). */
  dataKey: Uint8Array | null;
  nativeBinding?: string;
  /** Port for /metrics on 127.0.0.1; absent: no metrics server. */
  metricsPort?: number;
  /** false polls nothing (tests of the host itself). */
  collect?: boolean;
}

export type ToHost = HostInit | { type: 'request'; id: number; raw: unknown } | { type: 'close' };

export type FromHost =
  | { type: 'ready' }
  | { type: 'failed'; error: ErrorValue }
  | { type: 'response'; id: number; res: Response }
  | { type: 'event'; msg: EventMessage }
  | { type: 'closed' };

/** One end of a message channel: the utility process's parentPort, a worker_threads MessagePort, a forked child. */
export interface PortLike<In, Out> {
  postMessage(msg: Out): void;
  onMessage(listener: (msg: In) => void): () => void;
}
