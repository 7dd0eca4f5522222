import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, waitFor, type TestServer } from '../support/engine-server';
import { runCli } from '../support/processes';
import { skipUnlessAvailable } from '../support/skip';
import { labSkipReason, labUp, type LabDevice, type LabJumpHost } from './lab';

const skip = skipUnlessAvailable('CLI jump login lab tests', labSkipReason());

/** ss-j1 sits behind ss-jump: the CLI gives the jump host a login of its own, as an OpenSSH Host entry of its own would. */
describe.skipIf(skip !== null)('syncscope device add --jump with the jump host’s own login (lab ss-jump, ss-j1)', () => {
  let jump: LabJumpHost;
  let j1: LabDevice;
  let t: TestServer;

  beforeAll(async () => {
    const lab = await labUp();
    jump = lab.jumpHost;
    j1 = lab.behindJump[0]!;
    t = await startTestServer({ metrics: false });
  });
  afterAll(async () => {
    await t?.close();
  });

  const jumpLog = () => readFileSync(jump.sshdLog, 'utf8');
  const statusOf = async (name: string) => {
    const d = (await t.client.call('devices.list')).find((v) => v.name === name);
    return d ? (await t.client.call('devices.status')).find((s) => s.deviceId === d.id) : undefined;
  };
  const add = (name: string, ...extra: string[]) =>
    runCli(
      ['device', 'add', '--name', name, '--host', j1.host, '--user', j1.user, '--key', j1.privateKeyPath, '--uds', j1.udsPath, '--interval', '500', '--jump', `${jump.passwordUser}@${jump.host}:${jump.sshPort}`, ...extra, '--server', t.server.url],
      { JUMP_PW: j1.password, WRONG_PW: 'not-the-password' },
    );

  it('--jump-password-env logs the jump host in as its own user by password, and the device by its key behind it', async () => {
    const logFrom = jumpLog().length;
    const r = await add('j1-own-jump', '--jump-password-env', 'JUMP_PW', '--accept-new-host-key');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Trusted the host key of the jump host of j1-own-jump: ${jump.hostKeySha256}`);
    expect(r.stdout).toContain(`Trusted the host key of j1-own-jump: ${j1.hostKeySha256}`);
    await waitFor('j1-own-jump to measure through its jump host', async () => (await statusOf('j1-own-jump'))?.connection === 'online', 30_000);
    const view = (await t.client.call('devices.list')).find((d) => d.name === 'j1-own-jump');
    expect(view?.jump).toMatchObject({ host: jump.host, user: jump.passwordUser, authKind: 'password', hostKeySha256: jump.hostKeySha256 });
    expect(view?.authKind).toBe('privateKey');
    const log = jumpLog().slice(logFrom);
    expect(log).toMatch(new RegExp(`Accepted password for ${jump.passwordUser} `));
    // The device's key was never offered to the jump host.
    expect(log).not.toMatch(/Accepted publickey|Failed publickey/);
  });

  it('a wrong --jump-password-env password is the jump host’s login failure, named as such', async () => {
    const r = await add('j1-wrong-jump', '--jump-password-env', 'WRONG_PW', '--host-key', j1.hostKeySha256, '--jump-host-key', jump.hostKeySha256);
    expect(r.status, r.stderr).toBe(0);
    const st = await waitFor('the jump login to fail', async () => {
      const s = await statusOf('j1-wrong-jump');
      return s?.connection === 'offline' && s.lastError?.messageId === 'ssh.auth' ? s : null;
    }, 30_000);
    expect(st.lastError?.params).toMatchObject({ target: `${jump.passwordUser}@${jump.host}:${jump.sshPort}` });
  });
});
