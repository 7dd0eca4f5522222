import type { UdsAccess } from '../ptp/pmc-sample';
import { finding, type DoctorFinding } from './checks';

/** What one GET through pmc on an instance's socket showed (the doctor's `pmc` probe). */
export interface PmcProbeResult {
  instance: string;
  udsPath: string;
  /** What the probe script saw of the socket from the login's side. */
  udsAccess: UdsAccess;
  /** pmc's exit status; 127: not installed or not on PATH. */
  exitCode: number | null;
  /** ptp4l answered at least one data set. */
  answered: boolean;
  /** A read-only socket (linuxptp 4.x `uds_ro_address`) this login can use instead, when one was found. */
  readOnlySocket: string | null;
}

/**
 * pmc unreachable: a socket the login may not write (the common case for a non-root login), no
 * socket, no pmc, or no answer. A login refused the read-write socket that monitors through the
 * read-only one is a warning: data flows, but without pushed port states.
 */
export function checkPmc(p: PmcProbeResult): DoctorFinding {
  const params = { instance: p.instance, uds: p.udsPath };
  if (p.exitCode === 127) return finding('pmc', 'fail', 'doctor.pmc.missing', params);
  if (p.udsAccess === 'not-writable') {
    return p.readOnlySocket ? finding('pmc', 'warn', 'doctor.pmc.read-only', { ...params, ro: p.readOnlySocket }) : finding('pmc', 'fail', 'doctor.pmc.permission', params);
  }
  if (p.udsAccess === 'missing') return finding('pmc', 'fail', 'doctor.pmc.no-socket', params);
  return p.answered ? finding('pmc', 'ok', 'doctor.pmc.ok', params) : finding('pmc', 'fail', 'doctor.pmc.no-answer', params);
}
