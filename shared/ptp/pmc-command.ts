import { UdsPath } from '../domain/device';
import { SyncscopeError } from '../domain/errors';
import { PMC_POLL_DATA_SETS } from './pmc-sample';

/**
 * The argv of one poll: `pmc -u -b 0 -s <uds> 'GET TIME_STATUS_NP' 'GET CURRENT_DATA_SET' 'GET PORT_DATA_SET'`.
 * `-u` talks over ptp4l's Unix socket, `-b 0` keeps the request on this clock (no forwarding).
 * No shell here: the transport quotes (shared/shell/quote.ts) or execs it directly.
 */

export const PMC_POLL_REQUESTS: readonly string[] = PMC_POLL_DATA_SETS.map((tlv) => `GET ${tlv}`);

export interface PmcPollOptions {
  /**
   * pmc's own socket (`-i`). Without it pmc binds /var/run/pmc.<pid>, which only root may create;
   * a non-root login needs a path it may create, unique per pmc process.
   */
  clientSocketPath?: string;
}

export function pmcPollArgv(udsPath: string, options: PmcPollOptions = {}): string[] {
  const argv = ['pmc', '-u', '-b', '0', '-s', validPath(udsPath, 'udsPath')];
  if (options.clientSocketPath !== undefined) argv.push('-i', validPath(options.clientSocketPath, 'clientSocketPath'));
  return [...argv, ...PMC_POLL_REQUESTS];
}

/** sun_path holds 108 bytes with its NUL; pmc refuses longer paths (`path … too long, max is 108`). */
const MAX_SOCKET_PATH_BYTES = 107;

function validPath(path: string, field: string): string {
  const parsed = UdsPath.safeParse(path);
  const message = !parsed.success
    ? (parsed.error.issues[0]?.message ?? 'UDS path is invalid')
    : parsed.data.length > MAX_SOCKET_PATH_BYTES
      ? `UDS path is longer than the ${MAX_SOCKET_PATH_BYTES} bytes a Unix socket path may hold`
      : null;
  if (parsed.success && message === null) return parsed.data;
  throw new SyncscopeError({ code: 'invalid-input', field, message: `${message} (got ${JSON.stringify(String(path).slice(0, 80))})` });
}
