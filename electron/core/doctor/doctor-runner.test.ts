import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InstanceStateView } from '../../../shared/contract/methods-diagnostics';
import { LocalTransport } from '../transport/local-transport';
import { runDoctor } from './doctor-runner';

/** The same command here, for what the checks should find (this machine is the device). */
function sh(script: string): string {
  try {
    return execFileSync('sh', ['-c', `PATH=$PATH:/usr/sbin:/sbin; ${script}`], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

describe('the doctor on this machine, through the local transport (real ps, pmc, ethtool, leap file)', () => {
  const t = new LocalTransport();
  beforeAll(() => t.connect());
  afterAll(() => t.close());
  const nowhere = '/run/syncscope-test-nowhere/ptp4l';

  it('a socket path with nothing there: pmc fails with no-socket (or pmc-missing), interfaces unknown, no log to count timeouts', async () => {
    const findings = await runDoctor(t, { instances: [{ name: 'ptp4l', udsPath: nowhere }], states: [], txTimeouts: null, nowMs: Date.now() });
    expect(findings.map((f) => f.check)).toEqual(['ptp4l', 'pmc', 'timestamping', 'time-daemons', 'tx-timeouts', 'leap-seconds', 'linuxptp-version']);
    const pmc = findings.find((f) => f.check === 'pmc');
    expect(pmc).toMatchObject({ status: 'fail', textId: sh('command -v pmc') ? 'doctor.pmc.no-socket' : 'doctor.pmc.missing', params: { instance: 'ptp4l', uds: nowhere } });
    expect(findings.find((f) => f.check === 'timestamping')).toMatchObject({ status: 'unknown', textId: 'doctor.timestamping.no-ports' });
    expect(findings.find((f) => f.check === 'tx-timeouts')).toMatchObject({ status: 'unknown', textId: 'doctor.tx-timeouts.no-log' });
    const running = sh('ps -e -o comm=').split('\n').filter((c) => c.trim() === 'ptp4l').length;
    expect(findings.find((f) => f.check === 'ptp4l')?.status).toBe(running > 0 ? 'ok' : 'fail');
    const version = sh('ptp4l -v 2>&1 | head -n 1');
    expect(findings.find((f) => f.check === 'linuxptp-version')?.status).toBe(/^v?\d+\.\d+/.test(version) ? 'ok' : 'unknown');
  });

  it("the live snapshot's interfaces are checked with ethtool -T as it prints them here (lo: software timestamps only)", async () => {
    const state = InstanceStateView.parse({
      instance: 'ptp4l', atMs: 1, linuxptpVersion: null, udsPath: nowhere, udsReadOnly: false, parent: null, defaults: null, current: null, time: null,
      ports: [{ portNumber: 1, portIdentity: '000000.fffe.000000-1', portState: 'SLAVE', interface: 'lo', timestamping: 'HARDWARE', delayMechanism: 'E2E', logSyncInterval: 0, logAnnounceInterval: 0, peerMeanPathDelayNs: 0 }],
    });
    const findings = await runDoctor(t, { instances: [{ name: 'ptp4l', udsPath: nowhere }], states: [state], txTimeouts: 3, nowMs: Date.now() });
    const printed = sh('ethtool -T lo');
    const ts = findings.filter((f) => f.check === 'timestamping');
    if (!printed) expect(ts).toEqual([expect.objectContaining({ status: 'unknown', textId: 'doctor.timestamping.unreadable' })]);
    else expect(ts).toEqual([expect.objectContaining({ status: /hardware-raw-clock/.test(printed) ? 'ok' : 'fail', params: expect.objectContaining({ iface: 'lo', mode: 'hardware' }) })]);
    expect(findings.find((f) => f.check === 'tx-timeouts')).toMatchObject({ status: 'warn', params: { count: 3 } });
  });
});
