import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, waitFor, type TestServer } from '../support/engine-server';
import { skipUnlessAvailable } from '../support/skip';
import { labDevice, labSkipReason, labUp } from './lab';
import { startPrometheus } from './prometheus-server';

const hasProm = spawnSync('sh', ['-c', 'command -v prometheus && command -v promtool']).status === 0;
const skip = skipUnlessAvailable('Prometheus scrape test', labSkipReason() ?? (hasProm ? null : 'prometheus/promtool are not installed (apt-get install prometheus)'));

describe.skipIf(skip !== null)('a real Prometheus scrapes /metrics', () => {
  let t: TestServer;
  let prom: Awaited<ReturnType<typeof startPrometheus>> | null = null;
  let target: string;

  beforeAll(async () => {
    const lab = await labUp();
    t = await startTestServer({ processMetrics: true });
    const s1 = labDevice(lab, 'ss-s1');
    await t.client.call('devices.add', { transport: 'ssh', name: 'prom-s1', host: s1.host, user: s1.user, auth: { kind: 'privateKey', privateKey: readFileSync(s1.privateKeyPath, 'utf8') }, udsPath: s1.udsPath, pollIntervalMs: 500, hostKeySha256: s1.hostKeySha256 });
    target = new URL(t.server.metricsUrl!).host;
    prom = await startPrometheus(target);
  });
  afterAll(async () => {
    prom?.stop();
    await t?.close();
  });

  it('passes promtool check metrics', async () => {
    await waitFor('a sample on /metrics', async () => (await (await fetch(t.server.metricsUrl!)).text()).includes('syncscope_ptp_mean_path_delay_seconds{device="prom-s1",instance_name="ptp4l"}'));
    const body = await (await fetch(t.server.metricsUrl!)).text();
    const check = spawnSync('promtool', ['check', 'metrics'], { input: body, encoding: 'utf8' });
    expect(check.stderr + check.stdout).not.toMatch(/error/i);
    expect(check.status).toBe(0);
  });

  it('stores the device series, labelled by device', async () => {
    const result = await waitFor(
      'Prometheus to hold syncscope_ptp_mean_path_delay_seconds',
      async () => {
        const r = await prom!.query('syncscope_ptp_mean_path_delay_seconds{device="prom-s1"}');
        return r.data.result.length > 0 ? r.data.result : null;
      },
      60_000,
      500,
    );
    // Our instance label does not collide with Prometheus's own `instance` (the scrape target).
    expect(result[0]?.metric).toMatchObject({ job: 'syncscope', device: 'prom-s1', instance_name: 'ptp4l', instance: target });
    expect(Number(result[0]?.value[1])).toBeGreaterThan(0);
    const up = await prom!.query('up{job="syncscope"}');
    expect(up.data.result[0]?.value[1]).toBe('1');
  });
});
