import type { Actor } from '../../../shared/contract/envelope';
import type { hostKeyMethods } from '../../../shared/contract/methods-hostkeys';
import type { z } from 'zod';
import type { HostKeys } from './host-keys';

type Rows = typeof hostKeyMethods;
/** The handlers of the host-key rows, typed from their table (joined into the engine's handlers). */
export type HostKeyHandlers = {
  [M in keyof Rows]: (params: z.output<Rows[M]['params']>, actor: Actor) => Promise<z.output<Rows[M]['result']>> | z.output<Rows[M]['result']>;
};

export function createHostKeyHandlers(hostKeys: HostKeys): HostKeyHandlers {
  return {
    'hostKeys.trust': (p, actor) => hostKeys.trust(p, actor),
    'hostKeys.reject': (p, actor) => hostKeys.reject(p, actor),
    'hostKeys.scan': ({ deviceId }) => hostKeys.scan(deviceId),
  };
}
