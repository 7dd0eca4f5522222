import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncscopeError } from '../../../shared/domain/errors';
import { SshTransport } from './ssh-transport';

/** Real TCP servers on 127.0.0.1 that are not SSH: what a wrong port or a port-forward mix-up meets. */
async function listen(onConnection: (s: Socket) => void): Promise<{ server: Server; port: number }> {
  const server = createServer(onConnection);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { server, port: (server.address() as { port: number }).port };
}

describe('SshTransport meeting a server that is not SSH', () => {
  const servers: Server[] = [];
  afterEach(() => {
    for (const s of servers.splice(0)) s.close();
  });

  const connectTo = async (port: number): Promise<SyncscopeError> => {
    const t = new SshTransport({ host: '127.0.0.1', port, user: 'root', auth: { kind: 'password', password: 'x' }, knownHostKey: null, connectTimeoutMs: 1500 });
    try {
      await t.connect();
    } catch (err) {
      return err as SyncscopeError;
    } finally {
      t.close();
    }
    throw new Error('connected to something that is not SSH');
  };

  it('names an HTTP server that answers and hangs up', async () => {
    const { server, port } = await listen((s) => {
      s.on('error', () => undefined);
      s.once('data', () => s.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n'));
    });
    servers.push(server);
    const err = await connectTo(port);
    expect(err.value).toMatchObject({ code: 'ssh-not-ssh', messageId: 'ssh.not-ssh', params: { hostPort: `127.0.0.1:${port}`, firstLine: 'HTTP/1.1 400 Bad Request' } });
    expect(err.value.message).toBe(`127.0.0.1:${port} is not an SSH server: it answered "HTTP/1.1 400 Bad Request".`);
  });

  it('names a plain banner server that then says nothing, instead of calling it a handshake timeout', async () => {
    const { server, port } = await listen((s) => {
      s.on('error', () => undefined);
      s.write('220 lab-ftp ready\r\n');
    });
    servers.push(server);
    expect((await connectTo(port)).value).toMatchObject({ code: 'ssh-not-ssh', params: { firstLine: '220 lab-ftp ready' } });
  });

  it('still calls a silent server a handshake timeout', async () => {
    const { server, port } = await listen((s) => s.on('error', () => undefined));
    servers.push(server);
    expect((await connectTo(port)).value).toMatchObject({ code: 'ssh-timeout', messageId: 'ssh.handshake-timeout' });
  });
});
