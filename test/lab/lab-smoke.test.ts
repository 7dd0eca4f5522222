import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from 'ssh2';
import { beforeAll, describe, expect, it } from 'vitest';
import { skipUnlessAvailable } from '../support/skip';
import { readFileSync, statSync } from 'node:fs';
import { labIsolatedDevice, labSkipReason, labUp, readLab, type LabDevice, type LabInfo } from './lab';

const run = promisify(execFile);
const STATES_DEADLINE_MS = 30_000;

const skipReason = skipUnlessAvailable('lab smoke tests', labSkipReason());

/** Runs a command on a lab device through the real ssh client, with the lab's key and host keys. */
async function sshRun(lab: LabInfo, device: LabDevice, command: string, extra: string[] = []): Promise<string> {
  const { stdout } = await run(
    'ssh',
    [
      '-F', '/dev/null',
      ...extra,
      '-i', device.privateKeyPath,
      '-o', 'IdentitiesOnly=yes',
      '-o', 'BatchMode=yes',
      '-o', 'StrictHostKeyChecking=yes',
      '-o', `UserKnownHostsFile=${lab.knownHostsPath}`,
      '-o', 'ConnectTimeout=5',
      '-o', 'LogLevel=ERROR',
      '-p', String(device.sshPort),
      `${device.user}@${device.host}`,
      command,
    ],
    { timeout: 15_000 },
  );
  return stdout;
}

/** Runs a command as the lab's password user through ssh2 (a real SSH client, password auth). */
function sshRunWithPassword(device: LabDevice, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const client = new Client();
    let out = '';
    client
      .on('ready', () => {
        client.exec(command, (err, stream) => {
          if (err) return reject(err);
          stream.on('data', (chunk: Buffer) => (out += chunk.toString()));
          stream.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
          stream.on('close', () => {
            client.end();
            resolve(out);
          });
        });
      })
      .on('error', reject)
      .connect({ host: device.host, port: device.sshPort, username: device.passwordUser, password: device.password, readyTimeout: 10_000 });
  });
}

const pmc = (device: LabDevice, ...commands: string[]): string =>
  `pmc -u -b 0 -s ${device.udsPath} ${commands.map((c) => `'${c}'`).join(' ')}`;

function field(output: string, name: string): string | undefined {
  return new RegExp(`^\\s+${name.replace('.', '\\.')}\\s+(\\S+)`, 'm').exec(output)?.[1];
}

