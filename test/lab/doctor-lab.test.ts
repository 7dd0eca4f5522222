import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoctorFindingView, DoctorReport } from '../../shared/contract/methods-diagnostics';
import { startTestServer, waitFor, type TestServer } from '../support/engine-server';
import { runCli } from '../support/processes';
import { skipUnlessAvailable } from '../support/skip';
import { labDevice, labIsolatedDevice, labSkipReason, labUp, type LabDevice } from './lab';

const run = promisify(execFile);
const skip = skipUnlessAvailable('doctor lab tests', labSkipReason());
const LEAP_FILE = '/usr/share/zoneinfo/leap-seconds.list';

/** What this machine's leap-seconds.list says (the namespaces share its file system), read here without the product's parser. */
function leapTruth(nowMs: number): { status: string; textId: string } {
  if (!existsSync(LEAP_FILE)) return { status: 'unknown', textId: 'doctor.leap.unreadable' };
  const ntp = /^#@\s+(\d+)/m.exec(readFileSync(LEAP_FILE, 'utf8'))?.[1];
  if (!ntp) return { status: 'unknown', textId: 'doctor.leap.unreadable' };
  const expiresMs = (Number(ntp) - 2_208_988_800) * 1000;
  if (expiresMs <= nowMs) return { status: 'fail', textId: 'doctor.leap.expired' };
  return expiresMs - nowMs < 30 * 86_400_000 ? { status: 'warn', textId: 'doctor.leap.soon' } : { status: 'ok', textId: 'doctor.leap.ok' };
}

const only = (r: DoctorReport, check: DoctorFindingView['check']) => r.findings.filter((f) => f.check === check);

