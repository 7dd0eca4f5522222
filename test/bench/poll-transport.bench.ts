import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { pmcPollArgv } from '../../shared/ptp/pmc-command';
import { sampleFromPmc } from '../../shared/ptp/pmc-sample';
import { shellCommand } from '../../shared/shell/quote';
import { clientSocketPath } from '../../electron/core/collect/pmc-poll-source';
import { SshTransport } from '../../electron/core/transport/ssh-transport';
import type { DeviceStream } from '../../electron/core/transport/transport';
import { labDevice, labSkipReason, labUp } from '../lab/lab';
import { PmcStreamSource } from '../../electron/core/collect/pmc-stream-source';

const run = promisify(execFile);

export interface BenchResult {
  name: string;
  lines: string[];
}

function stats(ms: number[]): { median: number; p95: number } {
  const s = [...ms].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)] ?? NaN, p95: s[Math.floor(s.length * 0.95)] ?? NaN };
}

/** Every data set linuxptp 3.1 answers that the kept-open pmc source reads each poll. */
const ALL_DATA_SETS = ['CURRENT_DATA_SET', 'TIME_STATUS_NP', 'PORT_DATA_SET', 'PARENT_DATA_SET', 'DEFAULT_DATA_SET', 'PORT_PROPERTIES_NP', 'PORT_STATS_NP'] as const;

type Listener = { fn: ((l: string) => void) | null };

/** Resolves when every data set's answer header has arrived on the stream. */
function answers(listener: Listener, tlvs: readonly string[]): Promise<void> {
  const pending = new Set<string>(tlvs);
  return new Promise<void>((resolve) => {
    listener.fn = (line) => {
      const m = / RESPONSE MANAGEMENT (\w+)/.exec(line);
      if (m?.[1] && pending.delete(m[1]) && pending.size === 0) {
        listener.fn = null;
        resolve();
      }
    };
  });
}

/**
 * pmc reads its stdin with fgets(): a chunk holding several lines is buffered by stdio and only its
 * first line is acted on until more input arrives. Under `stdbuf -i0` (GNU coreutils) it reads
 * byte by byte, so all GETs go in one write; without it, one GET per answer.
 */
async function pollBatched(pmc: DeviceStream, listener: Listener): Promise<void> {
  const done = answers(listener, ALL_DATA_SETS);
  pmc.write(ALL_DATA_SETS.map((tlv) => `GET ${tlv}\n`).join(''));
  await done;
}

async function pollOneByOne(pmc: DeviceStream, listener: Listener): Promise<void> {
  for (const tlv of ALL_DATA_SETS) {
    const done = answers(listener, [tlv]);
    pmc.write(`GET ${tlv}\n`);
    await done;
  }
}

async function timeStream(ssh: SshTransport, argv: string[], poll: (pmc: DeviceStream, l: Listener) => Promise<void>, polls: number): Promise<number[]> {
  const pmc = await ssh.stream(argv);
  const listener: Listener = { fn: null };
  pmc.onLine((l) => listener.fn?.(l));
  await poll(pmc, listener); // warm-up: pmc's start and its first answers
  const ms: number[] = [];
  for (let i = 0; i < polls; i++) {
    const t0 = performance.now();
    await poll(pmc, listener);
    ms.push(performance.now() - t0);
  }
  pmc.close();
  await pmc.ended;
  return ms;
}

/**
 * One poll of a lab slave, three ways: one OpenSSH `ssh` process per poll (new TCP connection, key
 * exchange and login: the baseline); the one-shot pmc per poll over the engine's persistent ssh2
 * connection; and all data sets over one pmc kept open on a stream of that connection.
 */
