import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port';
import { startTestServer, waitFor, type TestServer } from '../support/engine-server';
import { skipUnlessAvailable } from '../support/skip';
import { labDevice, labSkipReason, labUp } from './lab';

const hasProm = spawnSync('sh', ['-c', 'command -v prometheus && command -v promtool']).status === 0;
const skip = skipUnlessAvailable('Prometheus scrape test', labSkipReason() ?? (hasProm ? null : 'prometheus/promtool are not installed (apt-get install prometheus)'));

describe.skipIf(skip !== null)('a real Prometheus scrapes /metrics', () => {
  let t: TestServer;
  let prom: ChildProcess | null = null;
  let promDir: string;
  let promPort: number;
  let target: string;

  beforeAll(async () => {
    const lab = await labUp();
    t = await startTestServer({ processMetrics: true });
    const s1 = labDevice(lab, 'ss-s1');
    await t.client.call('devices.add', { transport: 'ssh', name: 'prom-s1', host: s1.host, user: s1.user, auth: { kind: 'privateKey', privateKey: readFileSync(s1.privateKeyPath, 'utf8') }, udsPath: s1.udsPath, pollIntervalMs: 500, hostKeySha256: s1.hostKeySha256 });
    target = new URL(t.server.metricsUrl!).host;
    promDir = mkdtempSync(join(tmpdir(), 'syncscope-prom-'));
    promPort = await freePort();
    writeFileSync(join(promDir, 'prometheus.yml'), `global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nscrape_configs:\n  - job_name: syncscope\n    static_configs:\n      - targets: ['${target}']\n`);
    prom = spawn('prometheus', [`--config.file=${join(promDir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(promDir, 'data')}`, `--web.listen-address=127.0.0.1:${promPort}`], { stdio: 'ignore' });
  });
  afterAll(async () => {
    prom?.kill('SIGTERM');
    await t?.close();
    if (promDir) rmSync(promDir, { recursive: true, force: true });
  });

  it('passes promtool check metrics', async () => {
    await waitFor('a sample on /metrics', async () => (await (await fetch(t.server.metricsUrl!)).text()).includes('syncscope_ptp_mean_path_delay_seconds{device="prom-s1",instance_name="ptp4l"}'));
    const body = await (await fetch(t.server.metricsUrl!)).text();
    const check = spawnSync('promtool', ['check', 'metrics'], { input: body, encoding: 'utf8' });
    expect(check.stderr + check.stdout).not.toMatch(/error/i);
    expect(check.status).toBe(0);
  });

  it('stores the device series, labelled by device', async () => {
    const api = `http://127.0.0.1:${promPort}/api/v1/query?query=`;
    type Vec = { status: string; data: { result: { metric: Record<string, string>; value: [number, string] }[] } };
    const result = await waitFor(
      'Prometheus to hold syncscope_ptp_mean_path_delay_seconds',
      async () => {
        const r = (await (await fetch(api + encodeURIComponent('syncscope_ptp_mean_path_delay_seconds{device="prom-s1"}'))).json()) as Vec;
        return r.data.result.length > 0 ? r.data.result : null;
      },
      60_000,
      500,
    );
    // Our instance label does not collide with Prometheus's own `instance` (the scrape target).
    expect(result[0]?.metric).toMatchObject({ job: 'syncscope', device: 'prom-s1', instance_name: 'ptp4l', instance: target });
    expect(Number(result[0]?.value[1])).toBeGreaterThan(0);
    const up = (await (await fetch(api + 'up{job="syncscope"}')).json()) as Vec;
    expect(up.data.result[0]?.value[1]).toBe('1');
  });
});
