import type { Actor } from '../../../shared/contract/envelope';
import type { serialMethods } from '../../../shared/contract/methods-serial';
import type { z } from 'zod';
import type { ConsoleLogLine } from './console-log';
import { listSerialPorts } from './serial-ports';

type Rows = typeof serialMethods;
/** The handlers of the serial rows, typed from their table (joined into the engine's handlers). */
export type SerialHandlers = {
  [M in keyof Rows]: (params: z.output<Rows[M]['params']>, actor: Actor) => Promise<z.output<Rows[M]['result']>> | z.output<Rows[M]['result']>;
};

export function createSerialHandlers(deps: { consoleLog(deviceId: string, limit: number): ConsoleLogLine[] }): SerialHandlers {
  return {
    'serial.ports': () => listSerialPorts(),
    'serial.consoleLog': ({ deviceId, limit }) => deps.consoleLog(deviceId, limit),
  };
}
