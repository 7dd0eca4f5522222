import { enumValuesIn, optionInRelease, optionNamed, releaseAtLeast, type LinuxptpRelease, type PtpOption } from '../../../shared/ptpconf';

/** One field of the ptp4l.conf form: an option of linuxptp's table, shown as a number box or a list. */
export interface FormField {
  option: string;
  kind: 'number' | 'enum';
  /** Enum values in this release, default first. */
  values: string[];
  /** ptp4l's default in this release, as written in a file. */
  defaultValue: string;
}

// The options people change most (reference.md §4), in the order a person reads a clock's setup.
const CLOCK = ['domainNumber', 'priority1', 'priority2', 'clockClass', 'clientOnly', 'twoStepFlag', 'time_stamping'] as const;
const PORT = ['network_transport', 'delay_mechanism', 'logSyncInterval', 'logAnnounceInterval', 'logMinDelayReqInterval', 'serverOnly'] as const;

/** Before 4.0 clientOnly and serverOnly were called slaveOnly and masterOnly. */
function nameIn(option: string, release: LinuxptpRelease): string {
  if (releaseAtLeast(release, '4.0')) return option;
  return option === 'clientOnly' ? 'slaveOnly' : option === 'serverOnly' ? 'masterOnly' : option;
}

function field(name: string, release: LinuxptpRelease): FormField | null {
  const spec: PtpOption | undefined = optionNamed(nameIn(name, release));
  if (!spec) return null;
  const inRelease = optionInRelease(spec, release);
  return { option: spec.name, kind: spec.type === 'enum' ? 'enum' : 'number', values: spec.type === 'enum' ? enumValuesIn(spec, release) : [], defaultValue: inRelease.default };
}

const fields = (names: readonly string[], release: LinuxptpRelease) => names.map((n) => field(n, release)).filter((f): f is FormField => f !== null);

/** The [global] section's fields: clock-wide options, then the port defaults. */
export const globalFields = (release: LinuxptpRelease): FormField[] => fields([...CLOCK, ...PORT], release);

/** A port section's fields: the per-port options only (ptp4l refuses clock-wide ones there). */
export const portFields = (release: LinuxptpRelease): FormField[] => fields(PORT, release);
