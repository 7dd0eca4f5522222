import type { ErrorValue } from '../domain/errors';
import type { MethodName, ParamsIn, Result } from './methods';

/** Who asks: filled in by the transport that received the request, never trusted from the payload. */
export interface Actor {
  origin: 'ipc' | 'socket' | 'cli' | 'test';
  /** Set once user roles exist; a remote console will name its user here. */
  user?: string;
  /** Remote address for socket requests. */
  address?: string;
}

export interface Request<M extends MethodName = MethodName> {
  method: M;
  params: ParamsIn<M>;
}

export type Response<M extends MethodName = MethodName> =
  | { ok: true; value: Result<M> }
  | { ok: false; error: ErrorValue };

/** Channel names, shared by preload, main and the socket.io server so they cannot drift. */
export const CHANNELS = {
  request: 'syncscope:request',
  event: 'syncscope:event',
} as const;
