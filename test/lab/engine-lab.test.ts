import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceView } from '../../shared/domain/device';
import { SyncscopeError } from '../../shared/domain/errors';
import { startTestServer, waitFor, type TestServer } from '../support/engine-server';
import { skipUnlessAvailable } from '../support/skip';
import { labDevice, labSkipReason, labUp, type LabInfo } from './lab';

const run = promisify(execFile);

/** The SHA256 fingerprint of the ed25519 key a live sshd presents, as `ssh-keygen -l` prints it. */
async function liveHostKey(host: string, port: number): Promise<string> {
  const { stdout } = await run('sh', ['-c', `ssh-keyscan -T 5 -t ed25519 -p ${port} ${host} 2>/dev/null | ssh-keygen -l -E sha256 -f -`]);
  const fp = stdout.split(/\s+/)[1];
  if (!fp?.startsWith('SHA256:')) throw new Error(`ssh-keyscan of ${host}:${port} gave no key: ${stdout}`);
  return fp;
}
const CLI = resolve(__dirname, '../../bin/syncscope.cjs');
const skip = skipUnlessAvailable('engine lab tests', labSkipReason());

describe.skipIf(skip !== null)('the engine against real lab devices (ptp4l + sshd in namespaces)', () => {
  let lab: LabInfo;
  let t: TestServer;

  beforeAll(async () => {
    lab = await labUp();
    t = await startTestServer();
  });
  afterAll(async () => {
    await t?.close();
  });

  const addSlave = (name: string, over: Record<string, unknown> = {}) => {
    const s1 = labDevice(lab, 'ss-s1');
    return t.client.call('devices.add', {
      transport: 'ssh',
      name,
      host: s1.host,
      user: s1.user,
      auth: { kind: 'privateKey', privateKey: readFileSync(s1.privateKeyPath, 'utf8') },
      udsPath: s1.udsPath,
      pollIntervalMs: 500,
      hostKeySha256: s1.hostKeySha256,
      ...over,
    });
  };

  const statusOf = async (id: string) => (await t.client.call('devices.status')).find((s) => s.deviceId === id);

  it('polls a slave over one SSH connection: samples land in SQLite, go out live, and show on /metrics', async () => {
    const dev = await addSlave('ss-s1');
    const s1 = labDevice(lab, 'ss-s1');
    // A freshly started slave listens for a few seconds first; until it has a master its pmc
    // offsets are placeholders, which the engine stores as null rather than as perfect sync.
    await waitFor('the slave to find its master', async () => ['UNCALIBRATED', 'SLAVE'].includes((await statusOf(dev.id))?.portState ?? ''), 30_000);
    const since = Date.now();
    const offsetKey = { deviceId: dev.id, instance: 'ptp4l', metric: 'ptp.offset_from_master' as const, labels: {} };
    await waitFor('5 readings in SQLite since then', () => (t.server.engine.series.queryRange({ keys: [offsetKey], fromUs: since * 1000 + 1, toUs: Date.now() * 1000 })[0]?.tUs.length ?? 0) >= 5);
    const cols = await t.client.call('samples.query', { deviceId: dev.id, sinceMs: since + 1 });
    expect(cols.tMs.length).toBeGreaterThanOrEqual(5);
    // Real measurements: software timestamps on veth give a positive path delay of microseconds.
    for (const d of cols.meanPathDelayNs) expect(d !== null && Number.isFinite(d) && d > 0 && d < 1e9).toBe(true);
    for (const o of cols.offsetFromMasterNs) expect(o !== null && Number.isFinite(o)).toBe(true);
    const live = t.events.filter((e) => e.event === 'ptp.sample' && e.payload.deviceId === dev.id);
    expect(live.length).toBeGreaterThanOrEqual(3);
    expect(t.events.filter((e) => e.event === 'series.readings' && e.payload.deviceId === dev.id).length).toBeGreaterThanOrEqual(3);
    // The same points through the contract's series rows, and the device's connection event.
    const series = await t.client.call('series.list', { deviceId: dev.id });
    expect(series.map((s) => s.metric)).toEqual(expect.arrayContaining(['ptp.offset_from_master', 'ptp.mean_path_delay', 'ptp.port_state']));
    const [delay] = await t.client.call('series.query', { keys: [{ ...offsetKey, metric: 'ptp.mean_path_delay' }], fromMs: since, toMs: Date.now() });
    expect(delay?.value.filter((v) => v !== null && v > 0).length).toBeGreaterThanOrEqual(5);
    const events = await t.client.call('events.query', { deviceId: dev.id });
    expect(events.filter((e) => e.kind === 'connection').map((e) => e.to)).toContain('online');
    const st = await statusOf(dev.id);
    expect(st).toMatchObject({ connection: 'online', lastError: null });
    // Trust on first use: the engine remembered the key the device's sshd presents, asked of it directly.
    expect((await t.client.call('devices.list')).find((d) => d.id === dev.id)?.hostKeySha256).toBe(await liveHostKey(s1.host, s1.sshPort));

    const text = await (await fetch(t.server.metricsUrl!)).text();
    expect(text).toMatch(/^syncscope_ptp_mean_path_delay_seconds\{device="ss-s1",instance_name="ptp4l"\} \d(\.\d+)?(e-\d+)?$/m);
    expect(text).toMatch(/^syncscope_ptp_offset_from_master_seconds\{device="ss-s1",instance_name="ptp4l"\} -?\d/m);
    expect(text).toMatch(/^syncscope_ptp_port_state\{device="ss-s1",instance_name="ptp4l",port="1"\} (8|9)$/m);
    expect(text).toMatch(/^syncscope_poll_duration_seconds_count\{device="ss-s1"\} [1-9]\d*$/m);
    expect(text).toMatch(/^syncscope_device_up\{device="ss-s1"\} 1$/m);
  });

  it('logs in with a password as an unprivileged user and still reads ptp4l', async () => {
    const s2 = labDevice(lab, 'ss-s2');
    const dev = await t.client.call('devices.add', { transport: 'ssh', name: 'ss-s2-pw', host: s2.host, user: s2.passwordUser, auth: { kind: 'password', password: s2.password }, udsPath: s2.udsPath, pollIntervalMs: 500, hostKeySha256: s2.hostKeySha256 });
    // Online means pmc measured (the device's TSN and system figures alone also make points, often first).
    await waitFor('samples over password login', async () => t.server.engine.series.pointCount(dev.id) >= 2 && (await statusOf(dev.id))?.connection === 'online');
    expect(await statusOf(dev.id)).toMatchObject({ connection: 'online', lastError: null });
  });

  const expectError = async (dev: DeviceView, code: string, text: RegExp, connection: 'offline' | 'no-data' | 'awaiting-host-key') => {
    let last: unknown = null;
    const st = await waitFor(`${dev.name} to report ${code}`, async () => {
      const s = await statusOf(dev.id);
      last = s;
      return s?.lastError?.code === code ? s : null;
    }).catch((err: unknown) => {
      throw new Error(`${String(err)}; last status: ${JSON.stringify(last)}`);
    });
    expect(st.lastError?.message).toMatch(text);
    expect(st.lastError?.hint).toBeTruthy();
    // 'online' means reachable and measuring: a device that answers SSH but gives no measurement is 'no-data'.
    expect(st.connection).toBe(connection);
    expect(st.nextRetryAtMs).toBeGreaterThan(Date.now() - 1000);
  };

  it('says what to check when the password is wrong, the port is closed, or ptp4l does not answer', async () => {
    const s1 = labDevice(lab, 'ss-s1');
    await expectError(
      await t.client.call('devices.add', { transport: 'ssh', name: 'bad-pw', host: s1.host, user: s1.passwordUser, auth: { kind: 'password', password: 'wrong-password' }, udsPath: s1.udsPath, hostKeySha256: s1.hostKeySha256 }),
      'ssh-auth',
      /refused \(wrong password or key\)/,
      'offline',
    );
    await expectError(await addSlave('closed-port', { sshPort: 2 }), 'ssh-refused', /refused: nothing listens/, 'offline');
    await expectError(await addSlave('no-ptp4l', { udsPath: '/run/syncscope-lab/nowhere/ptp4l' }), 'ptp4l-not-running', /ptp4l did not answer\. \(UDS \/run\/syncscope-lab\/nowhere\/ptp4l\)/, 'no-data');
    // The engine stays up and the healthy device keeps sampling.
    const good = (await t.client.call('devices.list')).find((d) => d.name === 'ss-s1')!;
    const before = t.server.engine.series.pointCount(good.id);
    await waitFor('more samples from the healthy device', () => t.server.engine.series.pointCount(good.id) > before + 1);
  });

  it('stops polling with a clear error when the SSH host key changes', async () => {
    const dev = await addSlave('key-changed');
    await waitFor('first contact to remember the host key', async () => (await t.client.call('devices.list')).find((d) => d.id === dev.id)?.hostKeySha256);
    // As if the device had been replaced: the remembered key no longer matches the lab's sshd.
    t.server.engine.db.prepare('UPDATE devices SET host_key_sha256 = ?, updated_at_ms = updated_at_ms + 1 WHERE id = ?').run('SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', dev.id);
    await t.server.engine.devicesChanged();
    await expectError(dev, 'ssh-host-key-mismatch', /host key of 10\.\d+\.\d+\.\d+:22 is not the expected one.*No credentials were sent/, 'awaiting-host-key');
    const before = t.server.engine.series.pointCount(dev.id);
    await new Promise((r) => setTimeout(r, 1500));
    expect(t.server.engine.series.pointCount(dev.id)).toBe(before);
  });

  it('records connection changes as events, stored and pushed live, and reads them back with syncscope events', async () => {
    const dev = await addSlave('gap-s1', { udsPath: '/run/syncscope-lab/nowhere/ptp4l' });
    await waitFor('the no-data event', async () => (await t.client.call('events.query', { deviceId: dev.id, kinds: ['connection'] })).some((e) => e.to === 'no-data'));
    // Fixed: the same collector, now measuring; the gap before stays a gap (no points while it lasted).
    await t.client.call('devices.update', { id: dev.id, patch: { udsPath: labDevice(lab, 'ss-s1').udsPath } });
    await waitFor('the online event', async () => (await t.client.call('events.query', { deviceId: dev.id, kinds: ['connection'] })).some((e) => e.to === 'online'));
    const events = await t.client.call('events.query', { deviceId: dev.id, kinds: ['connection'] });
    expect(events.find((e) => e.to === 'no-data')).toMatchObject({ instance: null, detail: { code: 'ptp4l-not-running' } });
    const live = t.events.flatMap((e) => (e.event === 'device.events' && e.payload.deviceId === dev.id ? e.payload.events : []));
    expect(live.map((e) => e.to)).toEqual(expect.arrayContaining(['no-data', 'online']));
    const { stdout } = await run('node', [CLI, 'events', '--device', 'gap-s1', '--server', t.server.url]);
    expect(stdout).toMatch(/^\S+Z +- +connection +- → no-data +code=ptp4l-not-running/m);
    // From the restarted collector's start, or from a first poll that still found no answer (a loaded machine).
    expect(stdout).toMatch(/ +connection +(-|no-data) → online *$/m);
    await t.client.call('devices.remove', { id: dev.id });
  });

  it('rejects an invalid profile with a message naming the field', async () => {
    const err = await t.client.call('devices.add', { transport: 'ssh', name: 'x', host: 'a b', user: 'root', auth: { kind: 'password', password: 'p' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SyncscopeError);
    expect((err as SyncscopeError).value).toMatchObject({ code: 'invalid-input', field: 'host' });
  });

  it('takes CLI changes at once, whether sent to the server or written to its data dir', async () => {
    const s2 = labDevice(lab, 'ss-s2');
    const common = ['--host', s2.host, '--user', s2.user, '--key', s2.privateKeyPath, '--uds', s2.udsPath, '--host-key', s2.hostKeySha256];
    await run('node', [CLI, 'device', 'add', '--name', 'cli-remote', ...common, '--server', t.server.url]);
    expect((await t.client.call('devices.list')).some((d) => d.name === 'cli-remote')).toBe(true);

    await run('node', [CLI, 'device', 'add', '--name', 'cli-direct', ...common, '--data', t.dataDir]);
    const direct = await waitFor('the server to see the device added on disk', () => t.events.some((e) => e.event === 'devices.changed' && e.payload.devices.some((d) => d.name === 'cli-direct')));
    expect(direct).toBe(true);
    const id = (await t.client.call('devices.list')).find((d) => d.name === 'cli-direct')!.id;
    await waitFor('samples from the CLI-added device', () => t.server.engine.series.pointCount(id) >= 1);

    await waitFor('the CLI-added device to be online', async () => (await statusOf(id))?.connection === 'online');
    const { stdout } = await run('node', [CLI, 'device', 'list', '--server', t.server.url]);
    expect(stdout).toMatch(/^NAME\s+TARGET\s+UDS\s+INTERVAL\s+STATUS$/m);
    expect(stdout).toMatch(/^cli-direct\s+root@10\.\d+\.\d+\.\d+:22\s+\S+\s+1000 ms\s+online$/m);
    expect(stdout).not.toMatch(/PRIVATE KEY/);
    await run('node', [CLI, 'device', 'remove', 'cli-direct', '--data', t.dataDir]);
    await waitFor('the server to drop the removed device', async () => !(await t.client.call('devices.list')).some((d) => d.name === 'cli-direct'));
  });

  it('fails a bad CLI call with a plain message and the usage exit status (2)', async () => {
    const err = (await run('node', [CLI, 'device', 'add', '--name', 'x', '--host', 'h', '--user', 'root', '--password-env', 'SYNCSCOPE_UNSET_VAR', '--server', t.server.url]).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(err.code).toBe(2);
    expect(err.stderr).toMatch(/--password-env: environment variable SYNCSCOPE_UNSET_VAR is not set/);
  });
});
