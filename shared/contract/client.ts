import { SyncscopeError } from '../domain/errors';
import type { Request, Response } from './envelope';
import type { EventMessage, EventName, EventPayload } from './events';
import type { MethodName, ParamsIn, Result } from './methods';

/** The one thing a transport must provide: send a request, deliver pushed events. */
export interface ContractTransport {
  request(req: Request): Promise<Response>;
  subscribe(listener: (msg: EventMessage) => void): () => void;
}

/** The UI's and the CLI's view of an engine, whatever carries it (IPC, socket.io, in-process). */
export class EngineClient {
  private readonly listeners = new Map<EventName, Set<(payload: never) => void>>();
  private readonly unsubscribe: () => void;

  constructor(private readonly transport: ContractTransport) {
    this.unsubscribe = transport.subscribe((msg) => {
      for (const fn of this.listeners.get(msg.event) ?? []) (fn as (p: unknown) => void)(msg.payload);
    });
  }

  /** Calls a method; a failure is thrown as SyncscopeError carrying the engine's ErrorValue. */
  async call<M extends MethodName>(method: M, ...args: undefined extends ParamsIn<M> ? [params?: ParamsIn<M>] : [params: ParamsIn<M>]): Promise<Result<M>> {
    const params = (args[0] ?? {}) as ParamsIn<M>;
    const res = await this.transport.request({ method, params } as Request);
    if (!res.ok) throw new SyncscopeError(res.error);
    return res.value as Result<M>;
  }

  on<E extends EventName>(event: E, fn: (payload: EventPayload<E>) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(fn as (payload: never) => void);
    return () => set.delete(fn as (payload: never) => void);
  }

  close(): void {
    this.unsubscribe();
    this.listeners.clear();
  }
}
