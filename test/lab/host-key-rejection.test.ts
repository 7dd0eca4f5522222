import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../shared/domain/status';
import { hostKeyPromptOf } from '../../shared/hostkeys/host-key-prompt';
import { startTestServer, waitFor, type TestServer } from '../support/engine-server';
import { skipUnlessAvailable } from '../support/skip';
import { RotatingSshd } from './host-key-sshd';
import { labIsolatedDevice, labSkipReason, labUp, type LabDevice } from './lab';

const skip = skipUnlessAvailable('host-key rejection lab tests', labSkipReason());
/** Its own sshd port on ss-x1 (the other host-key suites use 2231-2233). */
const PORT = 2234;

describe.skipIf(skip !== null)('a rejected host key stays rejected across an engine restart (real sshd on ss-x1, real engines on one data folder)', () => {
  let x1: LabDevice;
  let sshd: RotatingSshd;
  let dataDir: string;
  let t: TestServer | null = null;

  beforeAll(async () => {
    x1 = labIsolatedDevice(await labUp(), 'ss-x1');
    sshd = new RotatingSshd(x1, PORT);
    await sshd.start();
    dataDir = mkdtempSync(join(tmpdir(), 'syncscope-hk-rej-'));
  });
  afterAll(async () => {
    await t?.close();
    await sshd?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const engine = (): TestServer => {
    if (!t) throw new Error('no engine');
    return t;
  };
  const restart = async () => {
    await t?.close();
    t = null;
    t = await startTestServer({ dataDir, metrics: false });
  };
  const statusOf = async (id: string) => (await engine().client.call('devices.status')).find((s) => s.deviceId === id);
  const until = (id: string, what: string, ok: (s: DeviceStatus) => boolean) =>
    waitFor(what, async () => {
      const st = await statusOf(id);
      return st && ok(st) ? st : null;
    }, 30_000);
  const rejectedAs = (fp: string) => (s: DeviceStatus) => s.connection === 'offline' && s.lastError?.messageId === 'ssh.host-key-rejected' && s.lastError.params?.fingerprint === fp;
  const authRequests = (from: number) => sshd.log().slice(from).match(/userauth-request|Accepted publickey|Failed publickey/g) ?? [];
  const presentedEvents = async (id: string) => (await engine().client.call('events.query', { deviceId: id, kinds: ['host-key'] })).filter((e) => e.detail.action === 'presented');

  it('a first-contact key the operator rejected is refused after a restart with no question and no credential', async () => {
    await restart();
    const logFrom = sshd.log().length;
    const device = await engine().client.call('devices.add', {
      transport: 'ssh',
      name: 'hk-rejected-first',
      host: x1.host,
      sshPort: PORT,
      user: x1.user,
      auth: { kind: 'privateKey', privateKey: readFileSync(x1.privateKeyPath, 'utf8') },
      udsPath: x1.udsPath,
      pollIntervalMs: 500,
    });
    const waiting = await until(device.id, 'the first contact to wait for the operator', (s) => s.connection === 'awaiting-host-key');
    expect(hostKeyPromptOf(waiting)).toMatchObject({ kind: 'new', presented: sshd.fingerprint });
    await engine().client.call('hostKeys.reject', { deviceId: device.id, fingerprint: sshd.fingerprint, operator: 'lab-test' });
    await until(device.id, 'the rejected key to be refused as such', rejectedAs(sshd.fingerprint));

    await restart();
    const presentedBefore = (await presentedEvents(device.id)).length;
    const refused = await until(device.id, 'the restarted engine to refuse the rejected key', rejectedAs(sshd.fingerprint));
    expect(hostKeyPromptOf(refused)).toBeNull();
    // Several retries later it still asks nobody and logs in nowhere.
    await new Promise((r) => setTimeout(r, 3000));
    expect(await statusOf(device.id)).toMatchObject({ connection: 'offline', lastError: { messageId: 'ssh.host-key-rejected' } });
    expect(await presentedEvents(device.id)).toHaveLength(presentedBefore);
    expect(authRequests(logFrom)).toEqual([]);

    // Trusting it after all lifts the rejection: the device logs in.
    await engine().client.call('hostKeys.trust', { deviceId: device.id, fingerprint: sshd.fingerprint, operator: 'lab-test' });
    await until(device.id, 'the trusted device to measure', (s) => s.connection === 'online');
    expect(authRequests(logFrom)).toContain('Accepted publickey');
    await engine().client.call('devices.remove', { id: device.id });
  });

  it('a changed key the operator rejected is refused as rejected (no prompt) after a restart, until accepted', async () => {
    const device = await engine().client.call('devices.add', {
      transport: 'ssh',
      name: 'hk-rejected-change',
      host: x1.host,
      sshPort: PORT,
      user: x1.user,
      auth: { kind: 'privateKey', privateKey: readFileSync(x1.privateKeyPath, 'utf8') },
      hostKeySha256: sshd.fingerprint,
      udsPath: x1.udsPath,
      pollIntervalMs: 500,
    });
    await until(device.id, 'the device to measure', (s) => s.connection === 'online');
    const old = sshd.fingerprint;
    await sshd.rotate();
    const changed = await until(device.id, 'the changed key to wait for the operator', (s) => s.connection === 'awaiting-host-key');
    expect(hostKeyPromptOf(changed)).toMatchObject({ kind: 'changed', expected: old, presented: sshd.fingerprint });

    await engine().client.call('hostKeys.reject', { deviceId: device.id, fingerprint: sshd.fingerprint, operator: 'lab-test' });
    await until(device.id, 'the rejected new key to be refused as rejected', rejectedAs(sshd.fingerprint));

    await restart();
    const logFrom = sshd.log().length;
    const refused = await until(device.id, 'the restarted engine to refuse the rejected new key', rejectedAs(sshd.fingerprint));
    expect(hostKeyPromptOf(refused)).toBeNull();
    expect((await engine().client.call('devices.list')).find((d) => d.id === device.id)?.hostKeySha256).toBe(old);
    expect(authRequests(logFrom)).toEqual([]);

    const accepted = await engine().client.call('hostKeys.trust', { deviceId: device.id, fingerprint: sshd.fingerprint, operator: 'lab-test' });
    expect(accepted).toMatchObject({ from: old, to: sshd.fingerprint });
    await until(device.id, 'the device to measure with the accepted key', (s) => s.connection === 'online');
    const decisions = (await engine().client.call('events.query', { deviceId: device.id, kinds: ['host-key'] })).map((e) => e.detail.action);
    expect(decisions).toEqual(['reject', 'accept-changed']);
  });
});
