import { readFileSync, statSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SyncscopeError } from '../../shared/domain/errors';
import { SshTransport } from '../../electron/core/transport/ssh-transport';
import { skipUnlessAvailable } from '../support/skip';
import { labIsolatedDevice, labSkipReason, labUp, type LabDevice } from './lab';
import { establishedTo, rejection, StallingRelay, until } from './lab-helpers';

const skip = skipUnlessAvailable('SSH transport lab tests', labSkipReason());

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
