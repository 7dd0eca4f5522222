import type { ErrorValue } from '../../../shared/domain/errors';
import type { PtpSample } from '../../../shared/domain/ptp';
import { sampleFromPmc } from '../../../shared/ptp/pmc-sample';
import type { ExecResult } from '../transport/transport';

export interface PollOutcome {
  sample: PtpSample | null;
  /** Set when the poll failed, or succeeded with a warning (some data sets missing). */
  problem: ErrorValue | null;
}

/** Turns one pmc run into a sample and/or an error naming the device and what to check. Never throws. */
export function pollOutcome(res: ExecResult, deviceId: string, deviceName: string, udsPath: string, tMs: number): PollOutcome {
  if (res.exitCode === 127 && !res.stdout.includes('sending:')) {
    return {
      sample: null,
      problem: { code: 'pmc-missing', deviceId, message: `pmc is not installed on ${deviceName}, or not on its PATH.`, hint: 'Install linuxptp on the device (it provides ptp4l and pmc).' },
    };
  }
  // pmc writes its own failures (socket bind, transport) to stderr; the parser reads both.
  const { sample, problem } = sampleFromPmc(`${res.stdout}\n${res.stderr}`, deviceId, tMs);
  if (!problem) return { sample, problem: null };
  const where = problem.code === 'ptp4l-not-running' ? ` (UDS ${udsPath})` : '';
  return { sample, problem: { code: problem.code, deviceId, message: `${deviceName}: ${problem.message}${where}`, hint: problem.hint } };
}
