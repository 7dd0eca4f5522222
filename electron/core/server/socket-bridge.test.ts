import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/support/engine-server';

describe('the contract over socket.io', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ metrics: false });
  });
  afterAll(() => t.close());

  it('binds to 127.0.0.1 and answers contract calls', async () => {
    expect(new URL(t.server.url).hostname).toBe('127.0.0.1');
    const hello = await t.client.call('engine.hello');
    expect(hello).toMatchObject({ version: expect.any(String), dataDir: t.dataDir, metricsUrl: null });
  });

  it('pushes devices.changed to every console when a device is added', async () => {
    await t.client.call('devices.add', { transport: 'local', name: 'here', pollIntervalMs: 60_000 });
    await expect.poll(() => t.events.some((e) => e.event === 'devices.changed' && e.payload.devices.some((d) => d.name === 'here'))).toBe(true);
  });

  it('refuses a page from another origin', async () => {
    const socket = io(t.server.url, { transports: ['websocket'], extraHeaders: { Origin: 'http://evil.example' }, reconnection: false, timeout: 3000 });
    const outcome = await new Promise<string>((ok) => {
      socket.once('connect', () => ok('connected'));
      socket.once('connect_error', () => ok('refused'));
    });
    socket.close();
    expect(outcome).toBe('refused');
  });
});
