import type { z } from 'zod';
import type { Actor } from '../../../shared/contract/envelope';
import type { TsnStateView, tsnMethods } from '../../../shared/contract/methods-tsn';

type Rows = typeof tsnMethods;
/** The handlers of the TSN rows, typed from their table (joined into the engine's handlers). */
export type TsnHandlers = {
  [M in keyof Rows]: (params: z.output<Rows[M]['params']>, actor: Actor) => Promise<z.output<Rows[M]['result']>> | z.output<Rows[M]['result']>;
};

export interface TsnHandlerDeps {
  /** Throws not-found for an unknown device. */
  assertDevice(deviceId: string): void;
  /** The running collector's latest view, or null (not collecting, serial, CLI-only engine). */
  state(deviceId: string): TsnStateView | null;
}

export function createTsnHandlers(deps: TsnHandlerDeps): TsnHandlers {
  return {
    'tsn.state': ({ deviceId }) => {
      deps.assertDevice(deviceId);
      return deps.state(deviceId) ?? { deviceId, atMs: null, interfaces: [], system: null, problems: [] };
    },
  };
}
