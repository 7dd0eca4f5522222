import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/support/engine-server';
import { rawGet } from '../../../test/support/http-raw';

/** socket.io's first request: the handshake that allowRequest gates (same for polling and websocket). */
const HANDSHAKE = '/socket.io/?EIO=4&transport=polling';

describe('the contract over socket.io', () => {
  let t: TestServer;
  let port: string;
  beforeAll(async () => {
    t = await startTestServer({ metrics: false, allowHosts: ['lab-server.example'] });
    port = new URL(t.server.url).port;
  });
  afterAll(() => t.close());

  it('answers contract calls, without telling a network client where the data lives', async () => {
    const hello = await t.client.call('engine.hello');
    expect(hello).toMatchObject({ version: expect.any(String), metricsUrl: null });
    expect(hello).not.toHaveProperty('dataDir');
    expect(JSON.stringify(hello)).not.toContain(t.dataDir);
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

  // DNS rebinding: a page at http://attacker.example:PORT whose name now resolves to 127.0.0.1 sends
  // Host and Origin that agree with each other, so only the Host allow-list can tell.
  it('refuses a rebound name, over HTTP (421) and at the socket handshake, even with a matching Origin', async () => {
    const attacker = { Host: `attacker.example:${port}`, Origin: `http://attacker.example:${port}` };
    const page = await rawGet(`${t.server.url}`, attacker);
    expect(page.status).toBe(421);
    expect(page.body).toMatch(/does not answer to the name "attacker\.example"[\s\S]*--allow-host attacker\.example/);
    const handshake = await rawGet(`${t.server.url.replace(/\/$/, '')}${HANDSHAKE}`, attacker);
    expect(handshake.status).toBe(403);
    expect(handshake.body).not.toContain('"sid"');
  });

  it('answers to localhost, 127.0.0.1, [::1] and names given with --allow-host', async () => {
    for (const name of ['localhost', '127.0.0.1', '[::1]', 'LOCALHOST', 'lab-server.example']) {
      const headers = { Host: `${name}:${port}`, Origin: `http://${name}:${port}` };
      expect((await rawGet(t.server.url, headers)).status, name).not.toBe(421);
      const handshake = await rawGet(`${t.server.url.replace(/\/$/, '')}${HANDSHAKE}`, headers);
      expect(handshake.status, name).toBe(200);
      expect(handshake.body, name).toContain('"sid"');
    }
  });

  it('refuses an allowed Host whose Origin is another site', async () => {
    const handshake = await rawGet(`${t.server.url.replace(/\/$/, '')}${HANDSHAKE}`, { Host: `localhost:${port}`, Origin: `http://attacker.example:${port}` });
    expect(handshake.status).toBe(403);
  });
});
