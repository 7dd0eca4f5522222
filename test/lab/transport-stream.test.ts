import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clientSocketPath } from '../../electron/core/collect/pmc-poll-source';
import { SshTransport } from '../../electron/core/transport/ssh-transport';
import type { DeviceStream } from '../../electron/core/transport/transport';
import { skipUnlessAvailable } from '../support/skip';
import { labDevice, labIsolatedDevice, labSkipReason, labUp, type LabDevice } from './lab';
import { pidsOf, rejection, until } from './lab-helpers';

const skip = skipUnlessAvailable('SSH stream lab tests', labSkipReason());

/** An interactive pmc kept open on a real lab slave over one ssh2 connection: the primitive of the kept-open pmc source. */
describe.skipIf(skip !== null)('SshTransport.stream against the lab', () => {
  let s1: LabDevice;
  let x1: LabDevice;
  let key: string;
  const cleanups: (() => void)[] = [];
  beforeAll(async () => {
    const lab = await labUp();
    s1 = labDevice(lab, 'ss-s1');
    x1 = labIsolatedDevice(lab, 'ss-x1');
    key = readFileSync(s1.privateKeyPath, 'utf8');
  });
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });

  const connected = async (d: LabDevice) => {
    const t = new SshTransport({ host: d.host, port: d.sshPort, user: d.user, auth: { kind: 'privateKey', privateKey: key }, knownHostKey: d.hostKeySha256 });
    cleanups.push(() => t.close());
    await t.connect();
    return t;
  };

  const lines = (s: DeviceStream) => {
    const got: string[] = [];
    s.onLine((l) => got.push(l));
    return got;
  };

  it('keeps one pmc open: GETs written one after another are answered, and close() leaves no pmc on the device', async () => {
    const t = await connected(s1);
    const sock = clientSocketPath();
    const pmc = await t.stream(['pmc', '-u', '-b', '0', '-s', s1.udsPath, '-i', sock]);
    const got = lines(pmc);
    await until('pmc to run on ss-s1', async () => (await pidsOf('pmc', sock)).length === 1);
    const answers = (tlv: string) => got.filter((l) => new RegExp(`RESPONSE MANAGEMENT ${tlv}\\s*$`).test(l)).length;

    for (const [i, tlv] of ['CURRENT_DATA_SET', 'TIME_STATUS_NP', 'PORT_DATA_SET'].entries()) {
      expect(pmc.write(`GET ${tlv}\n`)).toBe(true);
      await until(`the answer to GET ${tlv}`, () => answers(tlv) === 1);
      expect(got.filter((l) => / RESPONSE MANAGEMENT /.test(l))).toHaveLength(i + 1);
    }
    expect(got.some((l) => /^\s+offsetFromMaster\s+-?\d+/.test(l))).toBe(true);
    expect(got.some((l) => /^\s+portState\s+\w+/.test(l))).toBe(true);
    // The same pmc answers again: it was never restarted.
    pmc.write('GET CURRENT_DATA_SET\n');
    await until('a second answer', () => answers('CURRENT_DATA_SET') === 2);
    expect(await pidsOf('pmc', sock)).toHaveLength(1);

    pmc.close();
    expect(await pmc.ended).toEqual({ exitCode: null, reason: 'closed' });
    await until('pmc to be gone from ss-s1', async () => (await pidsOf('pmc', sock)).length === 0);
    expect(existsSync(sock)).toBe(false);
    expect(pmc.write('GET CURRENT_DATA_SET\n')).toBe(false);
    // The connection still runs commands.
    expect((await t.exec(['true'])).exitCode).toBe(0);
  });

  it('close() ends a command that neither reads stdin nor writes, on a root login (sshd passes no signal to it)', async () => {
    const t = await connected(s1);
    const seconds = (200 + Math.random() * 100).toFixed(3);
    const s = await t.stream(['sleep', seconds]);
    await until('sleep to run on ss-s1', async () => (await pidsOf('sleep', seconds)).length === 1);
    s.close();
    expect((await s.ended).reason).toBe('closed');
    await until('sleep to be gone from ss-s1', async () => (await pidsOf('sleep', seconds)).length === 0);
  });

  it('a command that exits by itself ends the stream with its status, and leaves nothing behind', async () => {
    const t = await connected(s1);
    const marker = `syncscope-${Math.random().toString(16).slice(2)}`;
    const s = await t.stream(['sh', '-c', 'read -r l; echo "got $l"; exit 6', marker]);
    const got = lines(s);
    s.write('x\n');
    expect(await s.ended).toEqual({ exitCode: 6, reason: 'exited 6' });
    expect(got).toEqual(['got x']);
    expect(await pidsOf('sh', marker)).toEqual([]);
  });

  it('settles ended with the exit status and the last lines', async () => {
    const t = await connected(s1);
    const s = await t.stream(['sh', '-c', 'echo one; printf two; echo err >&2; exit 5']);
    const got: [string, string][] = [];
    s.onLine((l, from) => got.push([l, from]));
    expect(await s.ended).toEqual({ exitCode: 5, reason: 'exited 5' });
    expect(got).toContainEqual(['two', 'stdout']);
    expect(got).toContainEqual(['err', 'stderr']);
  });

  it('a dropped connection ends every stream with "connection lost"', async () => {
    const t = await connected(x1);
    const a = await t.stream(['cat']);
    const b = await t.stream(['sleep', '30']);
    const dropped: string[] = [];
    t.onDisconnect((r) => dropped.push(r));
    // sshd kills this login's processes: the device side of the connection ends.
    await t.exec(['sh', '-c', 'kill -TERM $PPID']).catch(() => undefined);
    expect(await a.ended).toEqual({ exitCode: null, reason: 'connection lost' });
    expect(await b.ended).toEqual({ exitCode: null, reason: 'connection lost' });
    expect(dropped).toHaveLength(1);
    expect(a.write('x\n')).toBe(false);
  });

  it('never opens more than 10 channels on one connection: the 11th waits for a slot, within its deadline', async () => {
    const t = await connected(s1);
    const held = await Promise.all(Array.from({ length: 10 }, () => t.stream(['cat'])));
    const err = await rejection(t.exec(['true'], { timeoutMs: 300 }));
    expect(err).toMatchObject({ value: { messageId: 'ssh.channel-timeout' } });
    // The connection is fine (it was only busy): a freed slot runs the next command.
    expect(t.state).toBe('connected');
    const waiting = t.exec(['echo', 'ran']);
    held[0]!.close();
    expect((await waiting).stdout).toBe('ran\n');
    for (const s of held) s.close();
  });

  it('an aborted signal closes the stream', async () => {
    const t = await connected(s1);
    const ac = new AbortController();
    const s = await t.stream(['cat'], { signal: ac.signal });
    ac.abort(new Error('stop'));
    expect((await s.ended).reason).toBe('closed');
  });
});
