import type { z } from 'zod';
import type { Actor } from '../../../shared/contract/envelope';
import type { diagnosticsMethods } from '../../../shared/contract/methods-diagnostics';
import type { DiagnosticsService } from './diagnostics-service';

type Rows = typeof diagnosticsMethods;
/** The handlers of the diagnostics rows, typed from their table (joined into the engine's handlers). */
export type DiagnosticsHandlers = {
  [M in keyof Rows]: (params: z.output<Rows[M]['params']>, actor: Actor) => Promise<z.output<Rows[M]['result']>> | z.output<Rows[M]['result']>;
};

export function createDiagnosticsHandlers(service: DiagnosticsService): DiagnosticsHandlers {
  return {
    'ptp.state': ({ deviceId }) => service.states(deviceId),
    'collect.diagnostics': ({ deviceId }) => service.sources(deviceId),
    'doctor.run': ({ deviceId }) => service.doctor(deviceId),
  };
}
