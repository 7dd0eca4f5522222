import type { ErrorValue } from '../../../shared/domain/errors';
import type { PtpSample } from '../../../shared/domain/ptp';
import { sampleFromPmc } from '../../../shared/ptp/pmc-sample';
import type { ExecResult } from '../transport/transport';

export interface PollOutcome {
  sample: PtpSample | null;
  /** Set when the poll failed, or succeeded with a warning (some data sets missing). */
  problem: ErrorValue | null;
}

/** Turns one pmc run into a sample and/or an error a person can act on. Never throws. */
export function pollOutcome(res: ExecResult, deviceId: string, deviceName: string, udsPath: string, tMs: number): PollOutcome {
  const notFound = res.exitCode === 127 || (/(command )?not found|No such file or directory/i.test(res.stderr) && !res.stdout.includes('sending:'));
  if (notFound) {
    return {
      sample: null,
      problem: { code: 'pmc-missing', deviceId, message: `pmc is not installed on ${deviceName}, or not on its PATH.`, hint: 'Install linuxptp on the device (it provides ptp4l and pmc).' },
    };
  }
  const { sample, problem } = sampleFromPmc(res.stdout, deviceId, tMs);
  if (!problem) return { sample, problem: null };
  const stderr = res.stderr.trim().split('\n').slice(-2).join(' ').slice(0, 300);
  const detail = stderr ? ` (pmc said: ${stderr})` : '';
  if (problem.kind === 'no-response') {
    return {
      sample,
      problem: { code: 'ptp4l-not-running', deviceId, message: `ptp4l on ${deviceName} does not answer at ${udsPath}${detail}.`, hint: problem.hint ?? 'Check that ptp4l runs and that its uds_address matches the device setting.' },
    };
  }
  return { sample, problem: { code: 'device-output', deviceId, message: `${deviceName}: ${problem.message}${detail}`, ...(problem.hint ? { hint: problem.hint } : {}) } };
}
