import { randomBytes } from 'node:crypto';
import { DOCTOR_PROBES, ethtoolTimestampingArgv } from '../../../shared/doctor/checks';
import { parseEthtoolTimestamping, type TimestampingCaps } from '../../../shared/doctor/ethtool-timestamping';
import { parseLeapSecondsList, type LeapFile } from '../../../shared/doctor/leap-seconds';
import { parseLinuxptpVersion, type LinuxptpVersion } from '../../../shared/doctor/linuxptp-version';
import { parseProcessList, type DeviceProcess } from '../../../shared/doctor/process-list';
import { CLIENT_SOCKET_PREFIX, pmcPollArgv, readPollStderr } from '../../../shared/ptp/pmc-command';
import { portPropertiesNp, type PortPropertiesNp } from '../../../shared/ptp/pmc-datasets';
import { parsePmcOutput } from '../../../shared/ptp/pmc-parse';
import type { UdsAccess } from '../../../shared/ptp/pmc-sample';
import type { DeviceTransport, ExecResult } from '../transport/transport';

/**
 * The doctor's read-only probes, each a fixed argv run over the device's transport (nothing a
 * person or a device said goes into one unvalidated), read by the pure parsers of shared/doctor.
 * A probe that cannot run says what it printed instead; transport failures propagate.
 */

export const PROBE_TIMEOUT_MS = 5_000;
const MAX_PROBE_OUTPUT = 1024 * 1024;

export type Probed<T> = { ok: true; value: T } | { ok: false; probe: string; detail: string };

async function run(transport: DeviceTransport, argv: readonly string[], signal?: AbortSignal): Promise<ExecResult> {
  return transport.exec(argv, { timeoutMs: PROBE_TIMEOUT_MS, maxOutputBytes: MAX_PROBE_OUTPUT, ...(signal ? { signal } : {}) });
}

function failure(argv: readonly string[], res: ExecResult): { ok: false; probe: string; detail: string } {
  const said = (res.stderr.trim() || res.stdout.trim()).split('\n')[0]?.slice(0, 200) ?? '';
  return { ok: false, probe: argv.join(' '), detail: `${said || 'nothing'} (exit ${res.exitCode ?? 'by signal'})` };
}

export async function probeProcesses(t: DeviceTransport, signal?: AbortSignal): Promise<Probed<DeviceProcess[]>> {
  const res = await run(t, DOCTOR_PROBES.processes, signal);
  const list = parseProcessList(res.stdout);
  return res.exitCode === 0 && list.length > 0 ? { ok: true, value: list } : failure(DOCTOR_PROBES.processes, res);
}

/** null when the file cannot be read (missing tzdata): the leap check says so. */
export async function probeLeapSeconds(t: DeviceTransport, signal?: AbortSignal): Promise<LeapFile | null> {
  const res = await run(t, DOCTOR_PROBES.leapSeconds, signal);
  return res.exitCode === 0 ? parseLeapSecondsList(res.stdout) : null;
}

export async function probeLinuxptpVersion(t: DeviceTransport, signal?: AbortSignal): Promise<LinuxptpVersion | null> {
  const res = await run(t, DOCTOR_PROBES.linuxptpVersion, signal);
  // ptp4l -v prints to stdout (3.x/4.x); stderr too, in case a build prints there.
  return res.exitCode === 0 ? parseLinuxptpVersion(res.stdout.trim() || res.stderr.trim()) : null;
}

/** null when ethtool is missing or the interface unknown: the timestamping check says it could not read it. */
export async function probeTimestamping(t: DeviceTransport, iface: string, signal?: AbortSignal): Promise<TimestampingCaps | null> {
  const argv = ethtoolTimestampingArgv(iface);
  if (!argv) return null;
  const res = await run(t, argv, signal);
  return res.exitCode === 0 ? parseEthtoolTimestamping(res.stdout) : null;
}

export interface PmcProbe {
  udsAccess: UdsAccess;
  exitCode: number | null;
  answered: boolean;
  properties: PortPropertiesNp[];
}

/** One GET PORT_PROPERTIES_NP through a one-shot pmc (the poll script: socket check, deadline, client socket removed). */
export async function probePmc(t: DeviceTransport, udsPath: string, signal?: AbortSignal): Promise<PmcProbe> {
  const client = `${CLIENT_SOCKET_PREFIX}${randomBytes(6).toString('hex')}`;
  const res = await run(t, pmcPollArgv(udsPath, client, PROBE_TIMEOUT_MS - 1_000, ['GET PORT_PROPERTIES_NP']), signal);
  const { udsAccess, pmcStderr } = readPollStderr(res.stderr);
  const parse = parsePmcOutput(`${res.stdout}\n${pmcStderr}`);
  const properties = parse.responses.map(portPropertiesNp).flatMap((p) => (p ? [p] : []));
  return { udsAccess, exitCode: res.exitCode, answered: parse.responses.length > 0, properties };
}
