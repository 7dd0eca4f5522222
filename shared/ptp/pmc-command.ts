import { DeviceFilePath, UdsPath } from '../domain/device';
import { SyncscopeError } from '../domain/errors';
import { PMC_POLL_DATA_SETS, type UdsAccess } from './pmc-sample';

/**
 * The argv of one poll. pmc itself is `pmc -u -b 0 -s <uds> -i <client> 'GET TIME_STATUS_NP' …`:
 * `-u` talks over ptp4l's Unix socket, `-b 0` keeps the request on this clock (no forwarding), and
 * `-i` names pmc's own socket, since its default /var/run/pmc.<pid> only root may create.
 * No shell string is built here: the transport quotes each argument (shared/shell/quote.ts) or execs it directly.
 */

export const PMC_POLL_REQUESTS: readonly string[] = PMC_POLL_DATA_SETS.map((tlv) => `GET ${tlv}`);

/** pmc's client sockets: fresh per poll, and only paths of exactly this form are ever removed on a device. */
export const CLIENT_SOCKET_PREFIX = '/tmp/syncscope-pmc-';
export const CLIENT_SOCKET_PATH = /^\/tmp\/syncscope-pmc-[0-9a-f]{12}$/;

/** The bare pmc argv of a poll (what a person would type on the device); `requests` are GETs of fixed data set names. */
export function pmcArgv(udsPath: string, clientSocketPath: string, requests: readonly string[] = PMC_POLL_REQUESTS): string[] {
  return ['pmc', '-u', '-b', '0', '-s', validUds(udsPath), '-i', validClientSocket(clientSocketPath), ...requests.map(validGet)];
}

function validGet(request: string): string {
  if (/^GET [A-Z][A-Z0-9_]{1,40}$/.test(request)) return request;
  throw new SyncscopeError({ code: 'invalid-input', field: 'request', message: `a one-shot pmc request must be GET and a data set name (got ${JSON.stringify(request.slice(0, 80))})` });
}

/** Says on stderr when ptp4l's socket ($u) is missing or not writable: pmc is silent about both. */
const UDS_CHECK = `if [ ! -e "$u" ]; then echo 'syncscope-poll: uds missing' >&2; elif [ ! -w "$u" ]; then echo 'syncscope-poll: uds not-writable' >&2; fi`;
/**
 * The poll as it runs on the device: pmc under a small POSIX sh script, fixed text with every value
 * passed as a positional argument (never spliced into the script). It
 * - kills pmc when it outlives the poll's deadline: the engine cannot count on the device's sshd
 *   to pass a signal on, and a closed channel does not stop a command that is not writing;
 * - on TERM/HUP (a local deadline, or an sshd that does pass signals), kills pmc at once; pmc runs in
 *   the background because sh handles a trapped signal during `wait` at once, but only after a
 *   foreground command ends;
 * - then removes pmc's client socket: pmc unlinks it only on a clean exit, so every killed pmc
 *   would leave one in /tmp;
 * - says on stderr when ptp4l's socket is missing or not writable by this login: pmc is silent
 *   about both (its sendto fails unreported), so without this they look like a dead ptp4l.
 * The watchdog's output goes to /dev/null: sshd closes the channel only once nothing holds its pipes.
 * The exit status is pmc's (127 when the shell cannot find it).
 */
export const POLL_SCRIPT = [
  'u=$1 c=$2 t=$3; shift 3',
  '"$@" & p=$!',
  "(sleep \"$t\" & s=$!; trap 'kill $s 2>/dev/null; exit 0' TERM; wait $s; kill -KILL $p 2>/dev/null) >/dev/null 2>&1 & w=$!",
  "trap 'kill -KILL $p 2>/dev/null' HUP INT TERM PIPE",
  'wait $p; r=$?',
  'if kill -0 $p 2>/dev/null; then wait $p; fi',
  'kill $w 2>/dev/null',
  'case $c in /tmp/syncscope-pmc-*) rm -f -- "$c";; esac',
  UDS_CHECK,
  'exit $r',
].join('\n');

/** The poll command; pmc is killed on the device once `deadlineMs` (rounded up to whole seconds) has passed. */
export function pmcPollArgv(udsPath: string, clientSocketPath: string, deadlineMs: number, requests?: readonly string[]): string[] {
  const seconds = Math.max(1, Math.ceil(deadlineMs / 1000));
  return ['sh', '-c', POLL_SCRIPT, 'syncscope-poll', validUds(udsPath), validClientSocket(clientSocketPath), String(seconds), ...pmcArgv(udsPath, clientSocketPath, requests)];
}

