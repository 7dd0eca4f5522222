import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { pmcPollArgv } from '../../shared/ptp/pmc-command';
import { sampleFromPmc } from '../../shared/ptp/pmc-sample';
import { clientSocketPath } from '../../electron/core/collect/pmc-poll-source';
import { SshTransport } from '../../electron/core/transport/ssh-transport';
import { labDevice, labSkipReason, labUp, type LabDevice } from '../lab/lab';
import { startTestServer, waitFor, type TestServer } from '../support/engine-server';
import type { BenchResult } from './poll-transport.bench';
import { CLOCK_TICKS_PER_S, ourSshPorts, sessionCpu, type SessionCpu } from './ssh-session-cpu';

/**
 * CPU of collection (issue 7 aims at < 1 % of a core per side for 10 devices, at 1 Hz and 8 Hz).
 * The real engine (`serve`, in this process, temp data folder, no console attached while measuring)
 * polls 10 devices: the lab's three shared devices added several times under different names, each
 * a real SSH connection with its own kept-open pmc and its own `tail -F` of the ptp4l log.
 * Console side: this process's CPU (process.cpuUsage: engine, store, every thread). Device side: the
 * sshd processes serving our connections and all they started (pmc, tail, shells), from /proc
 * (utime+stime, and cutime+cstime for what they reaped). Baselines in the same run: the idle engine
 * (the same process once its devices are removed), and the skeleton's way — one one-shot pmc process
 * per poll over one ssh2 connection per device, run from this process beside that idle engine.
 */

const NAMES = ['ss-gm', 'ss-s1', 'ss-s2'] as const;
/** 10 devices from 3: which lab device each bench device is. */
const PLAN: (typeof NAMES)[number][] = ['ss-gm', 'ss-s1', 'ss-s2', 'ss-gm', 'ss-s1', 'ss-s2', 'ss-gm', 'ss-s1', 'ss-s2', 'ss-s1'];
const WARM_UP_MS = 8_000;

