import { io, type Socket } from 'socket.io-client';
import { EngineClient } from '../../shared/contract/client';
import { socketTransport } from '../../shared/contract/socket-transport';

/** A contract client on a running server's socket.io endpoint (as a second console would be), for a test's own reads and set-up. */
export async function connectEngineClient(url: string): Promise<{ client: EngineClient; close(): void }> {
  const socket: Socket = io(url, { transports: ['websocket'] });
  await new Promise<void>((ok, fail) => {
    socket.once('connect', () => ok());
    socket.once('connect_error', fail);
  });
  const client = new EngineClient(socketTransport(socket, url));
  return {
    client,
    close: () => {
      client.close();
      socket.close();
    },
  };
}
