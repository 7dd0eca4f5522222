import type { MessageParams } from '../domain/errors';
import type { ErrorLanguage, ErrorText } from '../errors/catalog-types';
import { fillTemplate } from '../errors/catalog';
import { DOCTOR_TEXT, type DoctorTextId } from './doctor-text';
import { timestampingGaps, type TimestampingCaps } from './ethtool-timestamping';
import type { LeapFile } from './leap-seconds';
import { DATA_SET_FEATURES, offersDataSet, type LinuxptpVersion, type OptionalDataSet } from './linuxptp-version';
import { SYSTEM_CLOCK_DAEMONS, type DeviceProcess } from './process-list';

/**
 * Device health checks ("doctor"): pure verdicts over what fixed probe commands printed, each with
 * what to do. The engine runs the probes (DOCTOR_PROBES) over the device's transport and feeds these.
 */
export type DoctorStatus = 'ok' | 'warn' | 'fail' | 'unknown';
export type DoctorCheckId = 'time-daemons' | 'ptp4l' | 'leap-seconds' | 'timestamping' | 'tx-timeouts' | 'linuxptp-version' | 'pmc';

export interface DoctorFinding {
  check: DoctorCheckId;
  status: DoctorStatus;
  textId: DoctorTextId;
  params: MessageParams;
}

/** Fixed argv of each probe: nothing in them comes from a person or a device. */
export const DOCTOR_PROBES = {
  processes: ['ps', '-e', '-o', 'pid=,comm=,args='],
  leapSeconds: ['cat', '/usr/share/zoneinfo/leap-seconds.list'],
  linuxptpVersion: ['ptp4l', '-v'],
} as const;

/** Interface names as Linux allows them (IFNAMSIZ 16 with the NUL), so one can go into an argv. */
export function ethtoolTimestampingArgv(iface: string): string[] | null {
  return /^[A-Za-z0-9_.:@-]{1,15}$/.test(iface) && iface !== '.' && iface !== '..' ? ['ethtool', '-T', iface] : null;
}

export const finding = (check: DoctorCheckId, status: DoctorStatus, textId: DoctorTextId, params: MessageParams = {}): DoctorFinding => ({ check, status, textId, params });

export function checkTimeDaemons(processes: readonly DeviceProcess[]): DoctorFinding {
  const running = (name: string) => processes.some((p) => p.comm === name);
  const others = SYSTEM_CLOCK_DAEMONS.filter(running);
  const steersRealtime = processes.some((p) => p.comm === 'phc2sys');
  if (steersRealtime && others.length > 0) return finding('time-daemons', 'fail', 'doctor.time-daemons.conflict', { daemons: others.join(', ') });
  const seen = [...(steersRealtime ? ['phc2sys'] : []), ...others];
  return finding('time-daemons', 'ok', 'doctor.time-daemons.ok', { daemons: seen.length > 0 ? seen.join(', ') : '—' });
}

/** Whether a process's arguments name this config file (`-f FILE`, `--config FILE` or `--config=FILE`). */
function namesConfig(args: string, configPath: string): boolean {
  return args.split(/\s+/).some((word) => word === configPath || word.endsWith(`=${configPath}`));
}

/**
 * ptp4l runs, and, for each instance whose config file the profile names, a ptp4l started with that
 * file: a device whose other ptp4l runs still misses this one (and `ps -e` in a container or a
 * namespace lab may list other machines' ptp4l too).
 */
export function checkPtp4lRunning(processes: readonly DeviceProcess[], instances: readonly { name: string; configPath?: string | undefined }[] = []): DoctorFinding {
  const ptp4l = processes.filter((p) => p.comm === 'ptp4l');
  if (ptp4l.length === 0) return finding('ptp4l', 'fail', 'doctor.ptp4l.missing');
  const named = instances.filter((i): i is { name: string; configPath: string } => typeof i.configPath === 'string');
  const unmatched = named.filter((i) => !ptp4l.some((p) => namesConfig(p.args, i.configPath)));
  if (unmatched.length > 0) return finding('ptp4l', 'warn', 'doctor.ptp4l.config-unmatched', { instances: unmatched.map((i) => `${i.name} (${i.configPath})`).join(', '), count: ptp4l.length });
  if (named.length > 0 && named.length === instances.length) return finding('ptp4l', 'ok', 'doctor.ptp4l.ok-by-config', { count: named.length });
  return finding('ptp4l', 'ok', 'doctor.ptp4l.ok', { count: ptp4l.length });
}

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function checkLeapSeconds(leap: LeapFile | null, nowMs: number, warnDays = 30): DoctorFinding {
  if (!leap || leap.expiresAtMs === null) return finding('leap-seconds', 'unknown', 'doctor.leap.unreadable');
  const date = isoDay(leap.expiresAtMs);
  if (leap.expiresAtMs <= nowMs) return finding('leap-seconds', 'fail', 'doctor.leap.expired', { date });
  const days = Math.floor((leap.expiresAtMs - nowMs) / DAY_MS);
  if (days < warnDays) return finding('leap-seconds', 'warn', 'doctor.leap.soon', { date, days });
  return finding('leap-seconds', 'ok', 'doctor.leap.ok', { date, taiMinusUtc: leap.taiMinusUtcS ?? '?' });
}

/** `mode` is ptp4l's time_stamping as PORT_PROPERTIES_NP reports it (SOFTWARE, HARDWARE, ONESTEP …). */
export function checkTimestamping(iface: string, caps: TimestampingCaps | null, mode: string): DoctorFinding {
  if (!caps || !caps.readable) return finding('timestamping', 'unknown', 'doctor.timestamping.unreadable', { iface });
  const missing = timestampingGaps(caps, mode);
  const shown = mode.toLowerCase();
  return missing.length > 0
    ? finding('timestamping', 'fail', 'doctor.timestamping.gap', { iface, mode: shown, missing: missing.join(', ') })
    : finding('timestamping', 'ok', 'doctor.timestamping.ok', { iface, mode: shown });
}

/** `count`: tx-timestamp-timeout notices in the device's recent log (parsed by shared/ptp/log); null when no instance names a log. */
export function checkTxTimeouts(count: number | null): DoctorFinding {
  if (count === null) return finding('tx-timeouts', 'unknown', 'doctor.tx-timeouts.no-log');
  return count > 0 ? finding('tx-timeouts', 'warn', 'doctor.tx-timeouts.seen', { count }) : finding('tx-timeouts', 'ok', 'doctor.tx-timeouts.none');
}

/** The version, and which of the optional data sets the collector would use it lacks (`lacks`, or — for none). */
export function checkLinuxptpVersion(version: LinuxptpVersion | null): DoctorFinding {
  if (!version) return finding('linuxptp-version', 'unknown', 'doctor.linuxptp.unknown');
  const text = `${version.major}.${version.minor}${version.patch ? `.${version.patch}` : ''}`;
  const missing = (Object.keys(DATA_SET_FEATURES) as OptionalDataSet[]).filter((tlv) => !offersDataSet(version, tlv));
  const params = { version: text, lacks: missing.length > 0 ? missing.join(', ') : '—' };
  return version.major < 3 ? finding('linuxptp-version', 'warn', 'doctor.linuxptp.old', params) : finding('linuxptp-version', 'ok', 'doctor.linuxptp.ok', params);
}

/** A finding's text and fix in `lang`. */
export function findingText(f: DoctorFinding, lang: ErrorLanguage): ErrorText {
  const t = DOCTOR_TEXT[f.textId][lang];
  return { message: fillTemplate(t.message, f.params), hint: fillTemplate(t.hint, f.params) };
}
