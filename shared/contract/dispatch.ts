import { z } from 'zod';
import { errorValueOf, type ErrorValue } from '../domain/errors';
import { catalogError } from '../errors/catalog';
import type { Actor, Response } from './envelope';
import { isMethodName, methods, type MethodName, type Params, type Result } from './methods';

/** The engine's side of the contract: one function per method, typed from the table. */
export type Handlers = {
  [M in MethodName]: (params: Params<M>, actor: Actor) => Promise<Result<M>> | Result<M>;
};

/** Turns a zod failure into an error that names the field a person has to fix. */
export function invalidInput(error: z.ZodError, prefix = ''): ErrorValue {
  const issue = error.issues[0];
  const field = issue ? [prefix, ...issue.path.map(String)].filter(Boolean).join('.') : prefix || undefined;
  const what = issue?.message ?? 'invalid value';
  return {
    code: 'invalid-input',
    message: field ? `${field}: ${what}` : what,
    hint: 'Correct the field and try again.',
    ...(field ? { field } : {}),
  };
}

/**
 * Validates an untrusted request, runs its handler and returns a Response; never throws.
 * Both front doors (Electron IPC and socket.io) call this and nothing else.
 */
export async function dispatch(handlers: Handlers, raw: unknown, actor: Actor): Promise<Response> {
  const envelope = z.object({ method: z.string(), params: z.unknown().optional() }).safeParse(raw);
  if (!envelope.success) return { ok: false, error: invalidInput(envelope.error, 'request') };
  const { method } = envelope.data;
  if (!isMethodName(method)) {
    return { ok: false, error: catalogError('contract.unknown-method', { method }) };
  }
  const parsed = methods[method].params.safeParse(envelope.data.params ?? {});
  if (!parsed.success) return { ok: false, error: invalidInput(parsed.error) };
  try {
    const handler = handlers[method] as (p: unknown, a: Actor) => Promise<unknown> | unknown;
    const value = await handler(parsed.data, actor);
    return { ok: true, value } as Response;
  } catch (err) {
    return { ok: false, error: errorValueOf(err) };
  }
}
