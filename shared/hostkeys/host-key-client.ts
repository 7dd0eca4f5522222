import type { z } from 'zod';
import type { EngineClient } from '../contract/client';
import { hostKeyMethods } from '../contract/methods-hostkeys';

type Rows = typeof hostKeyMethods;
export type HostKeyMethod = keyof Rows;

/**
 * Calls a host-key row of the contract. Until methods-hostkeys.ts is joined into methods.ts the
 * client's typed `call` does not list these rows, so this one place names them; the result is still
 * checked against the row's schema.
 */
export async function callHostKeys<M extends HostKeyMethod>(client: EngineClient, method: M, params: z.input<Rows[M]['params']>): Promise<z.output<Rows[M]['result']>> {
  const call = client.call.bind(client) as unknown as (m: string, p: unknown) => Promise<unknown>;
  return hostKeyMethods[method].result.parse(await call(method, params)) as z.output<Rows[M]['result']>;
}
