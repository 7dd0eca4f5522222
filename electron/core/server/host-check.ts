import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];
const WILDCARDS = new Set(['0.0.0.0', '::', '']);

/** The host name of a Host header or an Origin's host, without port or IPv6 brackets; lowercase. */
export function hostName(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') === -1 ? undefined : h.indexOf(']'));
  const colon = h.indexOf(':');
  // More than one colon without brackets: a bare IPv6 address (no port).
  if (colon !== -1 && h.indexOf(':', colon + 1) === -1) return h.slice(0, colon);
  return h.replace(/\.$/, '');
}

export interface HostCheckOptions {
  /** The address the server listens on. */
  boundHost: string;
  /** Extra names people use to reach it (`--allow-host`). */
  allowHosts?: readonly string[];
}

/**
 * Decides which names this server answers to, against DNS rebinding: a page at
 * http://attacker.example:7462 whose name the attacker re-points at 127.0.0.1 sends
 * `Host: attacker.example:7462` (and a matching Origin). Allowed are the loopback names, the bound
 * address, this machine's own addresses when bound to a wildcard, and names given with --allow-host.
 * A rebinding attack needs a name it controls, so it can never present an allowed one.
 */
export function hostAllowList(opts: HostCheckOptions): (hostHeader: string | undefined) => boolean {
  const allowed = new Set<string>([...LOOPBACK_NAMES, ...(opts.allowHosts ?? []).map(hostName)]);
  const bound = hostName(opts.boundHost);
  if (!WILDCARDS.has(bound)) allowed.add(bound);
  const wildcard = WILDCARDS.has(bound);
  return (hostHeader) => {
    if (!hostHeader) return false;
    const name = hostName(hostHeader);
    if (allowed.has(name)) return true;
    // Interfaces change (DHCP, VPNs), so a wildcard server looks its addresses up each time.
    return wildcard && isIP(name) !== 0 && localAddresses().has(name);
  };
}

function localAddresses(): Set<string> {
  const out = new Set<string>();
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) out.add(a.address.toLowerCase().replace(/%.*$/, ''));
  return out;
}

/**
 * socket.io's gate: the Host must be one this server answers to, and a browser's Origin (the CLI
 * sends none) must be that same host: no other site's page may drive the engine.
 */
export function socketGate(hostAllowed: (host: string | undefined) => boolean): (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void) => void {
  return (req, callback) => {
    const host = req.headers.host;
    if (!hostAllowed(host)) return callback('host not allowed', false);
    const origin = req.headers.origin;
    if (!origin) return callback(null, true);
    try {
      // Both through URL, so case and IPv6 spelling compare equal.
      callback(null, new URL(origin).host === new URL(`http://${host ?? ''}`).host);
    } catch {
      callback('bad origin', false);
    }
  };
}
