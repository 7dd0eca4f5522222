import { userInfo } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostKeyPromptOf } from '../../shared/hostkeys/host-key-prompt';
import { startTestServer, waitFor, type TestServer } from '../support/engine-server';
import { runCli } from '../support/processes';
import { skipUnlessAvailable } from '../support/skip';
import { RotatingSshd, throughOwnJump } from './host-key-sshd';
import { labDevice, labIsolatedDevice, labSkipReason, labUp, type LabDevice } from './lab';

const skip = skipUnlessAvailable('jump host key lab tests', labSkipReason());
/** Its own sshd port on ss-x1 (the CLI and browser host-key tests use others). */
const PORT = 2233;

describe.skipIf(skip !== null)('a jump host with its own login whose key changes', () => {
  let x1: LabDevice;
  let s1: LabDevice;
  let jump: RotatingSshd;
  let t: TestServer;

  beforeAll(async () => {
    const lab = await labUp();
    x1 = labIsolatedDevice(lab, 'ss-x1');
    s1 = labDevice(lab, 'ss-s1');
    jump = new RotatingSshd(x1, PORT);
    await jump.start();
    t = await startTestServer();
  });
  afterAll(async () => {
    await t?.close();
    await jump?.stop();
  });

  const statusOf = async (id: string) => (await t.client.call('devices.status')).find((s) => s.deviceId === id);

  it('is refused with both keys, and accepting the new one keeps the jump host its own login', async () => {
    // ss-s1 as root by key, through a second sshd in ss-x1 where the jump logs in as sslab by password.
    const device = await t.client.call('devices.add', throughOwnJump('via-own-jump', s1, jump, x1));
    await waitFor('the device to measure through its jump host', async () => (await statusOf(device.id))?.connection === 'online', 30_000);

    const old = jump.fingerprint;
    await jump.rotate();
    const refused = await waitFor('the changed jump key to be refused', async () => {
      const st = await statusOf(device.id);
      return st?.connection === 'awaiting-host-key' ? st : null;
    }, 30_000);
    expect(hostKeyPromptOf(refused)).toMatchObject({ kind: 'changed', target: 'jump', expected: old, presented: jump.fingerprint });

    // The device's own key is no answer for its jump host; the jump's new key, named with --jump, is.
    const wrongHop = await runCli(['device', 'trust-key', 'via-own-jump', jump.fingerprint, '--server', t.server.url]);
    expect(wrongHop.status).not.toBe(0);
    expect(wrongHop.stderr).toContain(`${jump.fingerprint} is the host key of the jump host on the way to via-own-jump`);
    expect(wrongHop.stderr).toContain(`trust-key via-own-jump ${jump.fingerprint} --jump`);
    const accepted = await runCli(['device', 'trust-key', 'via-own-jump', jump.fingerprint, '--jump', '--server', t.server.url]);
    expect(accepted.stdout, accepted.stderr).toContain(`Accepted the new host key of the jump host of via-own-jump: ${old} → ${jump.fingerprint}`);
    expect((await t.client.call('devices.list')).find((d) => d.id === device.id)?.jump).toMatchObject({ authKind: 'password', hostKeySha256: jump.fingerprint, user: x1.passwordUser });
    // The sealed jump password is still there: the jump logs in again with it.
    await waitFor('the device to measure again through the rotated jump host', async () => (await statusOf(device.id))?.connection === 'online', 30_000);
    const events = await t.client.call('events.query', { deviceId: device.id, kinds: ['host-key'] });
    expect(events.at(-1)).toMatchObject({ from: old, to: jump.fingerprint, detail: { action: 'accept-changed', target: 'jump', by: userInfo().username, via: 'socket' } });
  });
});
