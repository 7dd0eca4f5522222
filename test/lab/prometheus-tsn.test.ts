import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, waitFor, type TestServer } from '../support/engine-server';
import { skipUnlessAvailable } from '../support/skip';
import { labScenarioDevice, labSkipReason, labUp } from './lab';
import { startPrometheus } from './prometheus-server';
import { addLabDevice, waitOnline } from './scenario-engine';

const hasProm = spawnSync('sh', ['-c', 'command -v prometheus']).status === 0;
const skip = skipUnlessAvailable('Prometheus scrape of TSN series', labSkipReason() ?? (hasProm ? null : 'prometheus is not installed (apt-get install prometheus)'));

const run = promisify(execFile);
/** Inside ss-t1 only: a veth pair (tsnm0 → tsnm1) shaped with a root tbf, its far end without an address. */
const NETNS = 'ss-t1';
const IFACE = 'tsnm0';
const SINK = '10.231.98.2';
const inT1 = (script: string) => run('ip', ['netns', 'exec', NETNS, 'sh', '-c', script], { timeout: 20_000 });

/**
 * A real Prometheus (Debian's binary) scrapes a real engine collecting ss-t1 over SSH, whose tsnm0 is
 * shaped with tbf and sent 30 bounded datagrams: the tbf's packet counter arrives in Prometheus with
 * its device, interface, handle, parent and kind labels, beside Prometheus's own job/instance.
 */
describe.skipIf(skip !== null)('a real Prometheus scrapes the TSN series of ss-t1', () => {
  let t: TestServer;
  let prom: Awaited<ReturnType<typeof startPrometheus>> | null = null;
  let target: string;

  beforeAll(async () => {
    const t1 = labScenarioDevice(await labUp(), 'ss-t1');
    await inT1(
      `ip link del ${IFACE} 2>/dev/null; ` +
        [
          `ip link add ${IFACE} type veth peer name tsnm1`,
          `ip link set ${IFACE} up && ip link set tsnm1 up`,
          `ip addr add 10.231.98.1/24 dev ${IFACE}`,
          `ip neigh replace ${SINK} lladdr 02:53:53:98:00:02 dev ${IFACE} nud permanent`,
          `tc qdisc add dev ${IFACE} root handle 1: tbf rate 1mbit burst 32kbit latency 400ms`,
        ].join(' && ') +
        ' || exit 1',
    );
    t = await startTestServer();
    const dev = await addLabDevice(t, t1);
    await waitOnline(t, dev);
    await t.client.call('devices.update', { id: dev.id, patch: { tsnInterfaces: [IFACE] } });
    target = new URL(t.server.metricsUrl!).host;
    prom = await startPrometheus(target);
  }, 120_000);
  afterAll(async () => {
    prom?.stop();
    await t?.close();
    await inT1(`ip link del ${IFACE} 2>/dev/null; exit 0`);
  });

  it("stores the tbf's packet counter of tsnm0, labelled by device, interface, handle, parent and kind", async () => {
    await run('ip', ['netns', 'exec', NETNS, 'timeout', '10', 'bash', '-c', `exec 3>/dev/udp/${SINK}/9; for i in $(seq 1 30); do printf '%200s' x >&3 2>/dev/null; done; exit 0`], { timeout: 20_000 });
    const exported = await waitFor(`${IFACE}'s tbf on the engine's /metrics`, async () => {
      const page = await (await fetch(t.server.metricsUrl!)).text();
      return page.split('\n').find((l) => l.startsWith('syncscope_tsn_qdisc_sent_packets_total{') && l.includes(`interface="${IFACE}"`) && l.includes('kind="tbf"')) ?? null;
    }, 60_000, 500);
    expect(exported).toContain('device="ss-t1"');
    const result = await waitFor(
      `Prometheus to hold ${IFACE}'s tbf packets (at least the 30 sent)`,
      async () => {
        const r = await prom!.query(`syncscope_tsn_qdisc_sent_packets_total{device="ss-t1",interface="${IFACE}"}`);
        const tbf = r.data.result.find((s) => s.metric.kind === 'tbf');
        return tbf && Number(tbf.value[1]) >= 30 ? tbf : null;
      },
      90_000,
      500,
    );
    expect(result.metric).toMatchObject({ __name__: 'syncscope_tsn_qdisc_sent_packets_total', job: 'syncscope', instance: target, device: 'ss-t1', instance_name: 'tsn', interface: IFACE, handle: '1:', parent: 'root', kind: 'tbf' });
  });
});