const MARKERS: Readonly<Record<string, UdsAccess>> = {
  'syncscope-poll: uds missing': 'missing',
  'syncscope-poll: uds not-writable': 'not-writable',
};

/** Splits the poll script's own lines from pmc's stderr. */
export function readPollStderr(stderr: string): { udsAccess: UdsAccess; pmcStderr: string } {
  let udsAccess: UdsAccess = 'writable';
  const rest: string[] = [];
  for (const line of stderr.split('\n')) {
    const marker = MARKERS[line.trim()];
    if (marker) udsAccess = marker;
    else rest.push(line);
  }
  return { udsAccess, pmcStderr: rest.join('\n') };
}

/** sun_path holds 108 bytes with its NUL; pmc refuses longer paths (`path … too long, max is 108`). */
const MAX_SOCKET_PATH_BYTES = 107;

function validUds(path: string): string {
  const parsed = UdsPath.safeParse(path);
  const message = !parsed.success
    ? (parsed.error.issues[0]?.message ?? 'UDS path is invalid')
    : parsed.data.length > MAX_SOCKET_PATH_BYTES
      ? `UDS path is longer than the ${MAX_SOCKET_PATH_BYTES} bytes a Unix socket path may hold`
      : null;
  if (parsed.success && message === null) return parsed.data;
  throw new SyncscopeError({ code: 'invalid-input', field: 'udsPath', message: `${message} (got ${JSON.stringify(String(path).slice(0, 80))})` });
}

function validClientSocket(path: string): string {
  if (CLIENT_SOCKET_PATH.test(path)) return path;
  throw new SyncscopeError({ code: 'invalid-input', field: 'clientSocketPath', message: `pmc client socket must be ${CLIENT_SOCKET_PREFIX} and 12 hex digits (got ${JSON.stringify(String(path).slice(0, 80))})` });
}

/**
 * pmc kept open (interactive: requests on stdin, one per line). `-f` gives pmc the instance's own
 * ptp4l.conf, so it asks in ptp4l's domain with its transportSpecific (a wrong domain gets no answer;
 * gPTP needs transportSpecific 1). The small sh script around it, fixed text with values as
 * positional arguments, first says on stderr when ptp4l's socket is missing or not writable (pmc is
 * silent about both), and removes pmc's client socket when pmc ends however it ends (pmc unlinks it
 * only on a clean exit).
 */
/** Said on stderr by the stream script when pmc runs with unbuffered stdin: requests may be pipelined. */
export const STDIN_UNBUFFERED_MARKER = 'syncscope-pmc: stdin unbuffered';

export const STREAM_SCRIPT = [
  'u=$1 c=$2; shift 2',
  UDS_CHECK,
  // pmc reads stdin with one fgets per poll() wakeup: with stdio's buffering, requests written
  // together wait until more input comes. Under stdbuf -i0 (GNU coreutils) it reads them all, so the
  // reader may write a whole poll at once; the marker line tells it so.
  `if command -v stdbuf >/dev/null 2>&1; then echo '${STDIN_UNBUFFERED_MARKER}' >&2; stdbuf -i0 "$@"; else "$@"; fi; r=$?`,
  'case $c in /tmp/syncscope-pmc-*) rm -f -- "$c";; esac',
  'exit $r',
].join('\n');

/** The argv of a kept-open pmc for one ptp4l instance. */
export function pmcStreamArgv(udsPath: string, clientSocketPath: string, configPath?: string): string[] {
  const uds = validUds(udsPath);
  const client = validClientSocket(clientSocketPath);
  const config = configPath === undefined ? [] : ['-f', validConfig(configPath)];
  return ['sh', '-c', STREAM_SCRIPT, 'syncscope-pmc', uds, client, 'pmc', '-u', '-b', '0', ...config, '-s', uds, '-i', client];
}

/** The script's marker lines, or null for any other line. */
export function pollMarker(line: string): UdsAccess | null {
  return MARKERS[line.trim()] ?? null;
}

function validConfig(path: string): string {
  const parsed = DeviceFilePath.safeParse(path);
  if (parsed.success) return parsed.data;
  throw new SyncscopeError({ code: 'invalid-input', field: 'configPath', message: `${parsed.error.issues[0]?.message ?? 'config path is invalid'} (got ${JSON.stringify(String(path).slice(0, 80))})` });
}
