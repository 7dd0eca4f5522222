import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceView } from '../../shared/domain/device';
import type { StoredEvent } from '../../shared/series/series-query';
import { startTestServer, waitFor, type TestServer } from '../support/engine-server';
import { skipUnlessAvailable } from '../support/skip';
import { labDevice, labScenarioDevice, labSkipReason, labUp, type LabDevice, type LabInfo } from './lab';
import { holdLabDevice, processAlive } from './lab-helpers';
import { addLabDevice, eventsOf, labPid, pointsOf, waitOnline } from './scenario-engine';

const run = promisify(execFile);
const skip = skipUnlessAvailable('grandmaster failover scenario', labSkipReason());

/**
 * Grandmaster failover on the failover group (PTP domain 1): ss-fgm1's ptp4l is stopped, ss-fs1 and
 * ss-fs2 select the backup ss-fgm2, and the engine records the change with old and new identity; with
 * ss-fgm1 back, the slaves return to it, recorded too. The shared devices (domain 0) never notice.
 */
describe.skipIf(skip !== null)('scenario: grandmaster failover to the backup and back', () => {
  let lab: LabInfo;
  let t: TestServer;
  let fgm1: LabDevice;
  let fgm2: LabDevice;
  let slaves: { lab: LabDevice; dev: DeviceView }[];
  let release: (() => Promise<void>) | null = null;

  beforeAll(async () => {
    lab = await labUp();
    [fgm1, fgm2] = [labScenarioDevice(lab, 'ss-fgm1'), labScenarioDevice(lab, 'ss-fgm2')];
    t = await startTestServer();
    slaves = [];
    for (const name of ['ss-fs1', 'ss-fs2']) {
      const d = labScenarioDevice(lab, name);
      // ss-fs1's log is followed too: ptp4l's own "selected best master clock" lines become gm-change events.
      slaves.push({ lab: d, dev: await addLabDevice(t, d, { logs: name === 'ss-fs1' }) });
    }
    for (const s of slaves) await waitOnline(t, s.dev);
    // Both follow ss-fgm1 (priority1 1) before anything is stopped.
    for (const s of slaves) await waitFor(`${s.lab.name} to follow ss-fgm1`, async () => (await pointsOf(t, s.dev.id, 'ptp4l', 'ptp.gm_priority1', Date.now() - 2000)).value.at(-1) === 1, 30_000, 250);
  });
  afterAll(async () => {
    // Whatever happened, ss-fgm1's ptp4l runs again (up restarts a dead daemon in place).
    await release?.();
    await labUp();
    await t?.close();
  });

  /** gm-change events from the data sets (pmc), after `sinceMs`, oldest first. */
  const gmChanges = async (s: { dev: DeviceView }, sinceMs: number): Promise<StoredEvent[]> =>
    (await eventsOf(t, s.dev.id, { sinceMs, kinds: ['gm-change'] })).filter((e) => e.instance === 'ptp4l' && e.detail.source !== 'log');

  /** The chain of grandmasters the events walk from `from` to `to`: a slave may pass through its own clock while it has no master. */
  function expectChain(events: StoredEvent[], from: string, to: string, own: string): void {
    expect(events.length).toBeGreaterThan(0);
    expect(events[0]!.from).toBe(from);
    expect(events.at(-1)!.to).toBe(to);
    for (let i = 1; i < events.length; i++) expect(events[i]!.from).toBe(events[i - 1]!.to);
    for (const e of events.slice(0, -1)) expect([own, to, from]).toContain(e.to);
    for (const e of events) expect(e.detail.localClock).toBe(e.to === own);
  }

  it('the slaves select ss-fgm2 when ss-fgm1 stops, and return to ss-fgm1 when it is back', async () => {
    const pid = labPid(lab.stateDir, 'ss-fgm1', 'ptp4l');
    // Other suites' `lab.sh up` would start it again at once: ss-fgm1 is held until we restart it.
    release = await holdLabDevice(lab.stateDir, 'ss-fgm1');
    const stoppedAt = Date.now();
    const stopped = performance.now();
    process.kill(pid, 'SIGTERM');
    await waitFor('ss-fgm1 ptp4l to end', () => !processAlive(pid), 5_000);
    for (const s of slaves) await waitFor(`${s.lab.name} to select ss-fgm2`, async () => (await gmChanges(s, stoppedAt)).some((e) => e.to === fgm2.clockIdentity), 40_000, 250);
    console.info(`failover: both slaves on ss-fgm2 ${((performance.now() - stopped) / 1000).toFixed(1)} s after ss-fgm1's ptp4l stopped`);
    for (const s of slaves) {
      const events = await gmChanges(s, stoppedAt);
      expectChain(events, fgm1.clockIdentity, fgm2.clockIdentity, s.lab.clockIdentity);
      expect(events.at(-1)!.detail).toMatchObject({ localClock: false, gmPriority1: 2, gmClockClass: 6 });
    }
    const logged = async (sinceMs: number) => (await eventsOf(t, slaves[0]!.dev.id, { sinceMs, kinds: ['gm-change'] })).filter((e) => e.detail.source === 'log').map((e) => e.to);
    expect(await logged(stoppedAt)).toContain(fgm2.clockIdentity);
    // Domain 0 never saw any of it: ss-s1 still follows ss-gm.
    const s1 = labDevice(lab, 'ss-s1');
    const { stdout } = await run('pmc', ['-u', '-b', '0', '-s', s1.udsPath, 'GET PARENT_DATA_SET']);
    expect(stdout).toMatch(new RegExp(`grandmasterIdentity\\s+${labDevice(lab, 'ss-gm').clockIdentity}`));

    const restartedAt = Date.now();
    const restarted = performance.now();
    await release();
    release = null;
    await labUp(); // starts ss-fgm1's ptp4l again, same identity
    expect(labPid(lab.stateDir, 'ss-fgm1', 'ptp4l')).not.toBe(pid);
    for (const s of slaves) await waitFor(`${s.lab.name} to return to ss-fgm1`, async () => (await gmChanges(s, restartedAt)).some((e) => e.to === fgm1.clockIdentity), 40_000, 250);
    console.info(`failback: both slaves on ss-fgm1 ${((performance.now() - restarted) / 1000).toFixed(1)} s after its ptp4l was started again`);
    for (const s of slaves) {
      const events = await gmChanges(s, restartedAt);
      expectChain(events, fgm2.clockIdentity, fgm1.clockIdentity, s.lab.clockIdentity);
      expect(events.at(-1)!.detail).toMatchObject({ localClock: false, gmPriority1: 1 });
    }
    expect(await logged(restartedAt)).toContain(fgm1.clockIdentity);
  });
});
