import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../shared/domain/status';
import { startTestServer, waitFor, type TestServer } from '../support/engine-server';
import { skipUnlessAvailable } from '../support/skip';
import { labIsolatedDevice, labSkipReason, labUp, type LabDevice } from './lab';

const skip = skipUnlessAvailable('collection lab tests', labSkipReason());

/** The whole engine (store, collection, /metrics, contract) against the isolated lab device ss-x1. */
describe.skipIf(skip !== null)('collection through the engine, against ss-x1', () => {
  let x1: LabDevice;
  let t: TestServer;
  beforeAll(async () => {
    x1 = labIsolatedDevice(await labUp(), 'ss-x1');
    t = await startTestServer();
  });
  afterAll(async () => {
    await t?.close();
  });

  const statusOf = async (id: string): Promise<DeviceStatus | undefined> => (await t.client.call('devices.status')).find((s) => s.deviceId === id);
  const metrics = async () => (await fetch(t.server.metricsUrl!)).text();
  const addPasswordDevice = (name: string, password: string, over: Record<string, unknown> = {}) =>
    t.client.call('devices.add', { transport: 'ssh', name, host: x1.host, user: x1.passwordUser, auth: { kind: 'password', password }, udsPath: x1.udsPath, pollIntervalMs: 500, hostKeySha256: x1.hostKeySha256, ...over });

  it('a login that may not write ptp4l\'s socket is "no-data" with pmc-permission, and down on /metrics', async () => {
    const dev = await addPasswordDevice('x1-nonroot', x1.password);
    const st = await waitFor('a permission diagnosis', async () => {
      const s = await statusOf(dev.id);
      return s?.lastError?.code === 'pmc-permission' ? s : null;
    });
    expect(st.connection).toBe('no-data');
    expect(st.lastError).toMatchObject({ messageId: 'pmc.permission', params: { device: 'x1-nonroot', uds: x1.udsPath } });
    expect(st.lastError?.hint).toContain(x1.udsPath);
    expect(st.lastError?.hint).toContain('uds_file_mode');
    // No status on the way said "online": reachable is not measuring.
    expect(t.events.some((e) => e.event === 'device.status' && e.payload.deviceId === dev.id && e.payload.connection === 'online')).toBe(false);
    const text = await metrics();
    expect(text).toMatch(/^syncscope_device_up\{device="x1-nonroot"\} 0$/m);
    expect(text).toMatch(/^syncscope_poll_errors_total\{device="x1-nonroot",code="pmc-permission"\} [1-9]\d*$/m);
    expect(text).not.toMatch(/^syncscope_ptp_\w+\{device="x1-nonroot"\}/m);
  });

  it('a first contact pins no host key by itself: without an expected key it waits for the operator, and a failed login pins nothing', async () => {
    const dev = await addPasswordDevice('x1-bad-password', 'wrong-password', { hostKeySha256: undefined });
    const st = await waitFor('the first contact to wait for the operator', async () => {
      const s = await statusOf(dev.id);
      return s?.connection === 'awaiting-host-key' ? s : null;
    });
    expect(st.lastError?.params).toMatchObject({ fingerprint: x1.hostKeySha256 });
    expect((await t.client.call('devices.list')).find((d) => d.id === dev.id)?.hostKeySha256).toBeNull();
  });

  it('a profile whose expected host key differs is refused with both fingerprints', async () => {
    const expected = 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const dev = await addPasswordDevice('x1-expected-key', x1.password, { hostKeySha256: expected });
    const st = await waitFor('the host key to be refused', async () => {
      const s = await statusOf(dev.id);
      return s?.lastError?.code === 'ssh-host-key-mismatch' ? s : null;
    });
    // A changed or unexpected key waits for the operator's explicit decision (accept the new key, or reject).
    expect(st.connection).toBe('awaiting-host-key');
    expect(st.lastError?.params).toMatchObject({ expected, presented: x1.hostKeySha256 });
  });
});