describe.skipIf(skipReason !== null)(`lab smoke${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let lab: LabInfo;
  let slaves: LabDevice[];
  let gm: LabDevice;

  beforeAll(async () => {
    lab = await labUp();
    slaves = lab.devices.filter((d) => d.role === 'slave');
    const found = lab.devices.find((d) => d.role === 'gm');
    if (!found) throw new Error('lab.json lists no grandmaster');
    gm = found;
  });

  it('describes one grandmaster and two slaves', () => {
    expect(lab.devices.map((d) => `${d.name}:${d.role}`)).toEqual(['ss-gm:gm', 'ss-s1:slave', 'ss-s2:slave']);
  });

  it('answers TIME_STATUS_NP through pmc over root key ssh on every slave', async () => {
    for (const slave of slaves) {
      const out = await sshRun(lab, slave, pmc(slave, 'GET TIME_STATUS_NP'));
      expect(out, `${slave.name}`).toMatch(new RegExp(`^\\t${slave.clockIdentity}-0 seq \\d+ RESPONSE MANAGEMENT TIME_STATUS_NP`, 'm'));
    }
  });

  it('brings the grandmaster to MASTER and the slaves to UNCALIBRATED or SLAVE in bounded time', async () => {
    const deadline = Date.now() + STATES_DEADLINE_MS;
    const expected = (d: LabDevice): string[] => (d.role === 'gm' ? ['MASTER'] : ['UNCALIBRATED', 'SLAVE']);
    let states: Record<string, string | undefined> = {};
    for (;;) {
      const outs = await Promise.all(lab.devices.map((d) => sshRun(lab, d, pmc(d, 'GET PORT_DATA_SET'))));
      states = Object.fromEntries(lab.devices.map((d, i) => [d.name, field(outs[i] ?? '', 'portState')]));
      if (lab.devices.every((d) => expected(d).includes(states[d.name] ?? ''))) break;
      if (Date.now() > deadline) {
        throw new Error(`port states after ${STATES_DEADLINE_MS / 1000} s: ${JSON.stringify(states)}; see each device's ptp4lLog in /run/syncscope-lab`);
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    for (const slave of slaves) {
      const parent = await sshRun(lab, slave, pmc(slave, 'GET PARENT_DATA_SET'));
      expect(field(parent, 'grandmasterIdentity'), slave.name).toBe(gm.clockIdentity);
    }
  });

  it('lets the password user log in and run pmc with its own client socket', async () => {
    const slave = slaves[0]!;
    // Without -i, pmc binds /var/run/pmc.$PID, which only root may create.
    const out = await sshRunWithPassword(slave, `${pmc(slave, 'GET PORT_DATA_SET').replace('pmc ', 'pmc -i /tmp/pmc.$$ ')}; echo "exit=$?"`);
    expect(out).toMatch(/RESPONSE MANAGEMENT PORT_DATA_SET/);
    expect(out).toMatch(/exit=0/);
  });

  it('keeps the isolated device apart: root-only ptp4l socket, and up repairs it alone', async () => {
    const x1 = labIsolatedDevice(lab, 'ss-x1');
    expect(lab.devices.map((d) => d.name)).not.toContain('ss-x1');
    const uds = statSync(x1.udsPath);
    expect([uds.uid, uds.gid, uds.mode & 0o002]).toEqual([0, 0, 0]);
    const pidOf = (d: LabDevice, what: 'ptp4l' | 'sshd') => Number(readFileSync(`${lab.stateDir}/${d.name}/${what}.pid`, 'utf8'));
    const shared = lab.devices.map((d) => [pidOf(d, 'ptp4l'), pidOf(d, 'sshd')]);
    // Break only ss-x1 (its own ptp4l, by pid), then `up` again.
    const brokenPid = pidOf(x1, 'ptp4l');
    process.kill(brokenPid, 'SIGKILL');
    const again = await labUp();
    expect(again.devices.map((d) => [pidOf(d, 'ptp4l'), pidOf(d, 'sshd')])).toEqual(shared);
    expect(pidOf(labIsolatedDevice(again, 'ss-x1'), 'ptp4l')).not.toBe(brokenPid);
    expect(again.devices[0]?.password).toBe(lab.devices[0]?.password);
    const out = await sshRun(again, labIsolatedDevice(again, 'ss-x1'), pmc(labIsolatedDevice(again, 'ss-x1'), 'GET PORT_DATA_SET'));
    expect(out).toMatch(/RESPONSE MANAGEMENT PORT_DATA_SET/);
    expect(readLab().isolatedDevices.map((d) => d.name)).toEqual(['ss-x1']);
  });

  it('reaches ss-j1 only through the jump host, as OpenSSH ProxyJump does', async () => {
    const j1 = lab.behindJump[0]!;
    const jump = lab.jumpHost;
    expect(lab.devices.map((d) => d.name)).not.toContain(j1.name);
    await expect(sshRun(lab, j1, 'true', ['-o', 'ConnectTimeout=2'])).rejects.toThrow();
    // The jump's own ssh uses the same options (key, known_hosts) through -J's nested ssh, as the config file would give them.
    const proxy = `ssh -F /dev/null -i ${j1.privateKeyPath} -o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile=${lab.knownHostsPath} -o LogLevel=ERROR -W %h:%p ${jump.user}@${jump.host}`;
    const out = await sshRun(lab, j1, pmc(j1, 'GET DEFAULT_DATA_SET'), ['-o', `ProxyCommand=${proxy}`]);
    expect(field(out, 'clockIdentity')).toBe(j1.clockIdentity);
  });

  it('up rebuilds the jump pair alone when one of them broke', async () => {
    const pidOf = (name: string, what: 'ptp4l' | 'sshd') => Number(readFileSync(`${lab.stateDir}/${name}/${what}.pid`, 'utf8'));
    const shared = [...lab.devices, ...lab.isolatedDevices].map((d) => [pidOf(d.name, 'ptp4l'), pidOf(d.name, 'sshd')]);
    const brokenPid = pidOf('ss-jump', 'sshd');
    process.kill(brokenPid, 'SIGKILL');
    const again = await labUp();
    expect([...again.devices, ...again.isolatedDevices].map((d) => [pidOf(d.name, 'ptp4l'), pidOf(d.name, 'sshd')])).toEqual(shared);
    expect(pidOf('ss-jump', 'sshd')).not.toBe(brokenPid);
    expect(again.jumpHost.hostKeySha256).not.toBe(lab.jumpHost.hostKeySha256);
  });
});
