import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The http:// URL a listening server answers on (IPv6 addresses in brackets). */
export function listenUrl(server: Server, path = '/'): string {
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return `http://${host}:${addr.port}${path}`;
}
