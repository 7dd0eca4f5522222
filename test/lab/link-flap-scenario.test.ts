import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceView } from '../../shared/domain/device';
import { isMeasurement } from '../../shared/series/series';
import { startTestServer, waitFor, type TestServer } from '../support/engine-server';
import { skipUnlessAvailable } from '../support/skip';
import { labScenarioDevice, labSkipReason, labUp, type LabDevice } from './lab';
import { ipLink } from './lab-helpers';
import { addLabDevice, eventsOf, pointsOf, waitOnline } from './scenario-engine';

const skip = skipUnlessAvailable('link flap scenario', labSkipReason());

/** How long the cable stays out: longer than ptp4l takes to see the carrier go (at once), shorter than SSH keepalive gives up. */
const LINK_DOWN_MS = 3_000;

/**
 * A link flap on the slave ss-fs1 (its veth down, then up), collected by pmc and by following its
 * ptp4l log: the FAULTY and LISTENING transitions are stored as port-state events and the link as
 * link events, and measurements resume once it has its master again.
 */
describe.skipIf(skip !== null)('scenario: link flap on a slave', () => {
  let fs1: LabDevice;
  let t: TestServer;
  let dev: DeviceView;

  beforeAll(async () => {
    fs1 = labScenarioDevice(await labUp(), 'ss-fs1');
    t = await startTestServer();
    dev = await addLabDevice(t, fs1, { logs: true });
    await waitOnline(t, dev);
  });
  afterEach(async () => {
    await ipLink(fs1.hostVeth, 'up');
  });
  afterAll(async () => {
    await t?.close();
  });

  const measured = async (metric: 'ptp.offset_from_master' | 'ptp.servo_offset', fromMs: number) => {
    const cols = await pointsOf(t, dev.id, 'ptp4l', metric, fromMs);
    return cols.tUs.filter((_, i) => isMeasurement({ value: cols.value[i] ?? null, flags: cols.flags[i] }));
  };

  it('records FAULTY and LISTENING, link down and up, and measures again afterwards', async () => {
    await waitFor('measurements before the flap', async () => (await measured('ptp.servo_offset', Date.now() - 10_000)).length >= 1 && (await measured('ptp.offset_from_master', Date.now() - 10_000)).length >= 1, 30_000, 250);
    const downAt = Date.now();
    await ipLink(fs1.hostVeth, 'down');
    await new Promise((r) => setTimeout(r, LINK_DOWN_MS));
    await ipLink(fs1.hostVeth, 'up');
    const upAt = Date.now();

    const states = async () => (await eventsOf(t, dev.id, { sinceMs: downAt, kinds: ['port-state'] })).filter((e) => e.instance === 'ptp4l');
    await waitFor('FAULTY then LISTENING then a master again', async () => {
      const to = (await states()).map((e) => e.to);
      const faulty = to.indexOf('FAULTY');
      const listening = to.indexOf('LISTENING', faulty);
      return faulty >= 0 && listening > faulty && to.slice(listening).some((s) => s === 'UNCALIBRATED' || s === 'SLAVE');
    }, 45_000, 250);
    const logStates = (await states()).filter((e) => e.detail.source === 'log');
    expect(logStates.find((e) => e.to === 'FAULTY')).toMatchObject({ detail: { event: 'FAULT_DETECTED', port: 1 } });
    expect(logStates.find((e) => e.from === 'FAULTY')).toMatchObject({ to: 'LISTENING', detail: { event: 'INIT_COMPLETE' } });
    const links = (await eventsOf(t, dev.id, { sinceMs: downAt, kinds: ['link'] })).map((e) => e.to);
    expect(links.slice(0, 2)).toEqual(['down', 'up']);
    // The data sets tell the same story once pmc answers again: LISTENING, then a master.
    await waitFor('LISTENING then UNCALIBRATED or SLAVE from the data sets', async () => {
      const to = (await states()).filter((e) => e.detail.source !== 'log').map((e) => e.to);
      const listening = to.indexOf('LISTENING');
      return listening >= 0 && to.slice(listening).some((s) => s === 'UNCALIBRATED' || s === 'SLAVE');
    }, 30_000, 250);

    // Measurements resume: new servo samples from the log and fresh pmc offsets after the cable is back.
    await waitFor('servo samples and pmc offsets after the flap', async () => (await measured('ptp.servo_offset', upAt)).length >= 2 && (await measured('ptp.offset_from_master', upAt)).length >= 2, 45_000, 250);
    // From the cable pulled until the port has a master again (FAULTY, then LISTENING: pmc repeats the
    // last offset meanwhile), nothing is a fresh measurement: the gap stays a gap.
    const all = await states();
    const relisten = all.findIndex((e) => e.to === 'LISTENING' && all.some((f) => f.to === 'FAULTY' && f.id < e.id));
    const masterAgainAt = Math.min(...all.slice(relisten).filter((e) => e.to === 'UNCALIBRATED' || e.to === 'SLAVE').map((e) => e.tMs));
    console.info(`link flap on ss-fs1: ${LINK_DOWN_MS / 1000} s down, a master again ${((masterAgainAt - upAt) / 1000).toFixed(1)} s after the link came back`);
    expect(masterAgainAt - downAt).toBeGreaterThan(LINK_DOWN_MS);
    expect((await measured('ptp.offset_from_master', downAt + 500)).filter((tUs) => tUs < (masterAgainAt - 500) * 1000)).toEqual([]);
  });
});
