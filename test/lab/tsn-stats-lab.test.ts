import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TsnStateView } from '../../shared/contract/methods-tsn';
import type { DeviceStatus } from '../../shared/domain/status';
import type { Reading } from '../../shared/series/series';
import { DeviceCollector } from '../../electron/core/collect/device-collector';
import { sshSpec } from '../../electron/core/collect/spec-fixture';
import { LocalTransport } from '../../electron/core/transport/local-transport';
import type { DeviceView } from '../../shared/domain/device';
import { startTestServer, waitFor, type TestServer } from '../support/engine-server';
import { skipUnlessAvailable } from '../support/skip';
import { labDevice, labScenarioDevice, labSkipReason, labUp, type LabDevice } from './lab';
import { addLabDevice, eventsOf, pointsOf, waitOnline } from './scenario-engine';

const run = promisify(execFile);
const skip = skipUnlessAvailable('TSN statistics lab test', labSkipReason());

/** Inside ss-t1 only: a veth pair (tsn0 → tsn1) whose far end has no address, so what tsn0 sends goes nowhere else. */
const NETNS = 'ss-t1';
const SINK = '10.231.99.2';
const inT1 = (script: string) => run('ip', ['netns', 'exec', NETNS, 'sh', '-c', script], { timeout: 20_000 });
/** A bounded burst: `count` UDP datagrams of 1400 bytes to the sink, at most 10 s. */
const burst = (count: number) => run('ip', ['netns', 'exec', NETNS, 'timeout', '10', 'bash', '-c', `exec 3>/dev/udp/${SINK}/9; for i in $(seq 1 ${count}); do printf '%1400s' x >&3 2>/dev/null; done; exit 0`], { timeout: 20_000 });

/**
 * A real engine collects ss-t1 over SSH while its tsn0 is shaped with htb (50 kbit/s), then tbf (50 kbit/s), and bounded
 * bursts overflow the shaper: drops, backlog and their rates must move in the stored series, in
 * tsn.state and on /metrics; a qdisc replaced under the same handle is a counter-reset event and
 * never a negative rate.
 */
