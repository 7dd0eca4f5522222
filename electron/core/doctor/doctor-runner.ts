import type { InstanceStateView } from '../../../shared/contract/methods-diagnostics';
import type { PtpInstance } from '../../../shared/domain/device';
import {
  checkLeapSeconds,
  checkLinuxptpVersion,
  checkPtp4lRunning,
  checkTimeDaemons,
  checkTimestamping,
  checkTxTimeouts,
  finding,
  type DoctorFinding,
} from '../../../shared/doctor/checks';
import { checkPmc } from '../../../shared/doctor/pmc-check';
import type { DeviceTransport } from '../transport/transport';
import { probeLeapSeconds, probeLinuxptpVersion, probePmc, probeProcesses, probeTimestamping } from './doctor-probes';

/** What the doctor knows of a device besides what it probes. */
export interface DoctorSubject {
  instances: readonly PtpInstance[];
  /** The collector's latest data sets per instance (empty when nothing collects it). */
  states: readonly InstanceStateView[];
  /** Tx-timestamp timeouts in the device's recent log; null when no instance names a log. */
  txTimeouts: number | null;
  nowMs: number;
}

/**
 * Runs every health check over a connected transport, one probe at a time (a few channels at most
 * beside the collector's), and returns the findings in a fixed order: ptp4l, pmc per instance,
 * time daemons, timestamping per interface, tx timeouts, leap seconds, linuxptp version.
 */
export async function runDoctor(t: DeviceTransport, subject: DoctorSubject, signal?: AbortSignal): Promise<DoctorFinding[]> {
  const out: DoctorFinding[] = [];
  const processes = await probeProcesses(t, signal);
  if (processes.ok) out.push(checkPtp4lRunning(processes.value, subject.instances));
  else out.push(finding('ptp4l', 'unknown', 'doctor.probe-failed', { probe: processes.probe, detail: processes.detail }));

  const interfaces = new Map<string, string>();
  for (const instance of subject.instances) {
    const state = subject.states.find((s) => s.instance === instance.name) ?? null;
    const probe = await probePmc(t, instance.udsPath, signal);
    const readOnlySocket = state?.udsReadOnly && state.udsPath && state.atMs !== null ? state.udsPath : null;
    out.push(checkPmc({ instance: instance.name, udsPath: instance.udsPath, udsAccess: probe.udsAccess, exitCode: probe.exitCode, answered: probe.answered, readOnlySocket }));
    // The live snapshot's ports first (it may read through a socket this probe may not use), else what the probe read.
    const ports = state && state.ports.some((p) => p.interface) ? state.ports.map((p) => ({ iface: p.interface, mode: p.timestamping })) : probe.properties.map((p) => ({ iface: p.interface, mode: p.timestamping }));
    const known = ports.filter((p): p is { iface: string; mode: string } => p.iface !== null && p.mode !== null);
    if (known.length === 0) out.push(finding('timestamping', 'unknown', 'doctor.timestamping.no-ports', { instance: instance.name }));
    for (const p of known) if (!interfaces.has(p.iface)) interfaces.set(p.iface, p.mode);
  }

  if (processes.ok) out.push(checkTimeDaemons(processes.value));
  else out.push(finding('time-daemons', 'unknown', 'doctor.probe-failed', { probe: processes.probe, detail: processes.detail }));
  for (const [iface, mode] of interfaces) out.push(checkTimestamping(iface, await probeTimestamping(t, iface, signal), mode));
  out.push(checkTxTimeouts(subject.txTimeouts));
  out.push(checkLeapSeconds(await probeLeapSeconds(t, signal), subject.nowMs));
  out.push(checkLinuxptpVersion(await probeLinuxptpVersion(t, signal)));
  return out;
}