describe.skipIf(skip !== null)('doctor: health checks over real lab devices', () => {
  let s1: LabDevice;
  let x1: LabDevice;
  let t: TestServer;

  beforeAll(async () => {
    const lab = await labUp();
    s1 = labDevice(lab, 'ss-s1');
    x1 = labIsolatedDevice(lab, 'ss-x1');
    t = await startTestServer({ metrics: false });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("ss-s1 as root: ptp4l running, pmc answering, eth0's timestamping as ethtool -T really prints it, the leap file as it is, linuxptp's version", async () => {
    const dev = await t.client.call('devices.add', {
      transport: 'ssh',
      name: 'doc-s1',
      host: s1.host,
      user: s1.user,
      auth: { kind: 'privateKey', privateKey: readFileSync(s1.privateKeyPath, 'utf8') },
      hostKeySha256: s1.hostKeySha256,
      instances: [{ name: 'ptp4l', udsPath: s1.udsPath, configPath: s1.ptp4lConfig, log: { kind: 'file', path: s1.ptp4lLog } }],
    });
    // Over the collector's own connection once it has read the ports.
    await waitFor('the collector to know the ports', async () => (await t.client.call('ptp.state', { deviceId: dev.id }))[0]?.ports.some((p) => p.interface));
    const report = await t.client.call('doctor.run', { deviceId: dev.id });
    expect(report.deviceId).toBe(dev.id);

    // The lab's namespaces share one process list: every device's ptp4l shows in ps, and the one
    // started with ss-s1's config file is the one that counts.
    expect(only(report, 'ptp4l')).toEqual([{ check: 'ptp4l', status: 'ok', textId: 'doctor.ptp4l.ok-by-config', params: { count: 1 } }]);
    expect(only(report, 'pmc')).toEqual([{ check: 'pmc', status: 'ok', textId: 'doctor.pmc.ok', params: { instance: 'ptp4l', uds: s1.udsPath } }]);

    // eth0 is a veth with software timestamps: what `ethtool -T eth0` prints inside the namespace decides.
    const iface = s1.instances[0]?.iface ?? 'eth0';
    const { stdout: ethtool } = await run('ip', ['netns', 'exec', s1.netns, 'ethtool', '-T', iface]);
    const canSoftware = ['software-transmit', 'software-receive', 'software-system-clock'].every((c) => new RegExp(`^\\s+${c}\\b`, 'm').test(ethtool));
    expect(only(report, 'timestamping')).toEqual([
      { check: 'timestamping', status: canSoftware ? 'ok' : 'fail', textId: canSoftware ? 'doctor.timestamping.ok' : 'doctor.timestamping.gap', params: expect.objectContaining({ iface, mode: 'software' }) },
    ]);

    const { stdout: comms } = await run('ps', ['-e', '-o', 'comm=']);
    expect(comms.split('\n').map((c) => c.trim())).not.toContain('phc2sys');
    expect(only(report, 'time-daemons')).toEqual([expect.objectContaining({ status: 'ok', textId: 'doctor.time-daemons.ok' })]);

    const timeouts = (await t.client.call('events.query', { deviceId: dev.id, kinds: ['notice'] })).filter((e) => e.to === 'tx-timestamp-timeout').length;
    expect(only(report, 'tx-timeouts')).toEqual([expect.objectContaining({ status: timeouts > 0 ? 'warn' : 'ok' })]);
    expect(only(report, 'leap-seconds')).toEqual([expect.objectContaining(leapTruth(report.ranAtMs))]);

    const { stdout: version } = await run('ptp4l', ['-v']);
    expect(only(report, 'linuxptp-version')).toEqual([expect.objectContaining({ status: 'ok', params: expect.objectContaining({ version: version.trim() }) })]);
  }, 60_000);

  it('ss-x1 as the password user, whose socket it may not write: the pmc finding says permission and what to do; the collector says the same', async () => {
    const dev = await t.client.call('devices.add', {
      transport: 'ssh',
      name: 'doc-x1',
      host: x1.host,
      user: x1.passwordUser,
      auth: { kind: 'password', password: x1.password },
      hostKeySha256: x1.hostKeySha256,
      udsPath: x1.udsPath,
    });
    const diag = await waitFor('the collector to give its reason', async () => (await t.client.call('collect.diagnostics', { deviceId: dev.id })).find((d) => d.lastError !== null));
    expect(diag).toMatchObject({ source: 'pmc-stream', lastError: { code: 'pmc-permission', messageId: 'pmc.permission' } });

    const report = await t.client.call('doctor.run', { deviceId: dev.id });
    expect(only(report, 'pmc')).toEqual([{ check: 'pmc', status: 'fail', textId: 'doctor.pmc.permission', params: { instance: 'ptp4l', uds: x1.udsPath } }]);
    // Without pmc there are no interfaces to check: said, not guessed.
    expect(only(report, 'timestamping')).toEqual([expect.objectContaining({ status: 'unknown', textId: 'doctor.timestamping.no-ports' })]);
    expect(only(report, 'ptp4l')[0]?.status).toBe('ok');
    // No instance names a log, so tx-timestamp timeouts cannot be counted.
    expect(only(report, 'tx-timeouts')).toEqual([expect.objectContaining({ status: 'unknown', textId: 'doctor.tx-timeouts.no-log' })]);

    // The CLI prints the same, with the fix, and exits with the failed-check status.
    const plain = await runCli(['doctor', '--device', 'doc-x1', '--server', t.server.url]);
    expect(plain.status, plain.stderr).toBe(10);
    expect(plain.stdout).toMatch(/FAIL\s+pmc\s+The login may not write ptp4l's socket/);
    expect(plain.stdout).toMatch(/→ Log in as root; or, on linuxptp 4\.0 and later, monitor through the read-only socket/);
    const zh = await runCli(['doctor', '--device', dev.id, '--server', t.server.url, '--lang', 'zh-CN']);
    expect(zh.stdout).toContain('该登录用户无权写入 ptp4l 的套接字');
  }, 60_000);

  it('the CLI on the data folder alone (no engine reachable) connects by itself and prints JSON', async () => {
    const json = await runCli(['doctor', '--device', 'doc-s1', '--data', t.dataDir, '--json']);
    expect(json.stderr).toBe('');
    const report = JSON.parse(json.stdout) as DoctorReport & { device: string; findings: (DoctorFindingView & { message: string; hint: string })[] };
    expect(report.device).toBe('doc-s1');
    expect(report.findings.find((f) => f.check === 'pmc')).toMatchObject({ status: 'ok', message: `pmc reaches ptp4l of instance ptp4l through ${s1.udsPath}.` });
    expect(json.status).toBe(report.findings.some((f) => f.status === 'fail') ? 10 : 0);
    const missing = await runCli(['doctor', '--device', 'no-such-device', '--data', t.dataDir]);
    expect(missing.status).toBe(3);
  }, 60_000);
});
