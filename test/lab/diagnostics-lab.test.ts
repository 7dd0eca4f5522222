import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OneShotPmcSource } from '../../electron/core/collect/pmc-poll-source';
import { SshTransport } from '../../electron/core/transport/ssh-transport';
import { startTestServer, waitFor, type TestServer } from '../support/engine-server';
import { skipUnlessAvailable } from '../support/skip';
import { labDevice, labSkipReason, labUp, type LabDevice, type LabInfo } from './lab';

const run = promisify(execFile);
const skip = skipUnlessAvailable('diagnostics lab tests', labSkipReason());

describe.skipIf(skip !== null)('ptp.state and collect.diagnostics of a real lab device', () => {
  let lab: LabInfo;
  let s1: LabDevice;
  let t: TestServer;

  beforeAll(async () => {
    lab = await labUp();
    s1 = labDevice(lab, 'ss-s1');
    t = await startTestServer({ metrics: false });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("shows ss-s1's data sets (ports joined with PORT_PROPERTIES_NP) and each source's last command, answer and restarts", async () => {
    const dev = await t.client.call('devices.add', {
      transport: 'ssh',
      name: 'diag-s1',
      host: s1.host,
      user: s1.user,
      auth: { kind: 'privateKey', privateKey: readFileSync(s1.privateKeyPath, 'utf8') },
      hostKeySha256: s1.hostKeySha256,
      pollIntervalMs: 250,
      instances: [{ name: 'ptp4l', udsPath: s1.udsPath, log: { kind: 'file', path: s1.ptp4lLog } }],
    });
    // A free-running slave (the lab never steers the clock) stays UNCALIBRATED or SLAVE once it has its master.
    const synced = ['UNCALIBRATED', 'SLAVE'];
    const state = await waitFor('ss-s1 to be read with its master and its ports named', async () => {
      const [st] = await t.client.call('ptp.state', { deviceId: dev.id });
      return st && st.ports.some((p) => synced.includes(p.portState ?? '') && p.interface !== null) && st.parent ? st : null;
    }, 30_000);
    expect(state.instance).toBe('ptp4l');
    expect(state.udsPath).toBe(s1.udsPath);
    expect(state.udsReadOnly).toBe(false);
    // ptp4l -v as the device prints it (the namespaces run this machine's linuxptp).
    expect(state.linuxptpVersion).toBe((await run('ptp4l', ['-v'])).stdout.trim());
    expect(state.defaults?.clockIdentity).toBe(s1.clockIdentity);
    expect(state.parent?.grandmasterIdentity).toBe(labDevice(lab, 'ss-gm').clockIdentity);
    // What ptp4l's own interface list and configuration say: one port, on eth0, software timestamps.
    expect(state.ports).toEqual([expect.objectContaining({ portNumber: 1, interface: s1.instances[0]?.iface ?? 'eth0', timestamping: 'SOFTWARE', delayMechanism: 'E2E' })]);
    expect(synced).toContain(state.ports[0]?.portState);
    expect(state.atMs).toBeGreaterThan(Date.now() - 10_000);

    const diag = await waitFor('a log line to arrive', async () => {
      const all = await t.client.call('collect.diagnostics', { deviceId: dev.id });
      return all.find((d) => d.source === 'log-follow')?.lastRawOutput ? all : null;
    }, 20_000);
    const pmc = diag.find((d) => d.source === 'pmc-stream');
    const log = diag.find((d) => d.source === 'log-follow');
    expect(pmc).toMatchObject({ instance: 'ptp4l', parseErrors: 0, restarts: 0, lastError: null, unparsedLines: [] });
    expect(pmc?.notes).toEqual([`linuxptp ${state.linuxptpVersion}`, `socket ${s1.udsPath}`]);
    expect(pmc?.lastCommand).toMatch(new RegExp(`^pmc -u -b 0 -s ${s1.udsPath} -i /tmp/syncscope-pmc-[0-9a-f]{12}$`));
    expect(pmc?.lastLatencyMs).toBeGreaterThan(0);
    // The last answer as pmc printed it: its echo and the data sets of the poll.
    expect(pmc?.lastRawOutput).toMatch(/sending: GET TIME_STATUS_NP/);
    expect(pmc?.lastRawOutput).toMatch(/RESPONSE MANAGEMENT CURRENT_DATA_SET/);
    expect(log).toMatchObject({ instance: 'ptp4l', restarts: 0, lastError: null, lastCommand: `tail -n 0 -F -- ${s1.ptp4lLog}` });
    expect(log?.lastRawOutput).toMatch(/ptp4l\[\d+\.\d+\]/);

    // pmc ended on the device (ours alone, found by its own client socket): the source starts a new one and counts it.
    const client = /-i (\/tmp\/syncscope-pmc-[0-9a-f]{12})/.exec(pmc?.lastCommand ?? '')?.[1] ?? '';
    const { stdout } = await run('pgrep', ['-f', '--', `^pmc -u -b 0 -s ${s1.udsPath} -i ${client}$`]);
    const pids = stdout.split('\n').filter((l) => /^\d+$/.test(l.trim()));
    expect(pids.length).toBe(1);
    await run('kill', [pids[0] as string]);
    const after = await waitFor('the restart to be counted', async () => {
      const d = (await t.client.call('collect.diagnostics', { deviceId: dev.id })).find((x) => x.source === 'pmc-stream');
      return d && d.restarts === 1 && d.lastCommand !== pmc?.lastCommand && d.lastRawOutput?.includes('CURRENT_DATA_SET') ? d : null;
    }, 20_000);
    expect(after.lastCommand).toMatch(/-i \/tmp\/syncscope-pmc-[0-9a-f]{12}$/);
    await waitFor('the source-restart event', async () => (await t.client.call('events.query', { deviceId: dev.id, kinds: ['source-restart'] })).some((e) => e.detail['source'] === 'pmc'));
  }, 90_000);

  it('the one-shot fallback shows what one pmc per poll reads of ss-s1 (time status, current data set, port state) and its diagnostics', async () => {
    const ssh = new SshTransport({ host: s1.host, port: s1.sshPort, user: s1.user, auth: { kind: 'privateKey', privateKey: readFileSync(s1.privateKeyPath, 'utf8') }, knownHostKey: s1.hostKeySha256 });
    await ssh.connect();
    try {
      const src = new OneShotPmcSource({ id: 's1', name: 'ss-s1', udsPath: s1.udsPath }, 'ptp4l', 5_000);
      const poll = await src.poll(ssh, new AbortController().signal);
      expect(poll.sample).not.toBeNull();
      const st = src.state();
      expect(st).toMatchObject({ instance: 'ptp4l', udsPath: s1.udsPath, parent: null, time: { gmIdentity: labDevice(lab, 'ss-gm').clockIdentity }, current: { stepsRemoved: 1 } });
      expect(st.ports).toEqual([expect.objectContaining({ portNumber: 1, portIdentity: `${s1.clockIdentity}-1`, interface: null })]);
      const d = src.diagnostics();
      expect(d).toMatchObject({ source: 'pmc-oneshot', parseErrors: 0, lastError: poll.problem });
      expect(d.lastRawOutput).toMatch(/RESPONSE MANAGEMENT PORT_DATA_SET/);
      expect(d.lastLatencyMs).toBeGreaterThan(0);
    } finally {
      ssh.close();
    }
  });
});
