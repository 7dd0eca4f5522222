import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PtpSample } from '../../shared/domain/ptp';
import type { DeviceStatus } from '../../shared/domain/status';
import { DeviceCollector, type CollectorSinks } from '../../electron/core/collect/device-collector';
import { PmcPollSource } from '../../electron/core/collect/pmc-poll-source';
import { sshSpec } from '../../electron/core/collect/spec-fixture';
import { LocalTransport } from '../../electron/core/transport/local-transport';
import { SshTransport } from '../../electron/core/transport/ssh-transport';
import type { DeviceTransport } from '../../electron/core/transport/transport';
import { skipUnlessAvailable } from '../support/skip';
import { labDevice, labIsolatedDevice, labSkipReason, labUp, type LabDevice, type LabInfo } from './lab';
import { ipLink, netnsPids, pidsOf, recording, StallingRelay, until } from './lab-helpers';

const skip = skipUnlessAvailable('collector lab tests', labSkipReason());

/** Sinks that keep everything, each status with the monotonic time it arrived. */
function collect(): CollectorSinks & { samples: PtpSample[]; statuses: { atMs: number; status: DeviceStatus }[] } {
  const samples: PtpSample[] = [];
  const statuses: { atMs: number; status: DeviceStatus }[] = [];
  return { samples, statuses, sample: (s) => samples.push(s), status: (s) => statuses.push({ atMs: performance.now(), status: s }), pollDone: () => undefined, readings: () => undefined, events: () => undefined };
}

