import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SshAuthInput } from '../../shared/domain/device';
import { SyncscopeError } from '../../shared/domain/errors';
import { SshTransport, type SshTransportOptions } from '../../electron/core/transport/ssh-transport';
import { skipUnlessAvailable } from '../support/skip';
import { labDevice, labSkipReason, labUp, type LabDevice, type LabInfo, type LabJumpHost } from './lab';
import { rejection, until } from './lab-helpers';

const run = promisify(execFile);

/** Established TCP connections from here to an sshd, as the kernel lists them. */
async function connectionsTo(host: string): Promise<number> {
  const { stdout } = await run('ss', ['-Htn', 'state', 'established', `( dst ${host} and dport = :22 )`]);
  return stdout.split('\n').filter((l) => l.trim() !== '').length;
}
const skip = skipUnlessAvailable('SSH jump host and auth kinds lab tests', labSkipReason());

/** ss-j1 sits on a private link behind ss-jump: these logins go through a real jump sshd, as OpenSSH's ProxyJump does. */
describe.skipIf(skip !== null)('SshTransport through a jump host, and its auth kinds (lab ss-jump, ss-j1)', () => {
  let lab: LabInfo;
  let jump: LabJumpHost;
  let j1: LabDevice;
  let key: string;
  const cleanups: (() => void)[] = [];
  beforeAll(async () => {
    lab = await labUp();
    jump = lab.jumpHost;
    j1 = lab.behindJump[0]!;
    key = readFileSync(j1.privateKeyPath, 'utf8');
  });
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });

  const keyAuth = (): SshAuthInput => ({ kind: 'privateKey', privateKey: key });
  const transport = (opts: Partial<SshTransportOptions> = {}) => {
    const t = new SshTransport({
      host: j1.host,
      port: j1.sshPort,
      user: j1.user,
      auth: keyAuth(),
      knownHostKey: j1.hostKeySha256,
      jump: { host: jump.host, port: jump.sshPort, user: jump.user, knownHostKey: jump.hostKeySha256 },
      connectTimeoutMs: 5_000,
      ...opts,
    });
    cleanups.push(() => t.close());
    return t;
  };
  const sshdLogSince = (path: string, offset: number) => readFileSync(path, 'utf8').slice(offset);
  const sizeOf = (path: string) => readFileSync(path).length;

  it('reaches a device only the jump can reach, and runs pmc there (one-shot and kept open)', async () => {
    // Directly, from here, ss-j1 does not answer at all.
    const direct = transport({ jump: undefined, connectTimeoutMs: 1_500 });
    expect(await rejection(direct.connect())).toBeInstanceOf(SyncscopeError);

    const t = transport();
    await t.connect();
    const res = await t.exec(['pmc', '-u', '-b', '0', '-s', j1.udsPath, 'GET DEFAULT_DATA_SET']);
    expect(res.stdout).toMatch(/RESPONSE MANAGEMENT DEFAULT_DATA_SET/);
    expect(res.stdout).toContain(`clockIdentity           ${j1.clockIdentity}`);
    const pmc = await t.stream(['pmc', '-u', '-b', '0', '-s', j1.udsPath, '-i', `/tmp/syncscope-pmc-${'0123456789ab'}`]);
    const lines: string[] = [];
    pmc.onLine((l) => lines.push(l));
    pmc.write('GET PORT_DATA_SET\n');
    await until('the kept-open pmc to answer through the jump', () => lines.some((l) => /RESPONSE MANAGEMENT PORT_DATA_SET/.test(l)));
    pmc.close();
    await pmc.ended;

    // Closing the transport ends the jump's connection too, not only the device's inside it.
    expect(await connectionsTo(jump.host)).toBe(1);
    t.close();
    await until('no connection to the jump host', async () => (await connectionsTo(jump.host)) === 0);
  });

  it('the jump logs in the way the device does unless given its own auth, and its sshd sees that login', async () => {
    const from = sizeOf(jump.sshdLog);
    const t = transport();
    await t.connect();
    await until('ss-jump to log the key login', () => /Accepted publickey for root from 10\.231\.57\.1/.test(sshdLogSince(jump.sshdLog, from)));
    // ... and the device's own login comes from the jump's side of the private link.
    expect(readFileSync(j1.sshdLog, 'utf8')).toMatch(/Accepted publickey for root from 10\.231\.58\.1/);
  });

  it('a wrong jump password is the jump host’s login failure, naming the jump, and the device is never asked', async () => {
    const from = sizeOf(j1.sshdLog);
    const t = transport({ jump: { host: jump.host, port: jump.sshPort, user: jump.passwordUser, auth: { kind: 'password', password: 'wrong-password' }, knownHostKey: jump.hostKeySha256 } });
    const err = (await rejection(t.connect())) as SyncscopeError;
    expect(err.value).toMatchObject({ code: 'ssh-auth', messageId: 'ssh.auth', params: { target: `${jump.passwordUser}@${jump.host}:22` } });
    expect(err.value.message).toContain(`${jump.passwordUser}@${jump.host}:22`);
    // ss-j1's sshd logs every login and every connection closed before one (`[preauth]`): none reached it.
    expect(sshdLogSince(j1.sshdLog, from)).not.toMatch(/Accepted|Failed|preauth/);
    expect(t.state).toBe('idle');
  });

  it('checks the jump’s host key like the device’s: a wrong one is refused naming the jump', async () => {
    const wrong = 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const t = transport({ jump: { host: jump.host, port: jump.sshPort, user: jump.user, knownHostKey: wrong } });
    const err = (await rejection(t.connect())) as SyncscopeError;
    expect(err.value).toMatchObject({ code: 'ssh-host-key-mismatch', params: { expected: wrong, presented: jump.hostKeySha256, host: jump.host } });
  });

  it('verifyHostKey decides first contact, jump first: refusing the jump sends no credential to it and never reaches the device', async () => {
    const asked: [string, string][] = [];
    const from = sizeOf(jump.sshdLog);
    const refused = transport({
      knownHostKey: null,
      jump: { host: jump.host, port: jump.sshPort, user: jump.user, knownHostKey: null },
      verifyHostKey: (fp, target) => {
        asked.push([fp, target]);
        return new Promise((r) => setTimeout(() => r(false), 50));
      },
    });
    expect(await rejection(refused.connect())).toBeInstanceOf(SyncscopeError);
    expect(asked).toEqual([[jump.hostKeySha256, 'jump']]);
    await until('ss-jump to log the end of that connection', () => /Connection closed by 10\.231\.57\.1|Disconnected from 10\.231\.57\.1/.test(sshdLogSince(jump.sshdLog, from)));
    expect(sshdLogSince(jump.sshdLog, from)).not.toMatch(/Accepted|Failed/);

    asked.length = 0;
    const pinnedJump: string[] = [];
    const pinnedDevice: string[] = [];
    const accepted = transport({
      knownHostKey: null,
      onNewHostKey: (fp) => pinnedDevice.push(fp),
      jump: { host: jump.host, port: jump.sshPort, user: jump.user, knownHostKey: null, onNewHostKey: (fp) => pinnedJump.push(fp) },
      verifyHostKey: async (fp, target) => {
        asked.push([fp, target]);
        return true;
      },
    });
    await accepted.connect();
    expect(asked).toEqual([
      [jump.hostKeySha256, 'jump'],
      [j1.hostKeySha256, 'device'],
    ]);
    expect(pinnedJump).toEqual([jump.hostKeySha256]);
    expect(pinnedDevice).toEqual([j1.hostKeySha256]);
  });

  it('logs in by keyboard-interactive where sshd takes passwords only that way', async () => {
    // The jump gets its own login (root by key): by default it would try the device's.
    const viaJump = { jump: { host: jump.host, port: jump.sshPort, user: jump.user, auth: keyAuth(), knownHostKey: jump.hostKeySha256 } };
    const viaOwnJump = (o: Partial<SshTransportOptions>) => transport({ ...viaJump, ...o });
    const asPassword = viaOwnJump({ user: j1.passwordUser, auth: { kind: 'password', password: j1.password } });
    expect(((await rejection(asPassword.connect())) as SyncscopeError).value.messageId).toBe('ssh.auth');
    const wrong = viaOwnJump({ user: j1.passwordUser, auth: { kind: 'keyboardInteractive', password: 'wrong-password' } });
    expect(((await rejection(wrong.connect())) as SyncscopeError).value.messageId).toBe('ssh.auth');

    const t = viaOwnJump({ user: j1.passwordUser, auth: { kind: 'keyboardInteractive', password: j1.password } });
    await t.connect();
    expect((await t.exec(['id', '-un'])).stdout).toBe(`${j1.passwordUser}\n`);
  });

  describe('ssh-agent', () => {
    let agent: ChildProcess;
    let dir: string;
    let savedSock: string | undefined;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'syncscope-agent-'));
      const sock = join(dir, 'agent.sock');
      agent = spawn('ssh-agent', ['-D', '-a', sock], { stdio: 'ignore' });
      await until('ssh-agent to listen', async () => (await run('ssh-add', ['-l'], { env: { ...process.env, SSH_AUTH_SOCK: sock } }).then(() => true, (e: { code?: number }) => e.code === 1)));
      await run('ssh-add', [j1.privateKeyPath], { env: { ...process.env, SSH_AUTH_SOCK: sock } });
      savedSock = process.env.SSH_AUTH_SOCK;
      process.env.SSH_AUTH_SOCK = sock;
    });
    afterAll(() => {
      if (savedSock === undefined) delete process.env.SSH_AUTH_SOCK;
      else process.env.SSH_AUTH_SOCK = savedSock;
      agent?.kill();
      rmSync(dir, { recursive: true, force: true });
    });

    it('logs in with a key held by the engine’s ssh-agent, on both hops', async () => {
      const t = transport({ auth: { kind: 'agent' } });
      await t.connect();
      expect((await t.exec(['id', '-un'])).stdout).toBe('root\n');
      const s1 = labDevice(lab, 'ss-s1');
      const direct = transport({ host: s1.host, port: s1.sshPort, user: s1.user, auth: { kind: 'agent' }, knownHostKey: s1.hostKeySha256, jump: undefined });
      await direct.connect();
    });

    it('an agent without the key is a login failure', async () => {
      await run('ssh-add', ['-D'], { env: { ...process.env } });
      const t = transport({ auth: { kind: 'agent' }, jump: undefined, host: labDevice(lab, 'ss-s1').host, knownHostKey: labDevice(lab, 'ss-s1').hostKeySha256 });
      expect(((await rejection(t.connect())) as SyncscopeError).value.messageId).toBe('ssh.auth');
    });
  });
});
