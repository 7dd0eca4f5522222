import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PmcStreamSource } from '../../electron/core/collect/pmc-stream-source';
import { SshTransport } from '../../electron/core/transport/ssh-transport';
import { parseLinuxptpVersion } from '../../shared/doctor/linuxptp-version';
import { CLIENT_SOCKET_PREFIX } from '../../shared/ptp/pmc-command';
import { chooseSocket, probeArgv, readUdsProbe } from '../../shared/ptp/uds-probe';
import { waitFor } from '../support/engine-server';
import { skipUnlessAvailable } from '../support/skip';
import { labIsolatedDevice, labSkipReason, labUp, type LabDevice } from './lab';

const skip = skipUnlessAvailable('probe lab tests', labSkipReason());
/** The lab's ptp4l is this machine's (the namespaces share its file system). */
function installedVersion() {
  try {
    return parseLinuxptpVersion(execFileSync('sh', ['-c', 'PATH=$PATH:/usr/sbin:/sbin; ptp4l -v 2>&1'], { encoding: 'utf8' }));
  } catch {
    return null;
  }
}
const version = installedVersion();

/**
 * Version-aware probing against ss-x1, whose ptp4l socket the password user sslab may not write.
 * The test starts its own extra ptp4l in ss-x1's namespace (its own config and socket under
 * /run/syncscope-lab/ss-x1/, slave-only over L2 so it takes part in nothing) and makes its socket
 * mode 0666, as linuxptp 4.x creates its read-only socket; it is killed in afterAll.
 */
describe.skipIf(skip !== null)('probing what the device offers, as a login that may not write the ptp4l socket', () => {
  let x1: LabDevice;
  let ssh: SshTransport;
  let ptp4l: ChildProcess | null = null;
  const dir = '/run/syncscope-lab/ss-x1';
  const ro = `${dir}/c-probe-ro`;
  const ownConf = `${dir}/c-probe-ptp4l.conf`;
  const profileConf = `${dir}/c-probe-profile.conf`;

  beforeAll(async () => {
    x1 = labIsolatedDevice(await labUp(), 'ss-x1');
    writeFileSync(ownConf, ['[global]', 'network_transport L2', 'time_stamping software', 'free_running 1', 'slaveOnly 1', `uds_address ${ro}`, 'use_syslog 0', ''].join('\n'));
    // What the instance's profile names: ptp4l.conf of a 4.x device with its read-only socket.
    writeFileSync(profileConf, ['[global]', `uds_address ${x1.udsPath}`, `uds_ro_address ${ro}`, ''].join('\n'));
    ptp4l = spawn('ip', ['netns', 'exec', x1.netns, 'ptp4l', '-f', ownConf, '-i', x1.instances[0]?.iface ?? 'eth0'], { stdio: 'ignore' });
    await waitFor('the extra ptp4l to make its socket', () => existsSync(ro), 10_000);
    chmodSync(ro, 0o666);
    ssh = new SshTransport({ host: x1.host, port: x1.sshPort, user: x1.passwordUser, auth: { kind: 'password', password: x1.password }, knownHostKey: x1.hostKeySha256 });
    await ssh.connect();
  });
  afterAll(async () => {
    ssh?.close();
    if (ptp4l?.pid !== undefined && ptp4l.exitCode === null) {
      ptp4l.kill('SIGTERM');
      await new Promise((r) => ptp4l?.once('exit', r));
    }
    for (const f of [ownConf, profileConf, ro]) rmSync(f, { force: true });
  });

  it("the probe, run as sslab over SSH, says what is true: the version, ss-x1's socket not writable, the config's read-only socket writable, no default sockets", async () => {
    const res = await ssh.exec(probeArgv(x1.udsPath, profileConf), { timeoutMs: 5_000 });
    expect(res.exitCode).toBe(0);
    const probe = readUdsProbe(res.stdout);
    expect(probe.versionText).toBe(version?.text);
    expect(probe.roFromConfig).toBe(ro);
    expect(probe.sockets.get(x1.udsPath)).toBe('not-writable');
    expect(probe.sockets.get(ro)).toBe('writable');
    for (const p of ['/var/run/ptp4l', '/var/run/ptp/ptp4l', '/var/run/ptp4lro', '/var/run/ptp/ptp4lro']) expect(probe.sockets.get(p)).toBe(existsSync(p) ? expect.any(String) : 'missing');
    expect(chooseSocket(x1.udsPath, probe, true)).toEqual({ path: ro, readOnly: true, reason: 'read-only-socket' });
    // And through that socket this login is answered (GET), where ss-x1's own socket refuses it.
    const client = `${CLIENT_SOCKET_PREFIX}${'c0ffee'.repeat(2)}`;
    const got = await ssh.exec(['pmc', '-u', '-b', '0', '-s', ro, '-i', client, 'GET CURRENT_DATA_SET'], { timeoutMs: 5_000 });
    expect(got.stdout).toMatch(/RESPONSE MANAGEMENT CURRENT_DATA_SET/);
    await ssh.exec(['rm', '-f', '--', client]);
  });

  it('without a read-only socket to go to, the source stays on the configured socket and its notes and version say what it found', async () => {
    const src = new PmcStreamSource({ id: 'x1', name: 'ss-x1', instance: { name: 'ptp4l', udsPath: x1.udsPath } }, 1000);
    try {
      const poll = await src.poll(ssh, new AbortController().signal);
      expect(poll.problem?.messageId).toBe('pmc.permission');
      expect(src.state()).toMatchObject({ udsPath: x1.udsPath, udsReadOnly: false, linuxptpVersion: version?.text });
      expect(src.diagnostics().notes).toEqual([`linuxptp ${version?.text}`, `socket ${x1.udsPath}`]);
    } finally {
      src.close();
    }
  });

  // pmc reads the instance's config (-f) for its domain; before 4.0 it refuses a config naming uds_ro_address.
  it.skipIf(!version || version.major < 4)('linuxptp 4.x: the engine monitors through the read-only socket, poll-only, and says so once', async () => {
    const src = new PmcStreamSource({ id: 'x1', name: 'ss-x1', instance: { name: 'ptp4l', udsPath: x1.udsPath, configPath: profileConf } }, 1000);
    try {
      const first = await src.poll(ssh, new AbortController().signal);
      expect(first.events.filter((e) => e.kind === 'notice')).toEqual([expect.objectContaining({ to: 'uds-read-only-socket', detail: expect.objectContaining({ subject: ro, configured: x1.udsPath }) })]);
      const later = await waitFor('data sets through the read-only socket', async () => ((await src.poll(ssh, new AbortController().signal)).readings.length > 0 ? true : null), 15_000, 200);
      expect(later).toBe(true);
      expect(src.state()).toMatchObject({ udsPath: ro, udsReadOnly: true });
      expect(src.diagnostics().lastRawOutput).not.toMatch(/SUBSCRIBE_EVENTS_NP/);
    } finally {
      src.close();
    }
  });
});