describe.skipIf(skip !== null)('the collector against the lab (ptp4l + sshd in namespaces)', () => {
  let lab: LabInfo;
  let x1: LabDevice;
  const cleanups: (() => void | Promise<void>)[] = [];
  beforeAll(async () => {
    lab = await labUp();
    x1 = labIsolatedDevice(lab, 'ss-x1');
  });
  afterEach(async () => {
    vi.useRealTimers();
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  const rootKey = () => ({ kind: 'privateKey' as const, privateKey: readFileSync(x1.privateKeyPath, 'utf8') });
  const x1Spec = (over = {}) => sshSpec({ name: 'ss-x1', host: x1.host, user: x1.user, auth: rootKey(), hostKeySha256: x1.hostKeySha256, udsPath: x1.udsPath, pollIntervalMs: 500, ...over });
  const start = (spec: ReturnType<typeof sshSpec>, transport: DeviceTransport, sinks: CollectorSinks, opts = {}) => {
    const c = new DeviceCollector(spec, transport, sinks, opts);
    cleanups.push(() => c.stop());
    return c;
  };

  it('keeps polling when the host clock steps back an hour (scheduling is monotonic)', async () => {
    // This machine's own ptp4l socket view: ss-s1's UDS through the file system, a local device.
    const s1 = labDevice(lab, 'ss-s1');
    const sinks = collect();
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    start(sshSpec({ transport: 'local', host: null, user: null, auth: null, udsPath: s1.udsPath, pollIntervalMs: 200 }), new LocalTransport(), sinks);
    await until('two samples', () => sinks.samples.length >= 2);
    const before = sinks.samples.length;
    const steppedAt = Date.now() - 3_600_000;
    vi.setSystemTime(steppedAt);
    await until('three more samples after the step', () => sinks.samples.length >= before + 3);
    const after = sinks.samples.slice(before);
    // Wall time only stamps the data: the new samples carry the stepped clock.
    expect(after.every((s) => s.tMs >= steppedAt && s.tMs < steppedAt + 60_000)).toBe(true);
    expect(sinks.statuses.at(-1)?.status.connection).toBe('online');
  });

  it('stop() during a connect ends the connection and runs no pmc', async () => {
    const relay = new StallingRelay(x1.host);
    cleanups.push(() => relay.close());
    const port = await relay.listen();
    const { transport, argvs } = recording(new SshTransport({ host: '127.0.0.1', port, user: x1.user, auth: rootKey(), knownHostKey: x1.hostKeySha256 }));
    const sinks = collect();
    const c = start(x1Spec({ host: '127.0.0.1', sshPort: port }), transport, sinks);
    await until('the handshake to be under way', () => relay.clients.length === 1);
    await c.stop();
    await until('the relay to see the connection closed', () => relay.clients[0]!.destroyed);
    relay.release();
    expect(transport.state).toBe('closed');
    expect(argvs).toEqual([]);
    expect(sinks.statuses.map((s) => s.status.connection)).toEqual(['connecting']);
  });

  it('goes offline within the poll deadline when the cable is pulled, and comes back when it is plugged in', async () => {
    const sinks = collect();
    cleanups.push(() => ipLink(x1.hostVeth, 'up'));
    start(x1Spec(), new SshTransport({ host: x1.host, port: x1.sshPort, user: x1.user, auth: rootKey(), knownHostKey: x1.hostKeySha256 }), sinks);
    await until('the first sample', () => sinks.samples.length >= 1);
    const pulledAt = performance.now();
    await ipLink(x1.hostVeth, 'down');
    // Before: ~19 s (the pmc timeout began only once a channel opened; keepalive gave up last).
    await until('offline', () => sinks.statuses.some((s) => s.atMs > pulledAt && s.status.connection === 'offline'), 12_000);
    const offline = sinks.statuses.find((s) => s.atMs > pulledAt && s.status.connection === 'offline')!;
    console.info(`ss-x1 offline ${((offline.atMs - pulledAt) / 1000).toFixed(1)} s after its link went down: ${offline.status.lastError?.message}`);
    expect(offline.status.lastError?.code).toMatch(/^ssh-(timeout|disconnected)$/);
    expect(offline.status.portState).toBeNull();
    await ipLink(x1.hostVeth, 'up');
    const pluggedAt = performance.now();
    await until('online again', () => sinks.statuses.some((s) => s.atMs > pluggedAt && s.status.connection === 'online'), 60_000);
  });

  it('goes offline the moment an idle connection drops (onDisconnect), and reconnects', async () => {
    const sinks = collect();
    // A long interval: between polls only the disconnect event can tell.
    start(x1Spec({ pollIntervalMs: 600_000 }), new SshTransport({ host: x1.host, port: x1.sshPort, user: x1.user, auth: rootKey(), knownHostKey: x1.hostKeySha256 }), sinks);
    await until('the first sample', () => sinks.samples.length >= 1);
    const before = sinks.statuses.length;
    // The per-connection children of ss-x1's own sshd listener: they serve this collector only (other
    // suites may run their own sshd in ss-x1; those and their sessions are left alone).
    const listener = readFileSync(x1.sshdLog.replace('sshd.log', 'sshd.pid'), 'utf8').trim();
    const parentOf = (pid: number) => /^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    const sessions = (await netnsPids(x1.netns)).filter((pid) => {
      try {
        return parentOf(pid) === listener;
      } catch {
        return false; // gone meanwhile
      }
    });
    expect(sessions.length).toBeGreaterThan(0);
    for (const pid of sessions) process.kill(pid, 'SIGTERM');
    await until('offline', () => sinks.statuses.slice(before).some((s) => s.status.connection === 'offline'));
    expect(sinks.statuses[before]?.status).toMatchObject({ connection: 'offline', lastError: { messageId: 'ssh.dropped' } });
    await until('online again', () => sinks.statuses.slice(before).some((s) => s.status.connection === 'online'));
    expect(sinks.samples.length).toBe(2);
  });

  it('removes the client socket of every poll, and of a pmc stopped by the deadline', async () => {
    const { transport, argvs } = recording(new SshTransport({ host: x1.host, port: x1.sshPort, user: x1.user, auth: rootKey(), knownHostKey: x1.hostKeySha256 }));
    cleanups.push(() => transport.close());
    await transport.connect();
    const source = new PmcPollSource({ id: 'x', name: 'ss-x1', udsPath: x1.udsPath }, 1500);
    const clientOf = (argv: string[]) => argv[argv.indexOf('-i') + 1]!;
    for (let i = 0; i < 5; i++) expect((await source.poll(transport, new AbortController().signal)).sample).not.toBeNull();
    expect(argvs).toHaveLength(5);
    // The lab's namespaces share this file system: the device's /tmp is ours.
    expect(argvs.map(clientOf).filter((p) => existsSync(p))).toEqual([]);

    // A pmc that hangs (stopped) until the deadline: the poll script kills it and still removes its socket.
    let stopped: { pid: number; socket: string } | null = null;
    // A one-shot pmc lives ~100-250 ms and finding it takes a pgrep: some attempts miss it (on a loaded
    // machine 20 in a row did), so keep trying for up to a minute.
    const giveUpAt = performance.now() + 60_000;
    while (!stopped && performance.now() < giveUpAt) {
      const polling = source.poll(transport, new AbortController().signal);
      const socket = clientOf(argvs.at(-1)!);
      const caught = await catchPmc(socket);
      if (caught) stopped = { pid: caught, socket };
      const result = await polling;
      if (caught) expect(result.problem).toMatchObject({ messageId: 'pmc.timeout' });
    }
    if (!stopped) throw new Error('never caught a running pmc to stop');
    const { pid, socket } = stopped;
    cleanups.push(() => {
      if (existsSync(`/proc/${pid}`)) process.kill(pid, 'SIGKILL');
    });
    await until('the stopped pmc to be killed and its socket removed', () => !existsSync(socket) && !existsSync(`/proc/${pid}/cmdline`), 5_000);
  });

  /** Finds the pmc using `socket` while it runs and stops it (SIGSTOP), as a hung pmc would be; its pid, or null if it finished first. */
  async function catchPmc(socket: string): Promise<number | null> {
    const end = performance.now() + 1000;
    while (performance.now() < end) {
      const [pid] = await pidsOf('pmc', socket);
      if (pid !== undefined) {
        process.kill(pid, 'SIGSTOP');
        return existsSync(socket) ? pid : (process.kill(pid, 'SIGCONT'), null);
      }
    }
    return null;
  }
});
