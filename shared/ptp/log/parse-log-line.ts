import { PORT_STATES, type PortState } from '../../domain/ptp';
import { splitLogLine, type LinePrefix } from './log-prefix';
import { NOTICE_ROWS, type NoticeRow } from './log-notices';
import { integerText } from './number-text';
import { stdoutSampleLine } from './stdout-sample-line';
import type { LogRecord, Notice, ServoState } from './log-records';

/**
 * Reads one ptp4l / phc2sys / ts2phc log line of any linuxptp version (1.x–4.x and master) into a
 * LogRecord. Pure and total: never throws, anything unknown is `unparsed` (the caller counts and
 * keeps those lines). Each pattern is anchored and linear, so a hostile line costs O(length).
 */

export interface ParsedLine {
  prefix: LinePrefix;
  /** The message after the prefix (what the record was read from). */
  message: string;
  record: LogRecord;
}

/** Longer lines are not linuxptp's: they are kept, unparsed, without running any pattern on them. */
export const MAX_LOG_LINE_CHARS = 4096;

export function parseLogLine(line: string): ParsedLine {
  if (line.length > MAX_LOG_LINE_CHARS) return { prefix: splitLogLine('').prefix, message: line, record: { kind: 'unparsed' } };
  // Nearly every line of a ptp4l log is a per-sample line (it ends in a digit): one match reads it whole.
  const last = line.charCodeAt(line.length - 1);
  const sample = last >= 48 && last <= 57 ? stdoutSampleLine(line) : null;
  if (sample) return sample;
  const { prefix, message } = splitLogLine(line);
  return { prefix, message, record: parseLogMessage(message, prefix.program) };
}

const INT = '(-?\\d{1,20})';
const FREQ = '([+-]?\\d{1,12})';
const PTP4L_SAMPLE = new RegExp(`^master offset +${INT} s([0-3]) freq +${FREQ} path delay +${INT}$`);
const SUMMARY = new RegExp(`^(?:(\\S+) )?rms +(\\d{1,20}) max +(\\d{1,20}) freq +${FREQ} \\+/- +(\\d{1,20})(?: delay +${INT} \\+/- +(\\d{1,20}))?$`);
const CLOCK_SAMPLE = new RegExp(`^(\\S+) (\\S+) offset +${INT} s([0-3]) freq +${FREQ}(?: delay +${INT})?$`);
const ONE_NAME_OFFSET = new RegExp(`^(\\S+) offset +${INT}(?: s([0-3]) freq +${FREQ})?(?: delay +${INT})?( holdover)?$`);
const TS2PHC_V3 = new RegExp(`^(\\S+) master offset +${INT} s([0-3]) freq +${FREQ}$`);
const HOLDOVER_LOST = new RegExp(`^(\\S+) lost holdover lock \\(offset +${INT}\\)$`);
const PORT = /^port (\d{1,5})(?: \(([^()]{0,128})\))?: (.*)$/;
const TRANSITION_TEXT = '([A-Z_]{2,16}) to ([A-Z_]{2,16}) on ([A-Z_]{2,40})(?: \\(([A-Z_0-9]{1,40})\\))?$';
const TRANSITION = new RegExp(`^${TRANSITION_TEXT}`);
/** PORT and TRANSITION in one match: a port state line costs one pass instead of two. */
const PORT_TRANSITION = new RegExp(`^port (\\d{1,5})(?: \\(([^()]{0,128})\\))?: ${TRANSITION_TEXT}`);
const BEST_MASTER = /^selected best master clock (\S+)(?: on port (\d{1,5}))?$/;
const LOCAL_BEST = /^selected local clock (\S+) as best master$/;
const FOREIGN = /^new foreign master (\S+)$/;
const PHC2SYS_SOURCES = new Set(['phc', 'sys', 'pps']);
const STATES: ReadonlySet<string> = new Set(PORT_STATES);
/** NOTICE_ROWS grouped by the first character of their prefix, in table order: a line only tries rows it can start with. */
const NOTICE_ROWS_BY_FIRST_CHAR = new Map<number, NoticeRow[]>();
for (const row of NOTICE_ROWS) {
  const key = row.prefix.charCodeAt(0);
  NOTICE_ROWS_BY_FIRST_CHAR.set(key, [...(NOTICE_ROWS_BY_FIRST_CHAR.get(key) ?? []), row]);
}

