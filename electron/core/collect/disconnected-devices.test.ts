import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncscopeError } from '../../../shared/domain/errors';
import { errorText } from '../../../shared/errors/catalog';
import { startTestServer, waitFor, type TestServer } from '../../../test/support/engine-server';

const gauge = (text: string, metric: string, device: string) => new RegExp(`^${metric}\\{device="${device}"\\} (\\d+)$`, 'm').exec(text)?.[1];

/** A real engine (serve) on a fresh data folder, with a local device: no ptp4l here, so it settles as not measuring. */
describe('a disconnected device in the engine', () => {
  let t: TestServer;
  beforeEach(async () => {
    t = await startTestServer();
  });
  afterEach(async () => {
    await t.close();
  });

  const statusOf = async (id: string) => (await t.client.call('devices.status')).find((s) => s.deviceId === id);
  const metrics = async () => (await fetch(t.server.metricsUrl!)).text();

  it('stays disconnected through an edit and a rename, its /metrics series following the new name', async () => {
    const dev = await t.client.call('devices.add', { transport: 'local', name: 'bench-a', pollIntervalMs: 200 });
    await waitFor('bench-a polled', async () => ['no-data', 'offline'].includes((await statusOf(dev.id))?.connection ?? ''));
    await t.client.call('devices.update', { id: dev.id, patch: { disconnected: true } });
    const renamed = await t.client.call('devices.update', { id: dev.id, patch: { name: 'bench-b', pollIntervalMs: 300 } });
    expect(renamed).toMatchObject({ name: 'bench-b', pollIntervalMs: 300, disconnected: true });
    expect(await statusOf(dev.id)).toMatchObject({ connection: 'disconnected' });
    const m = await metrics();
    expect([gauge(m, 'syncscope_device_up', 'bench-b'), gauge(m, 'syncscope_device_disconnected', 'bench-b')]).toEqual(['0', '1']);
    expect(gauge(m, 'syncscope_device_disconnected', 'bench-a')).toBeUndefined();
    // One gap, however often the profile was edited during it.
    const gaps = (await t.client.call('events.query', { deviceId: dev.id, kinds: ['connection'] })).map((e) => e.to);
    expect(gaps.filter((to) => to === 'disconnected')).toHaveLength(1);
    // A profile written before disconnect existed has no flag: connected.
    t.server.engine.db.prepare("UPDATE devices SET profile = json_remove(profile, '$.disconnected')").run();
    expect(t.server.engine.devices.get(dev.id).disconnected).toBe(false);
  });

  it('records the state a device left even when it is disconnected right after it settled', async () => {
    const dev = await t.client.call('devices.add', { transport: 'local', name: 'bench-c', pollIntervalMs: 200 });
    const left = await waitFor('bench-c settled', async () => {
      const c = (await statusOf(dev.id))?.connection;
      return c === 'no-data' || c === 'offline' ? c : null;
    });
    await t.client.call('devices.update', { id: dev.id, patch: { disconnected: true } });
    await t.client.call('devices.update', { id: dev.id, patch: { disconnected: false } });
    await waitFor('bench-c settled again', async () => (await statusOf(dev.id))?.connection === left);
    await t.client.call('devices.update', { id: dev.id, patch: { disconnected: true } });
    const gaps = (await t.client.call('events.query', { deviceId: dev.id, kinds: ['connection'] })).map((e) => [e.from, e.to]);
    expect(gaps).toEqual([
      [null, left],
      [left, 'disconnected'],
      ['disconnected', left],
      [left, 'disconnected'],
    ]);
  });

  it('refuses health checks, which would open a connection of their own, in both languages', async () => {
    const dev = await t.client.call('devices.add', { transport: 'local', name: 'bench-d' });
    await t.client.call('devices.update', { id: dev.id, patch: { disconnected: true } });
    const err = await t.client.call('doctor.run', { deviceId: dev.id }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SyncscopeError);
    const value = (err as SyncscopeError).value;
    expect(value).toMatchObject({ code: 'conflict', messageId: 'device.disconnected', message: expect.stringContaining('bench-d is disconnected') as unknown });
    expect(errorText(value, 'zh-CN').message).toContain('bench-d 已断开');
  });
});
