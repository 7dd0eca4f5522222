import type { z } from 'zod';
import type { Actor } from '../../../shared/contract/envelope';
import type { tsnConfigMethods } from '../../../shared/contract/methods-tsn-config';
import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import { isInterfaceName } from '../../../shared/tsn/config/tc-values';
import type { DeviceTransport } from '../transport/transport';

type Rows = typeof tsnConfigMethods;
export type TsnConfigHandlers = {
  [M in keyof Rows]: (params: z.output<Rows[M]['params']>, actor: Actor) => Promise<z.output<Rows[M]['result']>>;
};

export interface TsnConfigDeps {
  /** The device's name; throws not-found for an unknown device. */
  deviceName(deviceId: string): string;
  /** The collector's live connection, or null when the device is not connected now. */
  liveTransport(deviceId: string): DeviceTransport | null;
}

const READ_TIMEOUT_MS = 10_000;
const MAX_OUTPUT_BYTES = 1024 * 1024;

/** The argv that reads one interface's qdiscs; only a plain interface name gets one. */
export function qdiscConfigArgv(iface: string): string[] | null {
  return isInterfaceName(iface) ? ['tc', '-j', 'qdisc', 'show', 'dev', iface] : null;
}

export function createTsnConfigHandlers(deps: TsnConfigDeps): TsnConfigHandlers {
  return {
    'tsn.qdiscConfig': async ({ deviceId, iface }) => {
      const name = deps.deviceName(deviceId);
      const argv = qdiscConfigArgv(iface);
      if (!argv) throw new SyncscopeError(catalogError('tsn-config.iface-invalid', { iface: JSON.stringify(iface) }, { deviceId, field: 'iface' }));
      const transport = deps.liveTransport(deviceId);
      if (!transport) throw new SyncscopeError(catalogError('tsn-config.not-connected', { name }, { deviceId }));
      const res = await transport.exec(argv, { timeoutMs: READ_TIMEOUT_MS, maxOutputBytes: MAX_OUTPUT_BYTES });
      return { deviceId, iface, text: res.stdout, stderr: res.stderr, exitCode: res.exitCode, readAtMs: Date.now() };
    },
  };
}
