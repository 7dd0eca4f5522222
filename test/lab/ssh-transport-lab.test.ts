import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createServer, Socket, type Server } from 'node:net';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SyncscopeError } from '../../shared/domain/errors';
import { SshTransport } from '../../electron/core/transport/ssh-transport';
import { skipUnlessAvailable } from '../support/skip';
import { labIsolatedDevice, labSkipReason, labUp, type LabDevice } from './lab';

const run = promisify(execFile);
const skip = skipUnlessAvailable('SSH transport lab tests', labSkipReason());

/**
 * A TCP relay to a real sshd that can hold the server's bytes after its identification line, so a
 * connect stays mid-handshake (key exchange pending) for as long as a test needs.
 */
class StallingRelay {
  readonly server: Server;
  clients: Socket[] = [];
  private held: Buffer[] = [];
  private upstreams: Socket[] = [];
  constructor(private readonly host: string) {
    this.server = createServer((client) => {
      this.clients.push(client);
      const up = new Socket();
      this.upstreams.push(up);
      let passedIdent = false;
      up.on('data', (d: Buffer) => {
        if (passedIdent) this.held.push(d);
        else {
          const nl = d.indexOf(10);
          passedIdent = nl >= 0;
          client.write(nl >= 0 ? d.subarray(0, nl + 1) : d);
          if (nl >= 0 && nl + 1 < d.length) this.held.push(d.subarray(nl + 1));
        }
      });
      client.on('data', (d: Buffer) => up.write(d));
      client.on('close', () => up.destroy());
      up.on('close', () => client.destroy());
      client.on('error', () => undefined);
      up.on('error', () => undefined);
      up.connect(22, this.host);
    });
  }
  async listen(): Promise<number> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    return (this.server.address() as { port: number }).port;
  }
  /** Lets the held handshake bytes through to whoever is still connected. */
  release(): void {
    for (const c of this.clients) if (!c.destroyed) for (const b of this.held) c.write(b);
  }
  close(): void {
    for (const s of [...this.clients, ...this.upstreams]) s.destroy();
    this.server.close();
  }
}

/** Established TCP connections to a local port, as the kernel lists them (`ss`). */
async function establishedTo(port: number): Promise<number> {
  const { stdout } = await run('ss', ['-Htn', 'state', 'established', `( dport = :${port} )`]);
  return stdout.split('\n').filter((l) => l.trim() !== '').length;
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
}

describe.skipIf(skip !== null)('SshTransport against a real sshd (lab device ss-x1)', () => {
  let x1: LabDevice;
  let key: string;
  const cleanups: (() => void)[] = [];
  beforeAll(async () => {
    x1 = labIsolatedDevice(await labUp(), 'ss-x1');
    key = readFileSync(x1.privateKeyPath, 'utf8');
  });
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });

  const stalledConnect = async () => {
    const relay = new StallingRelay(x1.host);
    cleanups.push(() => relay.close());
    const port = await relay.listen();
    const t = new SshTransport({ host: '127.0.0.1', port, user: x1.user, auth: { kind: 'privateKey', privateKey: key }, knownHostKey: x1.hostKeySha256 });
    cleanups.push(() => t.close());
    return { relay, port, t };
  };

  it('an aborted connect ends its TCP connection mid-handshake and never becomes connected', async () => {
    const { relay, port, t } = await stalledConnect();
    const ac = new AbortController();
    const connecting = rejection(t.connect({ signal: ac.signal }));
    await until('the handshake to be under way', async () => relay.clients.length === 1 && (await establishedTo(port)) === 1);
    expect(t.state).toBe('connecting');
    const reason = new Error('stop');
    ac.abort(reason);
    expect(await connecting).toBe(reason);
    await until('the relay to see the connection closed', () => relay.clients[0]!.destroyed);
    expect(await establishedTo(port)).toBe(0);
    relay.release();
    expect(t.state).toBe('idle');
  });

  it('close() during a connect is final: the socket ends, and nothing connects or runs afterwards', async () => {
    const { relay, port, t } = await stalledConnect();
    const connecting = rejection(t.connect());
    await until('the handshake to be under way', async () => (await establishedTo(port)) === 1);
    t.close();
    expect(((await connecting) as SyncscopeError).value.messageId).toBe('collect.transport-closed');
    await until('the relay to see the connection closed', () => relay.clients[0]!.destroyed);
    expect(await establishedTo(port)).toBe(0);
    relay.release();
    expect(t.state).toBe('closed');
    expect(((await rejection(t.connect())) as SyncscopeError).value.messageId).toBe('collect.transport-closed');
    expect(((await rejection(t.exec(['true']))) as SyncscopeError).value.messageId).toBe('collect.transport-closed');
    expect(relay.clients).toHaveLength(1);
  });

  const sshdLogSince = (offset: number) => readFileSync(x1.sshdLog, 'utf8').slice(offset);

  it('refuses a host key other than the expected one before sending any credential', async () => {
    const wrong = 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const from = statSync(x1.sshdLog).size;
    const t = new SshTransport({ host: x1.host, port: x1.sshPort, user: x1.passwordUser, auth: { kind: 'password', password: x1.password }, knownHostKey: wrong });
    cleanups.push(() => t.close());
    const err = (await rejection(t.connect())) as SyncscopeError;
    expect(err.value).toMatchObject({ code: 'ssh-host-key-mismatch', params: { expected: wrong, presented: x1.hostKeySha256 } });
    await until('sshd to log the end of that connection', () => /Connection closed by 10\.231\.57\.1 port \d+ \[preauth\]|Disconnected from 10\.231\.57\.1/.test(sshdLogSince(from)));
    const log = sshdLogSince(from);
    expect(log).toMatch(/Connection from 10\.231\.57\.1 port \d+/);
    // sshd (LogLevel DEBUG1 on ss-x1) logs every authentication request it receives: there was none.
    expect(log).not.toMatch(/userauth-request|Failed password|Accepted password/);

    // The same login with the right key does authenticate, and sshd logs it the way we looked for.
    const from2 = statSync(x1.sshdLog).size;
    const ok = new SshTransport({ host: x1.host, port: x1.sshPort, user: x1.passwordUser, auth: { kind: 'password', password: x1.password }, knownHostKey: x1.hostKeySha256 });
    cleanups.push(() => ok.close());
    await ok.connect();
    await until('sshd to log the login', () => /Accepted password for sslab/.test(sshdLogSince(from2)));
    expect(sshdLogSince(from2)).toMatch(/userauth-request for user sslab service ssh-connection method password/);
  });

  it('pins a first-contact host key only after a login that succeeded', async () => {
    const pinned: string[] = [];
    const bad = new SshTransport({ host: x1.host, port: x1.sshPort, user: x1.passwordUser, auth: { kind: 'password', password: 'wrong-password' }, knownHostKey: null, onNewHostKey: (fp) => pinned.push(fp) });
    cleanups.push(() => bad.close());
    expect(((await rejection(bad.connect())) as SyncscopeError).value).toMatchObject({ code: 'ssh-auth', messageId: 'ssh.auth' });
    expect(pinned).toEqual([]);

    const good = new SshTransport({ host: x1.host, port: x1.sshPort, user: x1.passwordUser, auth: { kind: 'password', password: x1.password }, knownHostKey: null, onNewHostKey: (fp) => pinned.push(fp) });
    cleanups.push(() => good.close());
    await good.connect();
    expect(pinned).toEqual([x1.hostKeySha256]);
  });
});
