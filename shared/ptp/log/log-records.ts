import type { PortState } from '../../domain/ptp';

/**
 * What one linuxptp log line says, as data. Integer fields in ns are JS numbers: free-running
 * offsets reach 19 digits, beyond 2^53, so a record says whether every integer it carries is exact
 * (`exact`); the original line is always kept beside it by the caller.
 */

/** ptp4l/phc2sys/ts2phc servo state `sN`: 0 unlocked, 1 jump (step), 2 locked, 3 locked stable. */
export type ServoState = 0 | 1 | 2 | 3;

export interface Ptp4lSample {
  kind: 'ptp4l-sample';
  offsetNs: number;
  servo: ServoState;
  freqPpb: number;
  pathDelayNs: number;
  exact: boolean;
}

/** `rms … max … freq … +/- …[ delay … +/- …]`; phc2sys prefixes the clock it steers. */
export interface Summary {
  kind: 'summary';
  /** phc2sys's target clock (`CLOCK_REALTIME`, `eth0`, `/dev/ptp1`); null for ptp4l. */
  clock: string | null;
  rmsNs: number;
  maxNs: number;
  freqPpb: number;
  freqStdDevPpb: number;
  delayNs: number | null;
  delayStdDevNs: number | null;
}

/** phc2sys: `<clock> <source> offset N sX freq F[ delay D]`; source is `phc`, `sys` or `pps`. */
export interface ClockSample {
  kind: 'clock-sample';
  clock: string;
  source: string;
  offsetNs: number;
  servo: ServoState;
  freqPpb: number;
  delayNs: number | null;
  exact: boolean;
}

/** ts2phc: `<dev> offset N sX freq F[ holdover]` (4.x, dev is /dev/ptpN) or `<iface> master offset N sX freq F` (3.x). */
export interface Ts2phcSample {
  kind: 'ts2phc-sample';
  clock: string;
  offsetNs: number;
  /** Absent with `free_running` (`<dev> offset N` alone). */
  servo: ServoState | null;
  freqPpb: number | null;
  holdover: boolean;
  exact: boolean;
}

export interface PortStateChange {
  kind: 'port-state';
  port: number;
  /** `port 1 (eth0):` since linuxptp 4.0; null in the 3.x `port 1:` form. */
  iface: string | null;
  from: PortState;
  to: PortState;
  event: string;
  /** FAULT_DETECTED's fault type, e.g. FT_UNSPECIFIED. */
  fault: string | null;
}

/** BMCA and grandmaster lines. */
export interface MasterChange {
  kind: 'best-master' | 'local-best-master' | 'grandmaster-role' | 'foreign-master';
  /** `clockId` for best-master/local-best-master; the sender's port identity for foreign-master. */
  identity: string | null;
  port: number | null;
  iface: string | null;
}

export interface LinkChange {
  kind: 'link';
  port: number;
  iface: string | null;
  up: boolean;
}

/** Faults and warnings worth an event (and an alarm rule later), by a stable code. */
export type NoticeCode =
  | 'tx-timestamp-timeout'
  | 'tx-timestamp-poll-failed'
  | 'tx-timestamp-advice'
  | 'send-failed'
  | 'clock-jump-forward'
  | 'clock-jump-backward'
  | 'clock-frequency-changed'
  | 'received-without-timestamp'
  | 'rogue-peer-delay-response'
  | 'missing-timestamp'
  | 'slave-only-master-recommended'
  | 'priority1-misconfigured'
  | 'not-ptp-timescale'
  | 'temporal-vortex'
  | 'subscriber-timed-out'
  | 'utc-offset-updated'
  | 'phc-selected'
  | 'leap-second-suspend'
  | 'phc2sys-waiting'
  | 'phc2sys-reconfiguring'
  | 'phc2sys-source-not-ready'
  | 'phc2sys-multiple-sources'
  | 'phc2sys-source-selected'
  | 'phc2sys-sync-target-selected'
  | 'ts2phc-reference-selected'
  | 'ts2phc-source-invalid'
  | 'ts2phc-nmea-stale'
  | 'ts2phc-nmea-timeout'
  | 'ts2phc-nmea-open-failed'
  | 'ts2phc-holdover-lost';

export interface Notice {
  kind: 'notice';
  code: NoticeCode;
  severity: 'error' | 'warning' | 'info';
  port: number | null;
  iface: string | null;
  /** The clock, device or value the line names (`CLOCK_REALTIME`, `/dev/ptp1`, `37`…), when it names one. */
  subject: string | null;
  /** A number the line carries (UTC offset, lost-holdover offset), when it carries one. */
  value: number | null;
}

export interface Unparsed {
  kind: 'unparsed';
}

export type LogRecord = Ptp4lSample | Summary | ClockSample | Ts2phcSample | PortStateChange | MasterChange | LinkChange | Notice | Unparsed;
