import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, waitFor, type TestServer } from '../support/engine-server';
import { skipUnlessAvailable } from '../support/skip';
import { labDevice, labSkipReason, labUp } from './lab';

/**
 * "Disconnect frees the port for flashing" (issue 7) on ss-c1, the lab device reached only through
 * its serial console (serial-console.sh): while the engine holds the console another program cannot
 * lock it; after Disconnect it can, and logs in and talks to the console as a flashing tool would
 * (console-probe.ts, its own process); the flag outlives an engine restart; Connect measures again.
 */
const run = promisify(execFile);
const HERE = dirname(fileURLToPath(import.meta.url));
const CONSOLE = '/run/syncscope-lab/ss-c1/console';
const UDS = '/run/syncscope-lab/ss-c1/ptp4l';
const LINE = { path: CONSOLE, baudRate: 115200, dataBits: 8, parity: 'none', stopBits: 1, flowControl: 'none' } as const;

const skip = skipUnlessAvailable('serial console lab tests', labSkipReason());
const socatPid = () => (existsSync('/run/syncscope-lab/ss-c1/socat.pid') ? readFileSync('/run/syncscope-lab/ss-c1/socat.pid', 'utf8').trim() : '');

describe.skipIf(skip !== null)('Disconnect frees a serial console for flashing (ss-c1)', () => {
  let dataDir: string;
  let t: TestServer | undefined;
  let user: string;
  let password: string;

  /** Another process at the console: opens it exclusively, logs in, runs a command, logs out. */
  const probe = async (): Promise<{ ok: boolean; output?: string; error?: string }> => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', join(HERE, 'console-probe.ts'), CONSOLE], { env: { ...process.env, CONSOLE_USER: user, CONSOLE_PW: password }, timeout: 30_000 });
    return JSON.parse(stdout) as { ok: boolean; output?: string; error?: string };
  };
  /** After a logout login(1) ends and the console is respawned on a new pty: wait for it. */
  const respawned = (before: string) => waitFor('the console respawned after a logout', () => socatPid() !== before && existsSync(CONSOLE), 15_000);

  beforeAll(async () => {
    const lab = await labUp();
    await run('bash', [join(HERE, 'serial-console.sh'), 'up']);
    ({ passwordUser: user, password } = labDevice(lab, 'ss-s1'));
    dataDir = mkdtempSync(join(tmpdir(), 'syncscope-serial-disconnect-'));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
    await run('bash', [join(HERE, 'serial-console.sh'), 'up']);
  });

  it('online → disconnect (port free, another program logs in) → restart (still disconnected) → connect (online, fresh samples)', async () => {
    t = await startTestServer({ dataDir });
    const dev = await t.client.call('devices.add', { transport: 'serial', name: 'bench-c1', serial: LINE, user, password, udsPath: UDS, pollIntervalMs: 500 });
    const statusOf = async () => (await t!.client.call('devices.status')).find((s) => s.deviceId === dev.id);
    const delayKey = { deviceId: dev.id, instance: 'ptp4l', metric: 'ptp.mean_path_delay' as const, labels: {} };
    const delays = (fromMs: number) => (t!.server.engine.series.queryRange({ keys: [delayKey], fromUs: fromMs * 1000, toUs: Date.now() * 1000 })[0]?.value ?? []).filter((v) => v !== null && v > 0);
    await waitFor('ss-c1 online with real path delays', async () => (await statusOf())?.connection === 'online' && delays(0).length >= 3, 40_000);

    // While the engine holds the console, nobody else gets it.
    const held = await probe();
    expect(held.ok).toBe(false);
    expect(held.error).toMatch(/lock/i);

    const before = socatPid();
    const disconnectedAtMs = Date.now();
    expect((await t.client.call('devices.update', { id: dev.id, patch: { disconnected: true } })).disconnected).toBe(true);
    expect(await statusOf()).toMatchObject({ connection: 'disconnected', lastError: null, nextRetryAtMs: null });
    // The engine logged out (login ended, so the console respawned) and released the port.
    await respawned(before);
    const flashing = socatPid();
    await expect(probe()).resolves.toEqual({ ok: true, output: 'flashed-42' });
    await respawned(flashing);
    // Nothing is polled meanwhile.
    expect(delays(disconnectedAtMs + 1000)).toEqual([]);

    // An engine restart keeps it disconnected: the port stays free.
    await t.close();
    t = await startTestServer({ dataDir });
    expect(await statusOf()).toMatchObject({ connection: 'disconnected' });
    await new Promise((r) => setTimeout(r, 1500));
    const afterRestart = socatPid();
    await expect(probe()).resolves.toEqual({ ok: true, output: 'flashed-42' });
    await respawned(afterRestart);

    const connectedAtMs = Date.now();
    expect((await t.client.call('devices.update', { id: dev.id, patch: { disconnected: false } })).disconnected).toBe(false);
    await waitFor('ss-c1 online again', async () => (await statusOf())?.connection === 'online', 40_000);
    await waitFor('fresh path delays', () => delays(connectedAtMs).length >= 2, 20_000);

    const gaps = (await t.client.call('events.query', { deviceId: dev.id, kinds: ['connection'] })).map((e) => [e.from, e.to]);
    expect(gaps.slice(-2)).toEqual([
      ['online', 'disconnected'],
      ['disconnected', 'online'],
    ]);
    await t.client.call('devices.remove', { id: dev.id });
  }, 180_000);
});