interface Window {
  label: string;
  pollsPerS: number;
  consolePct: number;
  devicePct: number;
  perNetnsPct: Map<string, number>;
  census: string;
  connections: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function deviceArgs(d: LabDevice, name: string, pollIntervalMs: number) {
  return {
    transport: 'ssh' as const,
    name,
    host: d.host,
    user: d.user,
    auth: { kind: 'privateKey' as const, privateKey: readFileSync(d.privateKeyPath, 'utf8') },
    hostKeySha256: d.hostKeySha256,
    pollIntervalMs,
    instances: d.instances.map((i) => ({ name: i.name, udsPath: i.udsPath, configPath: i.ptp4lConfig, log: { kind: 'file' as const, path: i.ptp4lLog } })),
  };
}

/** Polls the engine finished so far, over the bench's devices (the poll-duration histogram's counts). */
async function enginePolls(t: TestServer, names: ReadonlySet<string>): Promise<number> {
  const { values } = await t.server.engine.metrics.pollDuration.get();
  return values.filter((v) => v.metricName === 'syncscope_poll_duration_seconds_count' && names.has(String(v.labels.device))).reduce((a, v) => a + v.value, 0);
}

/** Measures one window: console CPU, our sessions' CPU per lab namespace and by process name, and polls done. */
async function measure(label: string, lab: Map<string, LabDevice>, windowMs: number, polls: () => Promise<number> | number): Promise<Window> {
  const ports = ourSshPorts();
  const before = new Map<string, SessionCpu>();
  for (const [name, d] of lab) before.set(name, await sessionCpu(d.netns, ports));
  const p0 = await polls();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await sleep(windowMs);
  const cpu = process.cpuUsage(cpu0);
  const wallMs = performance.now() - t0;
  const p1 = await polls();
  const pctOf = (ticks: number) => ((ticks / CLOCK_TICKS_PER_S) * 1000 * 100) / wallMs;
  const perNetnsPct = new Map<string, number>();
  const census = new Map<string, { count: number; ticks: number }>();
  let connections = 0;
  for (const [name, d] of lab) {
    const after = await sessionCpu(d.netns, ourSshPorts());
    const was = before.get(name);
    perNetnsPct.set(name, pctOf(after.ticks - (was?.ticks ?? 0)));
    connections += after.connections;
    for (const [comm, ticks] of after.ticksByProcess) {
      const c = census.get(comm) ?? { count: 0, ticks: 0 };
      census.set(comm, { count: c.count + (after.processes.get(comm) ?? 0), ticks: c.ticks + ticks - (was?.ticksByProcess.get(comm) ?? 0) });
    }
  }
  return {
    label,
    pollsPerS: ((p1 - p0) * 1000) / wallMs,
    consolePct: (((cpu.user + cpu.system) / 1000) * 100) / wallMs,
    devicePct: [...perNetnsPct.values()].reduce((a, b) => a + b, 0),
    perNetnsPct,
    census: [...census]
      .sort((a, b) => b[1].ticks - a[1].ticks)
      .map(([c, { count, ticks }]) => `${c}${count > 0 ? ` ×${count}` : ''} ${pctOf(ticks).toFixed(2)} %`)
      .join(', '),
    connections,
  };
}

/** The skeleton's way for comparison: one ssh2 connection per device, one one-shot pmc process per poll, its output parsed (not stored); a poll counts when it gave a sample. */
async function oneShotWindow(lab: Map<string, LabDevice>, windowMs: number): Promise<{ window: Window; bareChannelMs: number }> {
  const transports = PLAN.map((name) => {
    const d = lab.get(name)!;
    return { d, ssh: new SshTransport({ host: d.host, port: d.sshPort, user: d.user, auth: { kind: 'privateKey', privateKey: readFileSync(d.privateKeyPath, 'utf8') }, knownHostKey: d.hostKeySha256 }) };
  });
  await Promise.all(transports.map((x) => x.ssh.connect()));
  let polls = 0;
  let running = true;
  const loops = transports.map(async ({ d, ssh }, i) => {
    await sleep(i * 100); // spread over the second, as independent devices would be
    while (running) {
      const started = performance.now();
      const res = await ssh.exec(pmcPollArgv(d.udsPath, clientSocketPath(), 5000));
      if (sampleFromPmc(res.stdout, d.name, Date.now()).sample) polls++;
      await sleep(Math.max(0, 1000 - (performance.now() - started)));
    }
  });
  try {
    await sleep(WARM_UP_MS);
    const window = await measure('skeleton: one-shot pmc per poll, 1 Hz', lab, windowMs, () => polls);
    running = false;
    await Promise.all(loops);
    return { window, bareChannelMs: await bareChannelMs(transports[0]!.ssh, transports[0]!.d) };
  } finally {
    running = false;
    await Promise.all(loops);
    for (const x of transports) x.ssh.close();
  }
}

/** Device CPU ms of one exec channel running `true`: what any one-shot command pays before its own work (sshd, the login shell). */
async function bareChannelMs(ssh: SshTransport, d: LabDevice): Promise<number> {
  const runs = 10;
  const ports = ourSshPorts();
  const before = await sessionCpu(d.netns, ports);
  for (let i = 0; i < runs; i++) await ssh.exec(['true']);
  const after = await sessionCpu(d.netns, ports);
  return ((after.ticks - before.ticks) / CLOCK_TICKS_PER_S / runs) * 1000;
}

function table(windows: Window[]): string[] {
  const pct = (n: number) => `${n.toFixed(2)} %`.padStart(8);
  const per = (n: number) => `${(n / PLAN.length).toFixed(3)} %`.padStart(9);
  const idle = windows.find((w) => w.pollsPerS === 0)?.consolePct ?? 0;
  // 1 % of a core is 10 ms of CPU a second; the console's share is counted above the idle engine.
  const perPoll = (p: number, w: Window) => (w.pollsPerS > 0 ? `${((p * 10) / w.pollsPerS).toFixed(2)}`.padStart(6) : '     -');
  const head = `${'mode (10 devices)'.padEnd(44)} ${'polls/s'.padStart(7)}   console: total  /device  ms/poll   device: total  /device  ms/poll   device by lab host (${NAMES.join(' / ')})`;
  return [
    head,
    ...windows.map(
      (w) =>
        `${w.label.padEnd(44)} ${w.pollsPerS.toFixed(1).padStart(7)}   ${pct(w.consolePct)} ${per(w.consolePct)}   ${perPoll(w.consolePct - idle, w)}   ${pct(w.devicePct)} ${per(w.devicePct)}   ${perPoll(w.devicePct, w)}   ${NAMES.map((n) => (w.perNetnsPct.get(n) ?? 0).toFixed(2)).join(' / ')}`,
    ),
  ];
}

export interface CollectionCpuOptions {
  /** Poll intervals measured, with their labels (default: 1 Hz, 5 Hz, 8 Hz). */
  rates?: readonly (readonly [string, number])[];
  /** Also measure the skeleton's one-shot pmc per poll (default true). */
  skeleton?: boolean;
}

const RATES = [
  ['engine 1 Hz: pmc kept open + tail -F', 1000],
  ['engine 5 Hz (200 ms)', 200],
  ['engine 8 Hz (125 ms)', 125],
] as const;

export async function benchCollectionCpu(windowMs = 20_000, opts: CollectionCpuOptions = {}): Promise<BenchResult> {
  const name = 'collection CPU (real engine, 10 SSH devices; % of one core)';
  const skip = labSkipReason();
  if (skip) return { name, lines: [`SKIPPED: ${skip}`] };
  const info = await labUp();
  const lab = new Map(NAMES.map((n) => [n, labDevice(info, n)] as const));
  const load0 = loadavg()[0] ?? 0;
  const t = await startTestServer({ metrics: false });
  const windows: Window[] = [];
  let bareMs = NaN;
  const engine = t.server.engine;
  try {
    const names = PLAN.map((n, i) => `bench-${n}-${i}`);
    const ids: string[] = [];
    for (const [i, n] of PLAN.entries()) ids.push((await t.client.call('devices.add', deviceArgs(lab.get(n)!, names[i]!, 1000))).id);
    // No console attached while measuring: live events would cost what an open UI costs, not collection.
    t.socket.disconnect();
    const nameSet = new Set(names);
    const online = () => waitFor('the 10 bench devices to be online', () => engine.statuses().filter((s) => ids.includes(s.deviceId) && s.connection === 'online').length === ids.length, 180_000, 200);

    for (const [label, intervalMs] of opts.rates ?? RATES) {
      for (const id of ids) if (engine.devices.get(id).pollIntervalMs !== intervalMs) await engine.changeDevices(() => engine.devices.update(id, { pollIntervalMs: intervalMs }), (v) => v.name);
      await online();
      await sleep(WARM_UP_MS);
      const w = await measure(label, lab, windowMs, () => enginePolls(t, nameSet));
      // A device that dropped during the window would make its polls cheaper than real ones: say so.
      const up = engine.statuses().filter((s) => ids.includes(s.deviceId) && s.connection === 'online').length;
      windows.push(up === ids.length ? w : { ...w, label: `${w.label} (${up}/${ids.length} online at the end)` });
    }

    for (const id of ids) {
      await engine.changeDevices(
        () => {
          const v = engine.devices.get(id);
          engine.devices.remove(id);
          return v;
        },
        (v) => v.name,
      );
    }
    await waitFor('the engine to close its SSH connections', () => ourSshPorts().size === 0, 20_000);
    windows.push(await measure('idle engine (its devices removed)', lab, windowMs, () => 0));
    if (opts.skeleton !== false) {
      const oneShot = await oneShotWindow(lab, windowMs);
      windows.push(oneShot.window);
      bareMs = oneShot.bareChannelMs;
    }
  } finally {
    await t.close();
  }
  const load1 = loadavg()[0] ?? 0;
  const w8 = windows.find((w) => w.label.includes('8 Hz'));
  return {
    name,
    lines: [
      ...table(windows),
      `device CPU at 8 Hz by process (count, % of a core): ${w8?.census ?? '?'} (${w8?.connections ?? 0} connections)`,
      `device CPU of the skeleton by process: ${windows.find((w) => w.label.startsWith('skeleton'))?.census ?? '?'}`,
      `aim: < 1 % of a core per side for all 10 devices, at 1 Hz and 8 Hz; windows of ${windowMs / 1000} s after ${WARM_UP_MS / 1000} s warm-up; CLK_TCK ${CLOCK_TICKS_PER_S}`,
      'ms/poll: CPU ms per poll done (console: above the idle engine); the skeleton keeps 1 Hz only while a poll takes under a second',
      `one exec channel running \`true\` costs the device ${bareMs.toFixed(1)} ms of CPU here (sshd, and the login shell with whatever its rc files run): the skeleton pays it every poll, a kept-open stream once`,
      `the 10 devices are the lab's ss-gm, ss-s1, ss-s2 added 3, 4 and 3 times under different names (10 real connections, pmc streams and log followers)`,
      `machine load (1-min average) ${load0.toFixed(2)} before, ${load1.toFixed(2)} after, on ${cpus().length} cores: other work inflates CPU figures`,
    ],
  };
}