export async function benchPollTransport(polls = 20, streamPolls = 500): Promise<BenchResult> {
  const skip = labSkipReason();
  if (skip) return { name: 'poll transport', lines: [`SKIPPED: ${skip}`] };
  const lab = await labUp();
  const s1 = labDevice(lab, 'ss-s1');
  // The exact command the one-shot source runs each poll, fresh client socket included.
  const argv = () => pmcPollArgv(s1.udsPath, clientSocketPath(), 5000);

  const baseline: number[] = [];
  for (let i = 0; i < polls; i++) {
    const t0 = performance.now();
    const { stdout } = await run('ssh', ['-F', '/dev/null', '-i', s1.privateKeyPath, '-o', 'BatchMode=yes', '-o', `UserKnownHostsFile=${lab.knownHostsPath}`, '-o', 'StrictHostKeyChecking=yes', '-o', 'LogLevel=ERROR', `${s1.user}@${s1.host}`, shellCommand(argv())]);
    baseline.push(performance.now() - t0);
    if (!sampleFromPmc(stdout, 'b', Date.now()).sample) throw new Error('baseline poll returned no sample');
  }

  const ssh = new SshTransport({ host: s1.host, port: s1.sshPort, user: s1.user, auth: { kind: 'privateKey', privateKey: readFileSync(s1.privateKeyPath, 'utf8') }, knownHostKey: s1.hostKeySha256 });
  await ssh.connect();
  const oneShot: number[] = [];
  for (let i = 0; i < polls; i++) {
    const t0 = performance.now();
    const res = await ssh.exec(argv());
    oneShot.push(performance.now() - t0);
    if (!sampleFromPmc(res.stdout, 'b', Date.now()).sample) throw new Error('one-shot poll returned no sample');
  }
  const pmcArgv = ['pmc', '-u', '-b', '0', '-s', s1.udsPath, '-i', clientSocketPath()];
  const batched = await timeStream(ssh, ['stdbuf', '-i0', ...pmcArgv], pollBatched, streamPolls);
  const oneByOne = await timeStream(ssh, pmcArgv, pollOneByOne, streamPolls);
  // What the engine really does: its PmcStreamSource polled at 8 Hz, idle between polls like a device is.
  const source = new PmcStreamSource({ id: 'bench', name: 'ss-s1', instance: { name: 'ptp4l', udsPath: s1.udsPath } }, 1000);
  const paced: number[] = [];
  const signal = new AbortController().signal;
  for (let i = 0; i < 81; i++) {
    const started = performance.now();
    await source.poll(ssh, signal);
    if (i > 0 && source.lastPollMs !== null) paced.push(source.lastPollMs);
    await new Promise((r) => setTimeout(r, Math.max(0, 125 - (performance.now() - started))));
  }
  source.close();
  ssh.close();

  const b = stats(baseline);
  const o = stats(oneShot);
  const k = stats(batched);
  const k1 = stats(oneByOne);
  const e = stats(paced);
  const n = ALL_DATA_SETS.length;
  return {
    name: 'poll transport (pmc on lab slave ss-s1)',
    lines: [
      `baseline  one ssh process per poll, 3 data sets          : median ${b.median.toFixed(1)} ms, p95 ${b.p95.toFixed(1)} ms (${polls} polls)`,
      `one-shot pmc per poll on one ssh2 connection, 3 sets     : median ${o.median.toFixed(1)} ms, p95 ${o.p95.toFixed(1)} ms (${polls} polls)`,
      `kept-open pmc stream, ${n} data sets, one write (stdbuf -i0): median ${k.median.toFixed(3)} ms, p95 ${k.p95.toFixed(3)} ms (${streamPolls} polls)`,
      `kept-open pmc stream, ${n} data sets, GET by GET            : median ${k1.median.toFixed(3)} ms, p95 ${k1.p95.toFixed(3)} ms (${streamPolls} polls)`,
      `engine's PmcStreamSource at 8 Hz (idle between polls)      : median ${e.median.toFixed(3)} ms, p95 ${e.p95.toFixed(3)} ms (${paced.length} polls)`,
      `ratio baseline/kept-open one write (median)               : ${(b.median / k.median).toFixed(0)}x (aim >= 100x and <= 1 ms a poll)`,
      `ratio baseline/engine source at 8 Hz (median)             : ${(b.median / e.median).toFixed(0)}x`,
      `ratio baseline/kept-open GET by GET (median)              : ${(b.median / k1.median).toFixed(0)}x`,
      `ratio one-shot/kept-open one write (median)               : ${(o.median / k.median).toFixed(0)}x`,
      "note: ssh and one-shot include pmc's own ~100 ms wait for late answers after its last request; a kept-open pmc never exits",
      'note: back-to-back polls keep sshd, cat, pmc and ptp4l awake; at 8 Hz each poll first wakes them, which the engine line shows',
    ],
  };
}
