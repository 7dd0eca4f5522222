import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/engine-server';
import { skipUnlessAvailable } from '../support/skip';
import { labDevice, labScenarioDevice, labSkipReason, labUp, readLab, type LabInfo, type LabInstance } from './lab';
import { holdLabDevice, processAlive } from './lab-helpers';
import { labPid } from './scenario-engine';

const run = promisify(execFile);
const skip = skipUnlessAvailable('lab scenario devices', labSkipReason());

/** One data set of a ptp4l instance, asked in a domain (default: the instance's own). */
async function pmcGet(i: LabInstance, dataSet: string, domain = i.domainNumber): Promise<string> {
  const { stdout } = await run('pmc', ['-u', '-b', '0', '-d', String(domain), '-s', i.udsPath, `GET ${dataSet}`], { timeout: 5_000 });
  return stdout;
}
const field = (out: string, name: string) => new RegExp(`^\\s+${name}\\s+(\\S+)`, 'm').exec(out)?.[1];

/** The lab's scenario devices as lab.sh builds them: roles, domains, who follows whom, and how `up` repairs them. */
describe.skipIf(skip !== null)('lab scenario devices (failover group, boundary clock)', () => {
  let lab: LabInfo;
  let release: (() => Promise<void>) | null = null;
  const inst = (device: string, name?: string) => {
    const d = labScenarioDevice(lab, device);
    return name ? d.instances.find((i) => i.name === name)! : d.instances[0]!;
  };

  beforeAll(async () => {
    lab = await labUp();
  });
  afterAll(async () => {
    await release?.();
    await labUp();
  });

  it('lists each device apart from the shared ones, with its instances, domains and identities', () => {
    expect(lab.scenarioDevices.map((d) => `${d.name}:${d.role}:${d.host}`)).toEqual([
      'ss-fgm1:gm:10.231.57.15',
      'ss-fgm2:backup-gm:10.231.57.16',
      'ss-fs1:slave:10.231.57.17',
      'ss-fs2:slave:10.231.57.18',
      'ss-bc1:bc:10.231.57.19',
      'ss-p1:slave:10.231.57.24',
      'ss-t1:slave:10.231.57.25',
    ]);
    expect(lab.devices.map((d) => d.name)).toEqual(['ss-gm', 'ss-s1', 'ss-s2']);
    expect(lab.scenarioDevices.flatMap((d) => d.instances.map((i) => `${d.name}/${i.name}:${i.domainNumber}`))).toEqual([
      'ss-fgm1/ptp4l:1',
      'ss-fgm2/ptp4l:1',
      'ss-fs1/ptp4l:1',
      'ss-fs2/ptp4l:1',
      'ss-bc1/eth0:0',
      'ss-bc1/eth1:2',
      'ss-p1/ptp4l:0',
      'ss-t1/ptp4l:0',
    ]);
    const identities = [...lab.devices, ...lab.isolatedDevices, ...lab.scenarioDevices].flatMap((d) => d.instances.map((i) => i.clockIdentity));
    expect(new Set(identities).size).toBe(identities.length);
  });

  it('builds the failover group and the boundary clock: who is master, who follows whom', async () => {
    const fgm1 = inst('ss-fgm1');
    const expected: [LabInstance, string[], string][] = [
      [fgm1, ['MASTER'], fgm1.clockIdentity],
      // A passive clock keeps itself as parent: it does not follow the better master it hears.
      [inst('ss-fgm2'), ['PASSIVE'], inst('ss-fgm2').clockIdentity],
      [inst('ss-fs1'), ['UNCALIBRATED', 'SLAVE'], fgm1.clockIdentity],
      [inst('ss-fs2'), ['UNCALIBRATED', 'SLAVE'], fgm1.clockIdentity],
      [inst('ss-bc1', 'eth0'), ['UNCALIBRATED', 'SLAVE'], labDevice(lab, 'ss-gm').clockIdentity],
      [inst('ss-bc1', 'eth1'), ['MASTER'], inst('ss-bc1', 'eth1').clockIdentity],
    ];
    let last: string[] = [];
    await waitFor('every scenario instance in its state', async () => {
      last = await Promise.all(expected.map(async ([i]) => `${field(await pmcGet(i, 'PORT_DATA_SET'), 'portState')}/${field(await pmcGet(i, 'PARENT_DATA_SET'), 'grandmasterIdentity')}`));
      return expected.every(([, states, gm], k) => states.some((s) => last[k] === `${s}/${gm}`));
    }, 30_000, 500).catch((e: unknown) => {
      throw new Error(`${String(e)}; states: ${last.join(' ')}`);
    });
  });

  it('keeps domains apart for real: ptp4l ignores messages of another domain', async () => {
    // Asked in domain 0, a domain-1 ptp4l does not answer (pmc prints only what it sent).
    expect(await pmcGet(inst('ss-fs1'), 'PORT_DATA_SET', 0)).not.toMatch(/RESPONSE MANAGEMENT/);
    // ss-fgm1 (priority1 1, class 6, like ss-gm) is on the same bridge, yet ss-s1 follows ss-gm only.
    const s1 = labDevice(lab, 'ss-s1');
    const { stdout } = await run('pmc', ['-u', '-b', '0', '-s', s1.udsPath, 'GET PARENT_DATA_SET']);
    expect(field(stdout, 'grandmasterIdentity')).toBe(labDevice(lab, 'ss-gm').clockIdentity);
  });

  it('up leaves a held device alone, then restarts its dead ptp4l in place (same sshd, same host key)', async () => {
    const fs2 = labScenarioDevice(lab, 'ss-fs2');
    const sshd = labPid(lab.stateDir, fs2.name, 'sshd');
    const ptp4l = labPid(lab.stateDir, fs2.name, 'ptp4l');
    release = await holdLabDevice(lab.stateDir, fs2.name);
    process.kill(ptp4l, 'SIGKILL');
    await waitFor('ss-fs2 ptp4l to end', () => !processAlive(ptp4l), 5_000);
    await labUp();
    expect(labPid(lab.stateDir, fs2.name, 'ptp4l')).toBe(ptp4l); // held: not started again
    await release();
    release = null;
    const again = labScenarioDevice(await labUp(), fs2.name);
    const restarted = labPid(lab.stateDir, fs2.name, 'ptp4l');
    expect(restarted).not.toBe(ptp4l);
    expect(processAlive(restarted)).toBe(true);
    expect(labPid(lab.stateDir, fs2.name, 'sshd')).toBe(sshd);
    expect(again.hostKeySha256).toBe(fs2.hostKeySha256);
    expect(readLab().scenarioDevices.find((d) => d.name === fs2.name)?.hostKeySha256).toBe(fs2.hostKeySha256);
    expect(await pmcGet(again.instances[0]!, 'PORT_DATA_SET')).toMatch(/RESPONSE MANAGEMENT PORT_DATA_SET/);
  });
});
