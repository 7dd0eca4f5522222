import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceView } from '../../shared/domain/device';
import { PORT_STATE_CODES } from '../../shared/domain/ptp';
import { startTestServer, waitFor, type TestServer } from '../support/engine-server';
import { skipUnlessAvailable } from '../support/skip';
import { labDevice, labScenarioDevice, labSkipReason, labUp, type LabDevice, type LabInfo } from './lab';
import { addLabDevice, eventsOf, pointsOf, waitOnline } from './scenario-engine';

const run = promisify(execFile);
const skip = skipUnlessAvailable('boundary-clock scenario', labSkipReason());

/**
 * ss-bc1 runs two ptp4l instances: eth0, a slave-only clock in domain 0 following ss-gm, and eth1,
 * alone in domain 2 and so its own grandmaster (MASTER). One device in the engine with both
 * instances (each with its UDS, its config, so pmc speaks its domain, and its log): every series and
 * event is kept under the instance it came from, and /metrics names both.
 */
describe.skipIf(skip !== null)('scenario: a boundary-clock-like device with two ptp4l instances', () => {
  let lab: LabInfo;
  let bc1: LabDevice;
  let t: TestServer;
  let dev: DeviceView;
  let since: number;

  beforeAll(async () => {
    lab = await labUp();
    bc1 = labScenarioDevice(lab, 'ss-bc1');
    expect(bc1.instances.map((i) => `${i.name}:${i.domainNumber}`)).toEqual(['eth0:0', 'eth1:2']);
    t = await startTestServer();
    since = Date.now();
    dev = await addLabDevice(t, bc1, { logs: true });
    await waitOnline(t, dev);
  });
  afterAll(async () => {
    await t?.close();
  });

  const lastValue = async (instance: string, metric: 'ptp.port_state' | 'ptp.gm_priority1' | 'ptp.gm_clock_class' | 'ptp.clock_class', labels = {}) =>
    (await pointsOf(t, dev.id, instance, metric, since, labels)).value.at(-1);

  it('collects each instance under its own name: its own port state, grandmaster, domain and log', async () => {
    const slaveLike = [PORT_STATE_CODES.UNCALIBRATED, PORT_STATE_CODES.SLAVE];
    await waitFor('eth0 following ss-gm and eth1 MASTER', async () => {
      const eth0 = await lastValue('eth0', 'ptp.port_state', { port: '1' });
      const eth1 = await lastValue('eth1', 'ptp.port_state', { port: '1' });
      return eth0 !== undefined && eth0 !== null && slaveLike.includes(eth0) && eth1 === PORT_STATE_CODES.MASTER;
    }, 30_000, 250);
    // Grandmasters apart: eth0's is ss-gm (priority1 1, class 6), eth1's is itself (priority1 128, class 248).
    expect([await lastValue('eth0', 'ptp.gm_priority1'), await lastValue('eth0', 'ptp.gm_clock_class')]).toEqual([1, 6]);
    expect([await lastValue('eth1', 'ptp.gm_priority1'), await lastValue('eth1', 'ptp.gm_clock_class')]).toEqual([128, 248]);

    // Servo samples only where there is a master to measure: eth0's log, never eth1's.
    await waitFor('servo samples of eth0', async () => (await pointsOf(t, dev.id, 'eth0', 'ptp.servo_offset', since)).tUs.length >= 2, 30_000, 250);
    const series = await t.client.call('series.list', { deviceId: dev.id });
    // The PTP series are the two instances' own; the device's TSN and system figures have sources of their own.
    expect(new Set(series.filter((s) => s.metric.startsWith('ptp.')).map((s) => s.instance))).toEqual(new Set(['eth0', 'eth1']));
    for (const s of series.filter((x) => !x.metric.startsWith('ptp.'))) expect(['tsn', 'system']).toContain(s.instance);
    expect(series.filter((s) => s.metric === 'ptp.servo_offset').map((s) => s.instance)).toEqual(['eth0']);

    // Events apart: each instance's port states are its own (eth0 never MASTER, eth1 never a slave).
    const events = await eventsOf(t, dev.id);
    expect(events.every((e) => e.instance === 'eth0' || e.instance === 'eth1' || e.instance === null)).toBe(true);
    const statesOf = (instance: string) => events.filter((e) => e.kind === 'port-state' && e.instance === instance).map((e) => e.to);
    expect(statesOf('eth0').length).toBeGreaterThan(0);
    expect(statesOf('eth0')).not.toContain('MASTER');
    expect(statesOf('eth1')).toContain('MASTER');
    expect(statesOf('eth1').filter((s) => s === 'SLAVE' || s === 'UNCALIBRATED')).toEqual([]);
    // The interface each port event names is its instance's own.
    for (const e of events.filter((x) => x.kind === 'port-state' && x.detail.interface)) expect(e.detail.interface).toBe(e.instance);

    // The shared domain 0 is untouched: ss-gm stays its master (eth0 is slave-only) and ss-s1 follows it.
    const gm = labDevice(lab, 'ss-gm');
    const pmc = async (d: LabDevice, what: string) => (await run('pmc', ['-u', '-b', '0', '-s', d.udsPath, `GET ${what}`])).stdout;
    expect(await pmc(gm, 'PORT_DATA_SET')).toMatch(/portState\s+MASTER/);
    expect(await pmc(labDevice(lab, 'ss-s1'), 'PARENT_DATA_SET')).toMatch(new RegExp(`grandmasterIdentity\\s+${gm.clockIdentity}`));

    // A failed first poll drops the device's gauges, and a port state is sent again only when it
    // changes or every 10 s: wait for both instances' states to be back on the page.
    const eth1Master = new RegExp(`^syncscope_ptp_port_state\\{device="ss-bc1",instance_name="eth1",port="1"\\} ${PORT_STATE_CODES.MASTER}$`, 'm');
    const text = await waitFor('both instances on /metrics', async () => {
      const page = await (await fetch(t.server.metricsUrl!)).text();
      return eth1Master.test(page) ? page : null;
    }, 30_000, 500);
    expect(text).toMatch(new RegExp(`^syncscope_ptp_port_state\\{device="ss-bc1",instance_name="eth0",port="1"\\} (${slaveLike.join('|')})$`, 'm'));
    expect(text).toMatch(new RegExp(`^syncscope_ptp_port_state\\{device="ss-bc1",instance_name="eth1",port="1"\\} ${PORT_STATE_CODES.MASTER}$`, 'm'));
    expect(text).toMatch(/^syncscope_ptp_offset_from_master_seconds\{device="ss-bc1",instance_name="eth0"\} -?\d/m);
  });
});
