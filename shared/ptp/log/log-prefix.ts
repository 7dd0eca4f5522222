import { decimalText } from './number-text';

/**
 * The prefix of one linuxptp log line, in every form it reaches us (reference.md §3.1):
 *   ptp4l[5374.018]: [tag] message                                  stdout (-m / verbose 1)
 *   Nov 25 01:23:45 host ptp4l[812]: [5374.018] [tag] message       syslog / journalctl -o short
 *   Nov 25 01:23:45.123456 host ptp4l[812]: …                        journalctl -o short-precise
 *   2026-11-25T01:23:45+0000 host ptp4l[812]: …                      journalctl -o short-iso(-precise)
 *   2026-11-25T01:23:45.123456+00:00 host ptp4l[812]: …              RFC 5424-ish (rsyslog)
 *   … host ptp4l[812]: ptp4l[5374.018]: message                      `ptp4l -m` stdout captured by journald
 * `[seconds]` is CLOCK_MONOTONIC (uptime), never wall time. The tag is linuxptp's `message_tag`
 * (with `{level}` already replaced by linuxptp ≥ 4.2, e.g. `[ptp4l.0.config:5]`).
 */

export interface LinePrefix {
  /** Program name from the stdout prefix or the syslog identifier (`ptp4l`, `phc2sys`, `ts2phc`, …). */
  program: string | null;
  pid: number | null;
  host: string | null;
  /** linuxptp's `[seconds.ms]` stamp: CLOCK_MONOTONIC seconds of the device. */
  monotonicS: number | null;
  /** The syslog/journal time as printed; the caller anchors it (year, zone) — see wallTimeMs. */
  wallTimeText: string | null;
  /** message_tag without its brackets. */
  tag: string | null;
}

export interface SplitLine {
  prefix: LinePrefix;
  message: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// Anchored, linear patterns: no nested quantifiers, so no input can make them backtrack badly.
const SYSLOG_BSD = /^([A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d(?:\.\d{1,9})?) (\S+) ([^\s[:]+)(?:\[(\d{1,10})\])?: (.*)$/;
const SYSLOG_ISO = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:?\d\d)) (\S+) ([^\s[:]+)(?:\[(\d{1,10})\])?: (.*)$/;
/** `program[12.345]: `, the stdout form: the hot path of nearly every line, so one match, no other pass. */
const STDOUT = /^([A-Za-z0-9_.-]{1,64})\[(\d{1,12}\.\d{1,9})\]: /;
const MONO = /^\[(\d{1,12}\.\d{1,9})\] (.*)$/;
const TAG = /^\[([^\]\s]{1,128})\] (.*)$/;

function emptyPrefix(): LinePrefix {
  return { program: null, pid: null, host: null, monotonicS: null, wallTimeText: null, tag: null };
}

/** Splits a line into its prefix and linuxptp's message. Never throws; a line with no prefix is all message. */
export function splitLogLine(line: string): SplitLine {
  const prefix = emptyPrefix();
  let rest = line.endsWith('\r') ? line.slice(0, -1) : line;

  // Cheap guards first: most lines are the stdout form, which starts with a lower-case program name.
  const c0 = rest.charCodeAt(0);
  const sys = c0 >= 48 && c0 <= 57 ? SYSLOG_ISO.exec(rest) : c0 >= 65 && c0 <= 90 && rest.charCodeAt(3) === 32 ? SYSLOG_BSD.exec(rest) : null;
  if (sys) {
    prefix.wallTimeText = sys[1] ?? null;
    prefix.host = sys[2] ?? null;
    prefix.program = sys[3] ?? null;
    prefix.pid = sys[4] ? Number(sys[4]) : null;
    rest = sys[5] ?? '';
  }
  // stdout form, alone or wrapped by journald (`ptp4l -m` under systemd).
  const open = rest.charCodeAt(0) === 91;
  const stdout = open ? null : STDOUT.exec(rest);
  if (stdout) {
    prefix.program = stdout[1] ?? null;
    prefix.monotonicS = decimalText(stdout[2] ?? '');
    rest = rest.slice(stdout[0].length);
  } else if (open) {
    const mono = MONO.exec(rest);
    if (mono) {
      prefix.monotonicS = Number(mono[1]);
      rest = mono[2] ?? '';
    }
  }
  const tag = rest.charCodeAt(0) === 91 ? TAG.exec(rest) : null;
  if (tag && (prefix.monotonicS !== null || prefix.program !== null)) {
    prefix.tag = tag[1] ?? null;
    rest = tag[2] ?? '';
  }
  return { prefix, message: rest };
}

/**
 * Wall time of a syslog/journal stamp, ms since the epoch (µs precision kept as a fraction).
 * BSD stamps have no year or zone: the caller gives the year and the device's UTC offset; the ISO
 * forms carry their zone. Null when the text is not a stamp this reads.
 */
export function wallTimeMs(text: string, opts: { year: number; utcOffsetMinutes?: number }): number | null {
  const iso = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?(Z|([+-])(\d\d):?(\d\d))$/.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, zone, sign, zh, zm] = iso;
    const base = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
    const offset = zone === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(zh) * 60 + Number(zm));
    return base - offset * 60_000 + fractionMs(frac);
  }
  const bsd = /^([A-Z][a-z]{2}) ([ \d]\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?$/.exec(text);
  if (bsd) {
    const [, mon, d, h, mi, s, frac] = bsd;
    const month = MONTHS.indexOf(mon ?? '');
    if (month < 0) return null;
    const base = Date.UTC(opts.year, month, Number((d ?? '').trim()), Number(h), Number(mi), Number(s));
    return base - (opts.utcOffsetMinutes ?? 0) * 60_000 + fractionMs(frac);
  }
  return null;
}

function fractionMs(frac: string | undefined): number {
  return frac ? Number(`0.${frac}`) * 1000 : 0;
}
