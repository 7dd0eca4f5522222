import type { Server } from 'node:http';
import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';

export interface ListenTarget {
  host: string;
  port: number;
  /** What listens, in the message ("console", "metrics endpoint"), and the flag that moves it. */
  what: string;
  portFlag: string;
  hostFlag: string;
}

/** Listens, turning the two ordinary mistakes (port taken, address not on this machine) into plain errors. */
export function listen(server: Server, t: ListenTarget): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') reject(new SyncscopeError(catalogError('server.port-in-use', { port: t.port, address: t.host, what: t.what, flag: t.portFlag })));
      else if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') reject(new SyncscopeError(catalogError('server.address-unavailable', { address: t.host, what: t.what, flag: t.hostFlag })));
      else reject(err);
    };
    server.once('error', onError);
    server.listen(t.port, t.host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}
