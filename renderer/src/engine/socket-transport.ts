import { io, type Socket } from 'socket.io-client';
import type { ContractTransport, EventMessage, Request, Response } from '../../../shared/contract';
import { lostEngine, socketTransport } from '../../../shared/contract/socket-transport';
import type { EngineLink, LinkState } from './engine-link';

/**
 * The headless engine (`syncscope serve`) over socket.io, at the origin that served this page.
 * The wire protocol is shared/contract/socket-transport.ts; this adds what a console needs on top:
 * the link state for the banner, and answering in-flight requests at once when the link drops
 * (socket.io never acks a request lost with its connection).
 */
export class SocketTransport implements EngineLink {
  readonly kind = 'socket';
  readonly url: string;
  private readonly socket: Socket;
  private readonly wire: ContractTransport;
  private readonly inFlight = new Set<(res: Response) => void>();
  private readonly stateListeners = new Set<(state: LinkState) => void>();
  private current: LinkState = 'connecting';

  constructor(origin: string = window.location.origin) {
    this.url = origin;
    this.socket = io(origin, { reconnection: true, reconnectionDelayMax: 5_000 });
    this.wire = socketTransport(this.socket, origin);
    this.socket.on('connect', () => this.setState('connected'));
    this.socket.on('disconnect', () => {
      for (const answer of [...this.inFlight]) answer({ ok: false, error: lostEngine(this.url) });
      this.setState('disconnected');
    });
    this.socket.on('connect_error', () => this.setState('disconnected'));
  }

  request(req: Request): Promise<Response> {
    return new Promise<Response>((resolve) => {
      const answer = (res: Response) => {
        if (this.inFlight.delete(answer)) resolve(res);
      };
      this.inFlight.add(answer);
      void this.wire.request(req).then(answer);
    });
  }

  subscribe(listener: (msg: EventMessage) => void): () => void {
    return this.wire.subscribe(listener);
  }

  state(): LinkState {
    return this.current;
  }

  onState(listener: (state: LinkState) => void): () => void {
    this.stateListeners.add(listener);
    return () => void this.stateListeners.delete(listener);
  }

  close(): void {
    this.socket.close();
  }

  private setState(next: LinkState): void {
    if (next === this.current) return;
    this.current = next;
    for (const fn of this.stateListeners) fn(next);
  }
}
