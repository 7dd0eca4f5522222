import { appendFileSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogFollowSource } from '../../electron/core/collect/log-follow-source';
import type { SourcePoll } from '../../electron/core/collect/ptp-source';
import { SshTransport } from '../../electron/core/transport/ssh-transport';
import { startTestServer, waitFor, type TestServer } from '../support/engine-server';
import { skipUnlessAvailable } from '../support/skip';
import { labDevice, labSkipReason, labUp, type LabDevice } from './lab';

const skip = skipUnlessAvailable('log follower lab tests', labSkipReason());

describe.skipIf(skip !== null)('following linuxptp logs on a lab device over SSH', () => {
  let s1: LabDevice;
  let ssh: SshTransport;
  let dir: string;
  const signal = new AbortController().signal;

  beforeAll(async () => {
    s1 = labDevice(await labUp(), 'ss-s1');
    ssh = new SshTransport({ host: s1.host, port: s1.sshPort, user: s1.user, auth: { kind: 'privateKey', privateKey: readFileSync(s1.privateKeyPath, 'utf8') }, knownHostKey: s1.hostKeySha256 });
    await ssh.connect();
    // The namespaces share this machine's file system: a file written here is the device's file.
    dir = mkdtempSync(join(tmpdir(), 'syncscope-logs-'));
  });
  afterAll(() => {
    ssh?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Polls like the supervisor does until `done` holds or `ms` passes. */
  async function pollUntil(src: LogFollowSource, done: (all: SourcePoll[]) => boolean, ms = 15_000): Promise<SourcePoll[]> {
    const polls: SourcePoll[] = [];
    await waitFor('the follower to deliver', async () => {
      polls.push(await src.poll(ssh, signal));
      return done(polls);
    }, ms, 200);
    return polls;
  }

  /** Whether some process on this machine (the lab device's tail -F: namespaces share the file system) has `file` open. */
  const openedBySomeone = (file: string): boolean =>
    readdirSync('/proc').some((pid) => {
      if (!/^\d+$/.test(pid)) return false;
      try {
        return readdirSync(`/proc/${pid}/fd`).some((fd) => {
          try {
            return readlinkSync(`/proc/${pid}/fd/${fd}`) === file;
          } catch {
            return false;
          }
        });
      } catch {
        return false;
      }
    });

  const servoOffsets = (polls: SourcePoll[]) => polls.flatMap((p) => p.readings.flatMap((r) => r.values.filter((v) => v.metric === 'ptp.servo_offset').map((v) => v.value)));

  it("reads ss-s1's live ptp4l log as it is written: servo offsets equal to the lines ptp4l printed", async () => {
    const src = new LogFollowSource({ id: 's1', instance: 'ptp4l', log: { kind: 'file', path: s1.ptp4lLog } });
    try {
      const polls = await pollUntil(src, (all) => servoOffsets(all).length >= 2);
      const printed = readFileSync(s1.ptp4lLog, 'utf8').split('\n').filter((l) => l.includes('master offset')).map((l) => Number(l.slice(l.indexOf(']: ') + 3).split(/\s+/)[2]));
      // Only lines written after the follower started, and each exactly as printed (the newest ones of the file).
      const seen = servoOffsets(polls);
      expect(printed.slice(-seen.length - 2)).toEqual(expect.arrayContaining(seen));
      expect(src.totals.unparsed).toBe(0);
    } finally {
      src.close();
    }
  });

  it('follows a log across rotation (renamed away, a new file at the same path)', async () => {
    const file = join(dir, 'ptp4l.log');
    writeFileSync(file, '');
    const src = new LogFollowSource({ id: 's1', instance: 'bc@eth1', log: { kind: 'file', path: file } });
    try {
      await src.poll(ssh, signal); // starts tail -F
      // tail -F reads a new file from its end: append only once it holds the file open (a fixed
      // 300 ms wait was too short on a loaded machine, and the first lines went unseen).
      await waitFor('tail -F to open the log', () => openedBySomeone(file), 15_000);
      await new Promise((r) => setTimeout(r, 200)); // and to have sought to its end (-n 0)
      appendFileSync(file, 'ptp4l[10.000]: master offset 11 s2 freq -100 path delay 500\nptp4l[11.000]: port 1 (eth1): SLAVE to UNCALIBRATED on SYNCHRONIZATION_FAULT\n');
      const before = await pollUntil(src, (all) => servoOffsets(all).includes(11));
      renameSync(file, `${file}.1`);
      writeFileSync(file, 'ptp4l[12.000]: master offset -22 s2 freq -90 path delay 510\n');
      const after = await pollUntil(src, (all) => servoOffsets(all).includes(-22));
      expect(servoOffsets([...before, ...after])).toEqual([11, -22]);
      const state = before.flatMap((p) => p.events).find((e) => e.kind === 'port-state');
      expect(state).toMatchObject({ instance: 'bc@eth1', from: 'SLAVE', to: 'UNCALIBRATED', detail: { iface: 'eth1', event: 'SYNCHRONIZATION_FAULT' } });
    } finally {
      src.close();
    }
  });

  it('says so when the journal has nothing for the unit, or the file cannot be opened', async () => {
    // The lab has no systemd journal: a unit with no entries is exactly what a person must be told about.
    const journal = new LogFollowSource({ id: 's1', instance: 'ptp4l', log: { kind: 'journal', unit: 'ptp4l@eth0.service' } });
    const missing = new LogFollowSource({ id: 's1', instance: 'ptp4l', log: { kind: 'file', path: join(dir, 'nowhere', 'ptp4l.log') } });
    try {
      const j = await pollUntil(journal, (all) => all.some((p) => p.events.some((e) => e.kind === 'notice')));
      expect(j.flatMap((p) => p.events).find((e) => e.kind === 'notice')).toMatchObject({ to: 'log-source-empty', detail: { subject: expect.stringMatching(/no entries for ptp4l@eth0\.service/) } });
      const f = await pollUntil(missing, (all) => all.some((p) => p.events.some((e) => e.kind === 'notice')));
      expect(f.flatMap((p) => p.events).find((e) => e.kind === 'notice')).toMatchObject({ to: 'log-source-message', detail: { subject: expect.stringMatching(/cannot open .*No such file/) } });
    } finally {
      journal.close();
      missing.close();
    }
  });

  it('runs beside pmc in the engine: a device whose instance names its log gets servo series', async () => {
    const t: TestServer = await startTestServer();
    try {
      const dev = await t.client.call('devices.add', {
        transport: 'ssh',
        name: 'ss-s1-log',
        host: s1.host,
        user: s1.user,
        auth: { kind: 'privateKey', privateKey: readFileSync(s1.privateKeyPath, 'utf8') },
        instances: [{ name: 'ptp4l', udsPath: s1.udsPath, log: { kind: 'file', path: s1.ptp4lLog } }],
        hostKeySha256: s1.hostKeySha256,
        pollIntervalMs: 500,
      });
      const series = await waitFor('servo series from the log', async () => {
        const list = await t.client.call('series.list', { deviceId: dev.id });
        return list.some((s) => s.metric === 'ptp.servo_offset') && list.some((s) => s.metric === 'ptp.offset_from_master') ? list : null;
      }, 30_000, 250);
      expect(series.find((s) => s.metric === 'ptp.servo_offset')).toMatchObject({ instance: 'ptp4l' });
    } finally {
      await t.close();
    }
  });
});
