import { readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceView } from '../../shared/domain/device';
import { startTestServer, waitFor, type TestServer } from '../support/engine-server';
import { skipUnlessAvailable } from '../support/skip';
import { labScenarioDevice, labSkipReason, labUp, type LabDevice, type LabInfo } from './lab';
import { holdLabDevice, netnsPids, processAlive } from './lab-helpers';
import { addLabDevice, connectionOf, eventsOf, labPid, pointsOf, waitOnline } from './scenario-engine';

const skip = skipUnlessAvailable('sshd restart scenario', labSkipReason());

/** How long sshd stays away: long enough for several polls to find nobody. */
const OUTAGE_MS = 4_000;

/**
 * ss-fs2's sshd killed with every session it served (the engine's connection and its pmc), then
 * started again: the device goes offline within seconds, comes back by itself, the stored series has
 * no point while it was away, and the outage is a pair of connection events.
 */
describe.skipIf(skip !== null)('scenario: sshd restarted with its sessions killed', () => {
  let lab: LabInfo;
  let fs2: LabDevice;
  let t: TestServer;
  let dev: DeviceView;
  let release: (() => Promise<void>) | null = null;

  beforeAll(async () => {
    lab = await labUp();
    fs2 = labScenarioDevice(lab, 'ss-fs2');
    t = await startTestServer();
    dev = await addLabDevice(t, fs2);
    await waitOnline(t, dev);
  });
  afterAll(async () => {
    await release?.();
    await labUp(); // sshd runs again whatever happened
    await t?.close();
  });

  /** Every sshd process in ss-fs2's namespace: the listener and the per-connection ones (only this test connects to ss-fs2). */
  const sshds = async () =>
    (await netnsPids(fs2.netns)).filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'sshd';
      } catch {
        return false; // gone meanwhile
      }
    });

  it('goes offline within seconds, reconnects by itself, and leaves a gap with no point', async () => {
    // A steady port state is stored when it changes and again every 10 s (the collector's value gate).
    await waitFor('port-state points', async () => (await pointsOf(t, dev.id, 'ptp4l', 'ptp.port_state', Date.now() - 25_000, { port: '1' })).tUs.length >= 2, 30_000, 250);
    const listener = labPid(lab.stateDir, fs2.name, 'sshd');
    const killed = await sshds();
    expect(killed).toContain(listener);
    expect(killed.length).toBeGreaterThan(1); // the engine's session too
    // Other suites' `lab.sh up` would start sshd again at once: ss-fs2 is held until we are done.
    release = await holdLabDevice(lab.stateDir, fs2.name);
    const killedAt = Date.now();
    const killedMono = performance.now();
    for (const pid of killed) process.kill(pid, 'SIGKILL');
    await waitFor('every sshd of ss-fs2 to end', () => killed.every((pid) => !processAlive(pid)), 5_000);

    await waitFor('ss-fs2 offline', async () => (await connectionOf(t, dev.id)) === 'offline', 10_000, 50);
    console.info(`ss-fs2 offline ${((performance.now() - killedMono) / 1000).toFixed(2)} s after its sshd and sessions were killed`);
    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    expect(await connectionOf(t, dev.id)).not.toBe('online');

    await release();
    release = null;
    const restartAt = Date.now();
    await labUp(); // starts ss-fs2's sshd again (same host key); the engine is not told
    await waitOnline(t, dev, 60_000);

    const connection = await eventsOf(t, dev.id, { sinceMs: killedAt, kinds: ['connection'] });
    const offline = connection.find((e) => e.to === 'offline');
    const online = connection.find((e) => e.to === 'online' && offline !== undefined && e.id > offline.id);
    expect(offline).toBeDefined();
    expect(online).toBeDefined();
    expect(offline!.tMs - killedAt).toBeLessThan(10_000);
    // sshd writes its pid file as it starts: when it was back, on the same wall clock as the events.
    const sshdBackMs = statSync(`${lab.stateDir}/${fs2.name}/sshd.pid`).mtimeMs;
    console.info(`ss-fs2 online again ${((online!.tMs - sshdBackMs) / 1000).toFixed(1)} s after its sshd was started again`);
    // The reason is stored with the gap: the connection dropped (or the reconnect was refused).
    expect(String(offline!.detail.code)).toMatch(/^ssh-(disconnected|refused|timeout)$/);
    // The gap stays a gap: no point of any series of the device from going offline until sshd was back.
    await waitFor('points after the reconnect', async () => (await pointsOf(t, dev.id, 'ptp4l', 'ptp.port_state', restartAt, { port: '1' })).tUs.length >= 2, 20_000, 250);
    const series = await t.client.call('series.list', { deviceId: dev.id });
    const gap = await t.client.call('series.query', { seriesIds: series.slice(0, 64).map((s) => s.id), fromMs: offline!.tMs + 1, toMs: restartAt, maxPoints: 100_000 });
    expect(gap.flatMap((c) => c.tUs)).toEqual([]);
    const state = (await pointsOf(t, dev.id, 'ptp4l', 'ptp.port_state', killedAt - 10_000, { port: '1' })).tUs;
    const lastBefore = Math.max(...state.filter((tUs) => tUs < restartAt * 1000));
    const firstAfter = Math.min(...state.filter((tUs) => tUs >= restartAt * 1000));
    console.info(`ss-fs2's stored gap: ${((firstAfter - lastBefore) / 1e6).toFixed(1)} s without a point`);
    expect(firstAfter - lastBefore).toBeGreaterThan(OUTAGE_MS * 1000);
  });
});
