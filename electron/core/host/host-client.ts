import type { Response } from '../../../shared/contract/envelope';
import type { EventMessage } from '../../../shared/contract/events';
import { SyncscopeError, type ErrorValue } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import type { FromHost, HostInit, ToHost } from './host-protocol';

/** The engine host as main sees it: Electron's UtilityProcess (or, in tests, a forked Node child), adapted. */
export interface HostProcess {
  postMessage(msg: ToHost): void;
  onMessage(listener: (msg: FromHost) => void): void;
  onExit(listener: (exitCode: number) => void): void;
}

/**
 * Main's side of the engine host: forwards contract requests (id → response), relays events, and
 * turns the host's death into an answer: every pending and later request gets `desktop.engine-stopped`
 * and `onStopped` listeners hear it, so nothing waits forever.
 */
export class EngineHostClient {
  private nextId = 1;
  private readonly pending = new Map<number, (res: Response) => void>();
  private readonly listeners = new Set<(msg: EventMessage) => void>();
  private readonly stoppedListeners = new Set<(error: ErrorValue) => void>();
  private readonly startup: { resolve: () => void; reject: (err: Error) => void }[] = [];
  private stopped: ErrorValue | null = null;
  private closing: (() => void) | null = null;
  private ready = false;

  constructor(private readonly host: HostProcess) {
    host.onMessage((msg) => this.receive(msg));
    host.onExit((exitCode) => this.exited(exitCode));
  }

  /** Sends `init` and resolves once the engine runs; rejects with the host's reason (a SyncscopeError). */
  start(init: Omit<HostInit, 'type'>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.stopped) return reject(new SyncscopeError(this.stopped));
      this.startup.push({ resolve, reject });
      this.host.postMessage({ type: 'init', ...init });
    });
  }

  request(raw: unknown): Promise<Response> {
    if (this.stopped) return Promise.resolve({ ok: false, error: this.stopped });
    if (!this.ready) return Promise.resolve({ ok: false, error: catalogError('desktop.start-failed', { detail: 'the engine is still starting' }) });
    const id = this.nextId++;
    return new Promise<Response>((resolve) => {
      this.pending.set(id, resolve);
      this.host.postMessage({ type: 'request', id, raw });
    });
  }

  subscribe(listener: (msg: EventMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called once if the host dies without being asked to close. */
  onStopped(listener: (error: ErrorValue) => void): () => void {
    this.stoppedListeners.add(listener);
    return () => this.stoppedListeners.delete(listener);
  }

  /** Asks the host to stop its engine (collectors, database) and resolves when the process has exited. */
  close(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.closing = resolve;
      this.host.postMessage({ type: 'close' });
    });
  }

  private receive(msg: FromHost): void {
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        for (const s of this.startup.splice(0)) s.resolve();
        break;
      case 'failed':
        for (const s of this.startup.splice(0)) s.reject(new SyncscopeError(msg.error));
        break;
      case 'response':
        this.pending.get(msg.id)?.(msg.res);
        this.pending.delete(msg.id);
        break;
      case 'event':
        for (const fn of this.listeners) fn(msg.msg);
        break;
      case 'closed':
        break;
    }
  }

  private exited(exitCode: number): void {
    const error = catalogError('desktop.engine-stopped', { exitCode });
    this.stopped = error;
    for (const resolve of this.pending.values()) resolve({ ok: false, error });
    this.pending.clear();
    for (const s of this.startup.splice(0)) s.reject(new SyncscopeError(error));
    if (this.closing) return this.closing();
    for (const fn of this.stoppedListeners) fn(error);
  }
}