describe.skipIf(skip !== null)('TSN statistics of a shaped lab interface, collected over SSH', () => {
  let t1: LabDevice;
  let t: TestServer;
  let dev: DeviceView;

  beforeAll(async () => {
    t1 = labScenarioDevice(await labUp(), 'ss-t1');
    await inT1(
      'ip link del tsn0 2>/dev/null; ' +
      [
        'ip link add tsn0 type veth peer name tsn1',
        'ip link set tsn0 up && ip link set tsn1 up',
        'ip addr add 10.231.99.1/24 dev tsn0',
        `ip neigh replace ${SINK} lladdr 02:53:53:99:00:02 dev tsn0 nud permanent`,
        'tc qdisc add dev tsn0 root handle 1: htb default 10',
        'tc class add dev tsn0 parent 1: classid 1:10 htb rate 50kbit ceil 50kbit',
        'tc qdisc add dev tsn0 parent 1:10 handle 10: pfifo limit 40',
      ].join(' && ') + ' || exit 1',
    );
    t = await startTestServer();
    dev = await addLabDevice(t, t1);
    await waitOnline(t, dev);
  });
  afterAll(async () => {
    await t?.close();
    await inT1('ip link del tsn0 2>/dev/null; exit 0');
  });

  const state = () => t.client.call('tsn.state', { deviceId: dev.id });
  const iface = (s: TsnStateView, name: string) => s.interfaces.find((i) => i.interface === name);
  const series = async (metric: Parameters<typeof pointsOf>[3], labels: Record<string, string>, fromMs: number) => (await pointsOf(t, dev.id, 'tsn', metric, fromMs, labels)).value.filter((v): v is number => v !== null);

  it('chooses ptp4l\'s interface and the shaped one by default, and reads htb drops, backlog and rates', async () => {
    const s = await waitFor('tsn0 and eth0 in tsn.state', async () => {
      const st = await state();
      return iface(st, 'tsn0')?.qdiscs.some((q) => q.kind === 'htb') && iface(st, 'eth0') ? st : null;
    }, 20_000, 250);
    expect(iface(s, 'tsn0')?.reasons).toEqual(['qdisc']);
    expect(iface(s, 'eth0')?.reasons).toEqual(['ptp4l']);
    expect(s.system?.memTotalBytes).toBeGreaterThan(0);

    const from = Date.now();
    await burst(200);
    const htb = { interface: 'tsn0', handle: '1:', parent: 'root', kind: 'htb' };
    await waitFor('htb drops stored', async () => Math.max(0, ...(await series('tsn.qdisc.drops', htb, from))) >= 100, 15_000, 250);
    await waitFor('a drop rate and a bit rate', async () => (await series('tsn.qdisc.drop_rate', htb, from)).some((v) => v > 0) && (await series('tsn.qdisc.bit_rate', htb, from)).some((v) => v > 0), 15_000, 250);
    // The class's pfifo holds 40 packets and drains at 50 kbit/s (~9 s): polls at 1 Hz see it.
    await waitFor('a backlog stored', async () => (await series('tsn.qdisc.backlog', htb, from)).some((v) => v > 0), 10_000, 250);
    expect(Math.max(...(await series('tsn.qdisc.qlen', htb, from)))).toBeGreaterThan(0);
    // The shaper holds the rate: no poll interval saw much more than 50 kbit/s leave.
    expect(Math.max(...(await series('tsn.qdisc.bit_rate', htb, from)))).toBeLessThan(400_000);
    const leaf = { interface: 'tsn0', class: '1:10', parent: 'root', kind: 'htb' };
    expect(Math.max(...(await series('tsn.class.drops', leaf, from)))).toBeGreaterThanOrEqual(100);
    const st = await state();
    expect(iface(st, 'tsn0')?.classes.find((c) => c.classid === '1:10')?.leaf).toBe('10:');
    expect(iface(st, 'tsn0')?.qdiscs.find((q) => q.handle === '10:')).toMatchObject({ kind: 'pfifo', parent: '1:10' });
    // veth's ethtool -S counts per queue; tsn0 sent every datagram the shaper let through.
    expect(iface(st, 'tsn0')?.queues.length).toBeGreaterThan(0);
    const txBytes = (await pointsOf(t, dev.id, 'system', 'system.net.tx_bytes', from, { interface: 'tsn0' })).value;
    expect(Math.max(...txBytes.map(Number))).toBeGreaterThan(0);
  });

  it('reads tbf drops and backlog, and makes a qdisc replaced under the same handle a counter-reset event with no negative rate', async () => {
    await inT1('tc qdisc del dev tsn0 root && tc qdisc add dev tsn0 root handle 2: tbf rate 50kbit burst 1600 limit 60000 || exit 1');
    const tbf = { interface: 'tsn0', handle: '2:', parent: 'root', kind: 'tbf' };
    const from = Date.now();
    await waitFor('tbf in tsn.state', async () => iface(await state(), 'tsn0')?.qdiscs.some((q) => q.kind === 'tbf'), 15_000, 250);
    await burst(200);
    await waitFor('tbf drops stored', async () => Math.max(0, ...(await series('tsn.qdisc.drops', tbf, from))) >= 100, 15_000, 250);
    await waitFor('a tbf backlog stored', async () => (await series('tsn.qdisc.backlog', tbf, from)).some((v) => v > 0), 10_000, 250);

    // The same handle again, counting from zero: a reset, not a rate of minus everything.
    const resetFrom = Date.now();
    await inT1('tc qdisc del dev tsn0 root && tc qdisc add dev tsn0 root handle 2: tbf rate 50kbit burst 1600 limit 60000 || exit 1');
    const reset = await waitFor('a counter-reset event for tsn0', async () => (await eventsOf(t, dev.id, { sinceMs: resetFrom - 1000, kinds: ['counter-reset'] })).find((e) => e.detail.interface === 'tsn0'), 15_000, 250);
    expect(reset).toMatchObject({ instance: 'tsn', to: 'qdisc 2:', detail: { reason: 'went-back' } });
    await burst(80);
    await waitFor('drops counted again after the reset', async () => (await series('tsn.qdisc.drops', tbf, resetFrom)).some((v) => v > 0), 15_000, 250);
    for (const metric of ['tsn.qdisc.drop_rate', 'tsn.qdisc.bit_rate', 'tsn.qdisc.packet_rate'] as const) expect(Math.min(...(await series(metric, tbf, from)))).toBeGreaterThanOrEqual(0);
  });

  it('exports the interface\'s qdisc counters on /metrics with device, interface and handle labels', async () => {
    const url = t.server.metricsUrl;
    expect(url).not.toBeNull();
    const page = await (await fetch(url as string)).text();
    expect(page).toMatch(/syncscope_tsn_qdisc_drops_total\{device="ss-t1",instance_name="tsn",interface="tsn0",handle="2:",parent="root",kind="tbf"\} \d+/);
    expect(page).toMatch(/syncscope_device_cpu_busy_ratio\{device="ss-t1",instance_name="system",cpu="all"\} [\d.e-]+/);
  });

  it('refuses a hostile interface in the profile, and follows the profile\'s list when it has one', async () => {
    const refused = await t.client.call('devices.update', { id: dev.id, patch: { tsnInterfaces: ['eth0; reboot'] } }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(JSON.stringify(refused)).toContain('interface must be a Linux interface name');
    await t.client.call('devices.update', { id: dev.id, patch: { tsnInterfaces: ['tsn0'] } });
    const s = await waitFor('only the profile\'s interface', async () => {
      const st = await state();
      return st.interfaces.length === 1 && iface(st, 'tsn0')?.reasons.join() === 'profile' ? st : null;
    }, 20_000, 250);
    expect(s.interfaces.map((i) => i.interface)).toEqual(['tsn0']);
  });
});

describe.skipIf(skip !== null)('the TSN source beside pmc in one device supervisor', () => {
  it('polls at its own 1 s while pmc polls every 200 ms, and the device\'s status follows pmc alone', async () => {
    // This machine as the device (its own tc, ethtool and /proc), pmc reading ss-s1's ptp4l socket.
    const s1 = labDevice(await labUp(), 'ss-s1');
    const readings: Reading[] = [];
    const statuses: DeviceStatus[] = [];
    let cycles = 0;
    const c = new DeviceCollector(sshSpec({ transport: 'local', host: null, user: null, auth: null, udsPath: s1.udsPath, pollIntervalMs: 200 }), new LocalTransport(), {
      sample: () => undefined,
      readings: (r) => readings.push(...r),
      events: () => undefined,
      status: (st) => statuses.push(st),
      pollDone: () => cycles++,
    });
    try {
      await waitFor('the first TSN poll', () => readings.some((r) => r.instance === 'tsn' || r.instance === 'system'), 10_000, 50);
      const from = performance.now();
      const before = { cycles, system: readings.filter((r) => r.instance === 'system').length };
      await new Promise((r) => setTimeout(r, 3_000));
      const seconds = (performance.now() - from) / 1000;
      const pmcPolls = cycles - before.cycles;
      const system = readings.filter((r) => r.instance === 'system').length - before.system;
      // pmc's cycles are not held up by the TSN poll (a few hundred ms on a busy machine).
      expect(pmcPolls / seconds).toBeGreaterThan(3);
      expect(system).toBeGreaterThanOrEqual(2);
      expect(system).toBeLessThanOrEqual(4);
      expect(statuses.at(-1)?.connection).toBe('online');
      expect(c.tsnState()?.system?.memTotalBytes).toBeGreaterThan(0);
      expect(c.diagnostics().map((d) => d.source)).toContain('tsn-stats');
    } finally {
      await c.stop();
    }
  });
});
