import { DeviceFilePath, UdsPath } from '../domain/device';
import { parseLinuxptpVersion, type LinuxptpVersion } from '../doctor/linuxptp-version';

/**
 * What a device's linuxptp offers, asked once per (re)start of an instance's pmc: `ptp4l -v`, and
 * how the login sees each socket pmc could use. The configured socket first; when it is missing,
 * the default paths of every version (`/var/run/ptp4l`; `/var/run/ptp/ptp4l` on current master);
 * when the login may not write it, the 4.x read-only socket (`uds_ro_address`, mode 0666, GET only)
 * from the instance's config, else at its default paths. Pure: the pmc source runs PROBE_SCRIPT
 * and feeds its output here.
 */

export const DEFAULT_RW_SOCKETS: readonly string[] = ['/var/run/ptp4l', '/var/run/ptp/ptp4l'];
export const DEFAULT_RO_SOCKETS: readonly string[] = ['/var/run/ptp4lro', '/var/run/ptp/ptp4lro'];

/**
 * Fixed text; the config path ($1, `-` for none) and the candidate sockets are positional
 * arguments, never spliced in. Prints `version …`, `ro-config PATH` and one `sock w|r|- PATH` per
 * socket (w: a socket this login may write, r: a socket it may not, -: no socket there).
 */
export const PROBE_SCRIPT = [
  'f=$1; shift',
  "if command -v ptp4l >/dev/null 2>&1; then echo \"version $(ptp4l -v 2>&1 | head -n 1)\"; else echo 'version -'; fi",
  'ro=',
  "if [ \"$f\" != - ] && [ -r \"$f\" ]; then ro=$(sed -n 's/^[[:space:]]*uds_ro_address[[:space:]][[:space:]]*\\([^[:space:]#]*\\).*/\\1/p' \"$f\" | head -n 1); fi",
  'if [ -n "$ro" ]; then echo "ro-config $ro"; set -- "$@" "$ro"; fi',
  'for p in "$@"; do if [ -S "$p" ]; then if [ -w "$p" ]; then echo "sock w $p"; else echo "sock r $p"; fi; else echo "sock - $p"; fi; done',
].join('\n');

export type SocketAccess = 'writable' | 'not-writable' | 'missing';

export interface UdsProbe {
  versionText: string | null;
  version: LinuxptpVersion | null;
  /** `uds_ro_address` of the instance's config, when it names one. */
  roFromConfig: string | null;
  sockets: ReadonlyMap<string, SocketAccess>;
}

/** The probe's argv: the configured socket, then every default (read-write and read-only). */
export function probeArgv(configured: string, configPath: string | undefined): string[] {
  const config = configPath !== undefined && DeviceFilePath.safeParse(configPath).success ? configPath : '-';
  const paths = [...new Set([configured, ...DEFAULT_RW_SOCKETS, ...DEFAULT_RO_SOCKETS])].filter((p) => UdsPath.safeParse(p).success);
  return ['sh', '-c', PROBE_SCRIPT, 'syncscope-probe', config, ...paths];
}

const ACCESS: Readonly<Record<string, SocketAccess>> = { w: 'writable', r: 'not-writable', '-': 'missing' };

/** Reads the probe's output; never throws. Lines it does not know are skipped. */
export function readUdsProbe(text: string): UdsProbe {
  let versionText: string | null = null;
  let roFromConfig: string | null = null;
  const sockets = new Map<string, SocketAccess>();
  for (const line of text.split('\n').slice(0, 64)) {
    const version = /^version (.{1,120})$/.exec(line.trim());
    if (version) versionText = version[1] === '-' ? null : (version[1] ?? null);
    const ro = /^ro-config (\S{1,200})$/.exec(line.trim());
    if (ro && UdsPath.safeParse(ro[1]).success) roFromConfig = ro[1] ?? null;
    const sock = /^sock ([wr-]) (\S{1,200})$/.exec(line.trim());
    if (sock?.[1] && sock[2]) sockets.set(sock[2], ACCESS[sock[1]] ?? 'missing');
  }
  const version = versionText === null ? null : parseLinuxptpVersion(versionText);
  return { versionText: version ? versionText : null, version, roFromConfig, sockets };
}

export interface SocketChoice {
  path: string;
  /** The read-only socket: GET only, polled, no SUBSCRIBE_EVENTS_NP. */
  readOnly: boolean;
  /** Why it is not the configured read-write socket (a `notice` code), or null when it is. */
  reason: 'default-socket' | 'read-only-socket' | null;
}

/**
 * The socket pmc should use. The configured one when the login may write it, or when nothing
 * better was found (pmc then reports what is wrong with it). `defaultsAllowed` is false for a
 * device with several instances: a default path may belong to another instance's ptp4l.
 */
export function chooseSocket(configured: string, probe: UdsProbe, defaultsAllowed: boolean): SocketChoice {
  const access = (p: string) => probe.sockets.get(p) ?? 'missing';
  const asConfigured: SocketChoice = { path: configured, readOnly: false, reason: null };
  const seen = access(configured);
  if (seen === 'writable') return asConfigured;
  let refused = seen === 'not-writable';
  if (seen === 'missing' && defaultsAllowed) {
    for (const p of DEFAULT_RW_SOCKETS) {
      if (p === configured) continue;
      if (access(p) === 'writable') return { path: p, readOnly: false, reason: 'default-socket' };
      if (access(p) === 'not-writable') refused = true;
    }
  }
  if (!refused) return asConfigured;
  const ro = [...(probe.roFromConfig ? [probe.roFromConfig] : []), ...(defaultsAllowed ? DEFAULT_RO_SOCKETS : [])];
  const usable = ro.find((p) => access(p) === 'writable');
  return usable ? { path: usable, readOnly: true, reason: 'read-only-socket' } : asConfigured;
}