/** The message part alone; `program` (from the prefix) settles the few shapes two programs share. */
export function parseLogMessage(message: string, program: string | null = null): LogRecord {
  const last = message.charCodeAt(message.length - 1);
  const msg = last === 32 || last === 9 || last === 13 ? message.trimEnd() : message;
  let m: RegExpExecArray | null;

  if (msg.startsWith('master offset') && (m = PTP4L_SAMPLE.exec(msg))) {
    const offsetNs = integerText(m[1] ?? '');
    const pathDelayNs = integerText(m[4] ?? '');
    return { kind: 'ptp4l-sample', offsetNs, servo: servo(m[2]), freqPpb: integerText(m[3] ?? ''), pathDelayNs, exact: safe(offsetNs) && safe(pathDelayNs) };
  }
  if (msg.includes('rms ') && (m = SUMMARY.exec(msg))) {
    return {
      kind: 'summary',
      clock: m[1] ?? null,
      rmsNs: Number(m[2]),
      maxNs: Number(m[3]),
      freqPpb: Number(m[4]),
      freqStdDevPpb: Number(m[5]),
      delayNs: m[6] === undefined ? null : Number(m[6]),
      delayStdDevNs: m[7] === undefined ? null : Number(m[7]),
    };
  }
  if (msg.startsWith('port ')) {
    if ((m = PORT_TRANSITION.exec(msg)) && isState(m[3]) && isState(m[4])) {
      return { kind: 'port-state', port: Number(m[1]), iface: m[2] ?? null, from: m[3], to: m[4], event: m[5] ?? '', fault: m[6] ?? null };
    }
    if ((m = PORT.exec(msg))) return portLine(Number(m[1]), m[2] ?? null, m[3] ?? '');
  }
  if (msg.includes(' offset ')) {
    const sample = offsetLine(msg, program);
    if (sample) return sample;
  }
  if (msg.startsWith('selected ')) {
    if ((m = BEST_MASTER.exec(msg))) return { kind: 'best-master', identity: m[1] ?? null, port: m[2] ? Number(m[2]) : null, iface: null };
    if ((m = LOCAL_BEST.exec(msg))) return { kind: 'local-best-master', identity: m[1] ?? null, port: null, iface: null };
  }
  if (msg === 'assuming the grand master role') return { kind: 'grandmaster-role', identity: null, port: null, iface: null };
  if (msg.includes(' lost holdover lock (') && (m = HOLDOVER_LOST.exec(msg))) {
    return { kind: 'notice', code: 'ts2phc-holdover-lost', severity: 'error', port: null, iface: null, subject: m[1] ?? null, value: Number(m[2]) };
  }
  return notice(msg, null, null) ?? { kind: 'unparsed' };
}

function portLine(port: number, iface: string | null, rest: string): LogRecord {
  let m: RegExpExecArray | null;
  if ((m = TRANSITION.exec(rest)) && isState(m[1]) && isState(m[2])) {
    return { kind: 'port-state', port, iface, from: m[1], to: m[2], event: m[3] ?? '', fault: m[4] ?? null };
  }
  if (rest === 'link up' || rest === 'link down') return { kind: 'link', port, iface, up: rest === 'link up' };
  if (rest === 'assuming the grand master role') return { kind: 'grandmaster-role', identity: null, port, iface };
  if ((m = FOREIGN.exec(rest))) return { kind: 'foreign-master', identity: m[1] ?? null, port, iface };
  return notice(rest, port, iface) ?? { kind: 'unparsed' };
}

/** The `… offset …` shapes of phc2sys and ts2phc, told apart by their words and, where equal, by program. */
function offsetLine(msg: string, program: string | null): LogRecord | null {
  let m: RegExpExecArray | null;
  if (program !== 'phc2sys' && (m = TS2PHC_V3.exec(msg))) {
    const offsetNs = Number(m[2]);
    return { kind: 'ts2phc-sample', clock: m[1] ?? '', offsetNs, servo: servo(m[3]), freqPpb: Number(m[4]), holdover: false, exact: safe(offsetNs) };
  }
  if ((m = CLOCK_SAMPLE.exec(msg))) {
    const offsetNs = Number(m[3]);
    const delayNs = m[6] === undefined ? null : Number(m[6]);
    return { kind: 'clock-sample', clock: m[1] ?? '', source: m[2] ?? '', offsetNs, servo: servo(m[4]), freqPpb: Number(m[5]), delayNs, exact: safe(offsetNs) && (delayNs === null || safe(delayNs)) };
  }
  if ((m = ONE_NAME_OFFSET.exec(msg))) {
    const name = m[1] ?? '';
    const offsetNs = Number(m[2]);
    const hasServo = m[3] !== undefined;
    // phc2sys before 1.6 named only its source (`phc offset …`), the clock being CLOCK_REALTIME.
    const oldPhc2sys = program === 'phc2sys' || (program !== 'ts2phc' && PHC2SYS_SOURCES.has(name));
    if (oldPhc2sys && hasServo && m[6] === undefined) {
      const delayNs = m[5] === undefined ? null : Number(m[5]);
      return { kind: 'clock-sample', clock: 'CLOCK_REALTIME', source: name, offsetNs, servo: servo(m[3]), freqPpb: Number(m[4]), delayNs, exact: safe(offsetNs) && (delayNs === null || safe(delayNs)) };
    }
    if (!oldPhc2sys && m[5] === undefined) {
      return { kind: 'ts2phc-sample', clock: name, offsetNs, servo: hasServo ? servo(m[3]) : null, freqPpb: hasServo ? Number(m[4]) : null, holdover: m[6] !== undefined, exact: safe(offsetNs) };
    }
  }
  return null;
}

function notice(text: string, port: number | null, iface: string | null): Notice | null {
  for (const row of NOTICE_ROWS_BY_FIRST_CHAR.get(text.charCodeAt(0)) ?? []) {
    if (!text.startsWith(row.prefix)) continue;
    let subject: string | null = null;
    if (row.rest) {
      const m = row.rest.exec(text.slice(row.prefix.length));
      if (!m) continue;
      subject = m[1] ?? null;
    }
    const value = row.code === 'utc-offset-updated' && subject !== null ? Number(subject) : null;
    return { kind: 'notice', code: row.code, severity: row.severity, port, iface, subject, value };
  }
  return null;
}

function isState(s: string | undefined): s is PortState {
  return s !== undefined && STATES.has(s);
}

function servo(s: string | undefined): ServoState {
  return Number(s) as ServoState;
}

function safe(n: number): boolean {
  return Number.isSafeInteger(n);
}
