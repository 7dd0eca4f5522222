import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { startCliServer } from '../../../test/support/cli-server';
import { waitFor } from '../../../test/support/engine-server';
import { runCli } from '../../../test/support/processes';
import { openStore } from '../store/open-store';

/** The STATUS cell of a device in `device list`'s table. */
function statusCell(listing: string, name: string): string | undefined {
  return listing
    .split('\n')
    .find((l) => l.startsWith(`${name} `))
    ?.trim()
    .split(/\s{2,}/)
    .at(-1);
}

const metricOf = (text: string, metric: string, device: string) => new RegExp(`^${metric}\\{device="${device}"\\} (\\d+)$`, 'm').exec(text)?.[1];

// These run the built CLI (out/main/cli.js, via bin/syncscope.cjs): `npm run build` first.
describe('syncscope device disconnect / connect', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-connect-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sets the flag in the data folder (--data), kept in the profile, and says so when there is nothing to do', async () => {
    const data = join(dir, 'offline');
    expect((await runCli(['device', 'add', '--local', '--name', 'bench-1', '--data', data])).status).toBe(0);
    const off = await runCli(['device', 'disconnect', 'BENCH-1', '--data', data]);
    expect(off).toMatchObject({ status: 0, stdout: 'Disconnected bench-1\n' });
    expect(statusCell((await runCli(['device', 'list', '--data', data])).stdout, 'bench-1')).toBe('disconnected');
    expect((await runCli(['device', 'disconnect', 'bench-1', '--data', data])).stdout).toBe('bench-1 is already disconnected\n');
    const store = openStore(data);
    try {
      expect(store.devices.findByName('bench-1')?.disconnected).toBe(true);
    } finally {
      store.close();
    }
    expect((await runCli(['device', 'connect', 'bench-1', '--data', data])).stdout).toBe('Connected bench-1\n');
    // Nothing disconnected and no engine to ask: no STATUS column at all.
    expect((await runCli(['device', 'list', '--data', data])).stdout).not.toContain('STATUS');
    const unknown = await runCli(['device', 'connect', 'no-such-board', '--data', data]);
    expect(unknown.status).toBe(3);
    expect(unknown.stderr).toContain('There is no device named "no-such-board"');
  }, 60_000);

  it('disconnects and connects a device of a running server (--server): status, /metrics, history; and a restart keeps it', async () => {
    const data = join(dir, 'served');
    expect((await runCli(['device', 'add', '--local', '--name', 'bench-2', '--interval', '500', '--data', data])).status).toBe(0);
    let s = await startCliServer(['--port', '0', '--metrics-port', '0', '--data', data]);
    onTestFinished(() => s.stop());
    const list = async () => (await runCli(['device', 'list', '--server', s.url])).stdout;
    // No ptp4l on this machine: the local device settles as not measuring, or not reachable.
    const before = await waitFor('bench-2 settled', async () => {
      const cell = statusCell(await list(), 'bench-2');
      return cell && /^(no-data|offline)/.test(cell) ? cell.split(' ')[0] : null;
    });

    expect((await runCli(['device', 'disconnect', 'bench-2', '--server', s.url])).stdout).toBe('Disconnected bench-2\n');
    expect(statusCell(await list(), 'bench-2')).toBe('disconnected');
    const json = JSON.parse((await runCli(['device', 'list', '--json', '--server', s.url])).stdout) as { name: string; disconnected: boolean; status: { connection: string } }[];
    expect(json.find((d) => d.name === 'bench-2')).toMatchObject({ disconnected: true, status: { connection: 'disconnected', lastError: null, nextRetryAtMs: null } });
    const metrics = await (await fetch(s.metricsUrl!)).text();
    expect(metricOf(metrics, 'syncscope_device_up', 'bench-2')).toBe('0');
    expect(metricOf(metrics, 'syncscope_device_disconnected', 'bench-2')).toBe('1');

    // Kept across a restart: the new engine starts it disconnected, with no second event for the same gap.
    await s.stop();
    s = await startCliServer(['--port', '0', '--metrics-port', '0', '--data', data]);
    expect(statusCell(await list(), 'bench-2')).toBe('disconnected');

    expect((await runCli(['device', 'connect', 'bench-2', '--server', s.url])).stdout).toBe('Connected bench-2\n');
    await waitFor('bench-2 polled again', async () => /^(no-data|offline)/.test(statusCell(await list(), 'bench-2') ?? ''));
    expect(metricOf(await (await fetch(s.metricsUrl!)).text(), 'syncscope_device_disconnected', 'bench-2')).toBe('0');
    const events = await runCli(['events', '--device', 'bench-2', '--json', '--server', s.url]);
    const gaps = (JSON.parse(events.stdout) as { kind: string; from: string | null; to: string }[]).filter((e) => e.kind === 'connection').map((e) => [e.from, e.to]);
    expect(gaps).toEqual([
      [null, before],
      [before, 'disconnected'],
      ['disconnected', before],
    ]);
  }, 90_000);
});
