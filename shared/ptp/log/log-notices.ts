import type { NoticeCode } from './log-records';

/**
 * linuxptp's fault, warning and control lines, as data (reference.md §3.2–3.4, read against
 * linuxptp's port.c, clock.c, clockcheck.c, sk.c, phc2sys.c and ts2phc*.c, v1.6 to 4.4 and master).
 * A line matches a row when it starts with `prefix` and, if given, its rest matches `rest`; the
 * first capture group is the subject, a second numeric group the value. Both phc2sys wordings
 * (3.x "master clock", 4.1+ "source clock", master's "system clock") are rows of their own.
 */
export interface NoticeRow {
  prefix: string;
  rest?: RegExp;
  code: NoticeCode;
  severity: 'error' | 'warning' | 'info';
}

export const NOTICE_ROWS: readonly NoticeRow[] = [
  { prefix: 'timed out while polling for tx timestamp', code: 'tx-timestamp-timeout', severity: 'error' },
  { prefix: 'poll for tx timestamp failed', code: 'tx-timestamp-poll-failed', severity: 'error' },
  { prefix: 'increasing tx_timestamp_timeout', code: 'tx-timestamp-advice', severity: 'info' },
  { prefix: 'send ', rest: /^(.+) failed$/, code: 'send-failed', severity: 'error' },
  { prefix: 'clockcheck: clock jumped forward', code: 'clock-jump-forward', severity: 'warning' },
  { prefix: 'clockcheck: clock jumped backward', code: 'clock-jump-backward', severity: 'warning' },
  { prefix: 'clockcheck: clock frequency changed unexpectedly', code: 'clock-frequency-changed', severity: 'warning' },
  { prefix: 'received ', rest: /^(\S+) without timestamp$/, code: 'received-without-timestamp', severity: 'warning' },
  { prefix: 'rogue peer delay response', code: 'rogue-peer-delay-response', severity: 'warning' },
  { prefix: 'missing timestamp on ', rest: /^(.+)$/, code: 'missing-timestamp', severity: 'warning' },
  { prefix: 'master state recommended in slave only mode', code: 'slave-only-master-recommended', severity: 'warning' },
  { prefix: 'defaultDS.priority1 probably misconfigured', code: 'priority1-misconfigured', severity: 'warning' },
  { prefix: 'foreign master not using PTP timescale', code: 'not-ptp-timescale', severity: 'warning' },
  { prefix: 'running in a temporal vortex', code: 'temporal-vortex', severity: 'warning' },
  { prefix: 'subscriber ', rest: /^(\S+) timed out$/, code: 'subscriber-timed-out', severity: 'info' },
  { prefix: 'updating UTC offset to ', rest: /^(-?\d{1,6})$/, code: 'utc-offset-updated', severity: 'info' },
  { prefix: 'selected ', rest: /^(\S+) as PTP clock$/, code: 'phc-selected', severity: 'info' },
  { prefix: 'clock update suspended due to leap second', code: 'leap-second-suspend', severity: 'info' },
  { prefix: 'Waiting for ptp4l', code: 'phc2sys-waiting', severity: 'info' },
  { prefix: 'reconfiguring after port state change', code: 'phc2sys-reconfiguring', severity: 'info' },
  { prefix: 'master clock not ready', code: 'phc2sys-source-not-ready', severity: 'warning' },
  { prefix: 'source clock not ready', code: 'phc2sys-source-not-ready', severity: 'warning' },
  { prefix: 'multiple master clocks available', code: 'phc2sys-multiple-sources', severity: 'warning' },
  { prefix: 'multiple source clocks available', code: 'phc2sys-multiple-sources', severity: 'warning' },
  { prefix: 'selecting ', rest: /^(.+?) as (?:the master clock|domain source clock|out-of-domain source clock|source clock)$/, code: 'phc2sys-source-selected', severity: 'info' },
  { prefix: 'selecting ', rest: /^(.+?) as the reference clock$/, code: 'ts2phc-reference-selected', severity: 'info' },
  { prefix: 'selecting ', rest: /^(.+?) for synchronization$/, code: 'phc2sys-sync-target-selected', severity: 'info' },
  { prefix: 'source ts not valid', code: 'ts2phc-source-invalid', severity: 'warning' },
  { prefix: 'nmea: rmc time stamp stale', code: 'ts2phc-nmea-stale', severity: 'warning' },
  { prefix: 'nmea source timed out', code: 'ts2phc-nmea-timeout', severity: 'error' },
  { prefix: 'failed to open nmea source', code: 'ts2phc-nmea-open-failed', severity: 'error' },
];
