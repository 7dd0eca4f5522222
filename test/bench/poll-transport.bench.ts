import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { pmcPollArgv } from '../../shared/ptp/pmc-command';
import { sampleFromPmc } from '../../shared/ptp/pmc-sample';
import { shellCommand } from '../../shared/shell/quote';
import { clientSocketPath } from '../../electron/core/collect/pmc-poll-source';
import { SshTransport } from '../../electron/core/transport/ssh-transport';
import { labDevice, labSkipReason, labUp } from '../lab/lab';

const run = promisify(execFile);

export interface BenchResult {
  name: string;
  lines: string[];
}

function stats(ms: number[]): { median: number; p95: number } {
  const s = [...ms].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)] ?? NaN, p95: s[Math.floor(s.length * 0.95)] ?? NaN };
}

/**
 * One poll of a lab slave: pmc over the engine's persistent ssh2 connection, against the baseline
 * of one OpenSSH `ssh` process (new TCP connection, key exchange and login) per poll.
 */
export async function benchPollTransport(polls = 20): Promise<BenchResult> {
  const skip = labSkipReason();
  if (skip) return { name: 'poll transport', lines: [`SKIPPED: ${skip}`] };
  const lab = await labUp();
  const s1 = labDevice(lab, 'ss-s1');
  // The exact command the engine runs each poll, fresh client socket included.
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
  const persistent: number[] = [];
  for (let i = 0; i < polls; i++) {
    const t0 = performance.now();
    const res = await ssh.exec(argv());
    persistent.push(performance.now() - t0);
    if (!sampleFromPmc(res.stdout, 'b', Date.now()).sample) throw new Error('persistent poll returned no sample');
  }
  ssh.close();

  const b = stats(baseline);
  const p = stats(persistent);
  return {
    name: 'poll transport (pmc on a lab slave, 3 data sets)',
    lines: [
      `baseline  one ssh process per poll : median ${b.median.toFixed(1)} ms, p95 ${b.p95.toFixed(1)} ms (${polls} polls)`,
      `syncscope persistent ssh2 channel  : median ${p.median.toFixed(1)} ms, p95 ${p.p95.toFixed(1)} ms (${polls} polls)`,
      `ratio baseline/persistent (median) : ${(b.median / p.median).toFixed(2)}x`,
      'note: both include pmc\'s own ~100 ms wait for late answers after its last request',
    ],
  };
}
