import { PORT_STATES, type PortState } from '../../../domain/ptp';
import type { LinePrefix } from '../log-prefix';
import { NOTICE_ROWS } from '../log-notices';
import type { LogRecord, Notice, ServoState } from '../log-records';
import type { ParsedLine } from '../parse-log-line';

/**
 * The log parser as it was before its performance work (parse-log-line.ts and splitLogLine of
 * log-prefix.ts at commit a62d9e1), frozen: the oracle of the differential test, which holds the
 * optimized parser to the same output on every line. Product code never imports it. Do not
 * "improve" it: a behaviour change belongs in the parser and its tests, and then here on purpose.
 */

const MAX_LOG_LINE_CHARS = 4096;

export function parseLogLineReference(line: string): ParsedLine {
  if (line.length > MAX_LOG_LINE_CHARS) return { prefix: splitLogLineReference('').prefix, message: line, record: { kind: 'unparsed' } };
  const { prefix, message } = splitLogLineReference(line);
  return { prefix, message, record: parseLogMessageReference(message, prefix.program) };
}

// Anchored, linear patterns: no nested quantifiers, so no input can make them backtrack badly.
const SYSLOG_BSD = /^([A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d(?:\.\d{1,9})?) (\S+) ([^\s[:]+)(?:\[(\d{1,10})\])?: (.*)$/;
const SYSLOG_ISO = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:?\d\d)) (\S+) ([^\s[:]+)(?:\[(\d{1,10})\])?: (.*)$/;
const PROGRAM = /^[A-Za-z0-9_.-]+$/;
const SECONDS = /^\d{1,12}\.\d{1,9}$/;
const MONO = /^\[(\d{1,12}\.\d{1,9})\] (.*)$/;
const TAG = /^\[([^\]\s]{1,128})\] (.*)$/;

/** `program[12.345]: ` scanned by hand: the hot path of every stdout line, so no capturing regex. */
function stdoutPrefix(line: string, open: number): { program: string; monotonicS: number; end: number } | null {
  const close = line.indexOf(']: ', open);
  if (close < 0 || close - open > 23) return null;
  const program = line.slice(0, open);
  const seconds = line.slice(open + 1, close);
  if (!PROGRAM.test(program) || !SECONDS.test(seconds)) return null;
  return { program, monotonicS: Number(seconds), end: close + 3 };
}

function emptyPrefix(): LinePrefix {
  return { program: null, pid: null, host: null, monotonicS: null, wallTimeText: null, tag: null };
}

/** Splits a line into its prefix and linuxptp's message. Never throws; a line with no prefix is all message. */
function splitLogLineReference(line: string): { prefix: LinePrefix; message: string } {
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
  const open = rest.indexOf('[');
  const stdout = open > 0 && open <= 64 ? stdoutPrefix(rest, open) : null;
  if (stdout) {
    prefix.program = stdout.program;
    prefix.monotonicS = stdout.monotonicS;
    rest = rest.slice(stdout.end);
  } else if (open === 0) {
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


const INT = '(-?\\d{1,20})';
const FREQ = '([+-]?\\d{1,12})';
const PTP4L_SAMPLE = new RegExp(`^master offset +${INT} s([0-3]) freq +${FREQ} path delay +${INT}$`);
const SUMMARY = new RegExp(`^(?:(\\S+) )?rms +(\\d{1,20}) max +(\\d{1,20}) freq +${FREQ} \\+/- +(\\d{1,20})(?: delay +${INT} \\+/- +(\\d{1,20}))?$`);
const CLOCK_SAMPLE = new RegExp(`^(\\S+) (\\S+) offset +${INT} s([0-3]) freq +${FREQ}(?: delay +${INT})?$`);
const ONE_NAME_OFFSET = new RegExp(`^(\\S+) offset +${INT}(?: s([0-3]) freq +${FREQ})?(?: delay +${INT})?( holdover)?$`);
const TS2PHC_V3 = new RegExp(`^(\\S+) master offset +${INT} s([0-3]) freq +${FREQ}$`);
const HOLDOVER_LOST = new RegExp(`^(\\S+) lost holdover lock \\(offset +${INT}\\)$`);
const PORT = /^port (\d{1,5})(?: \(([^()]{0,128})\))?: (.*)$/;
const TRANSITION = /^([A-Z_]{2,16}) to ([A-Z_]{2,16}) on ([A-Z_]{2,40})(?: \(([A-Z_0-9]{1,40})\))?$/;
const BEST_MASTER = /^selected best master clock (\S+)(?: on port (\d{1,5}))?$/;
const LOCAL_BEST = /^selected local clock (\S+) as best master$/;
const FOREIGN = /^new foreign master (\S+)$/;
const PHC2SYS_SOURCES = new Set(['phc', 'sys', 'pps']);
const STATES: ReadonlySet<string> = new Set(PORT_STATES);

/** The message part alone; `program` (from the prefix) settles the few shapes two programs share. */
function parseLogMessageReference(message: string, program: string | null = null): LogRecord {
  const last = message.charCodeAt(message.length - 1);
  const msg = last === 32 || last === 9 || last === 13 ? message.trimEnd() : message;
  let m: RegExpExecArray | null;

  if (msg.startsWith('master offset') && (m = PTP4L_SAMPLE.exec(msg))) {
    const offsetNs = Number(m[1]);
    const pathDelayNs = Number(m[4]);
    return { kind: 'ptp4l-sample', offsetNs, servo: servo(m[2]), freqPpb: Number(m[3]), pathDelayNs, exact: safe(offsetNs) && safe(pathDelayNs) };
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
  if (msg.startsWith('port ') && (m = PORT.exec(msg))) return portLine(Number(m[1]), m[2] ?? null, m[3] ?? '');
  if (msg.includes(' offset ')) {
    const sample = offsetLine(msg, program);
    if (sample) return sample;
  }
  if ((m = BEST_MASTER.exec(msg))) return { kind: 'best-master', identity: m[1] ?? null, port: m[2] ? Number(m[2]) : null, iface: null };
  if ((m = LOCAL_BEST.exec(msg))) return { kind: 'local-best-master', identity: m[1] ?? null, port: null, iface: null };
  if (msg === 'assuming the grand master role') return { kind: 'grandmaster-role', identity: null, port: null, iface: null };
  if ((m = HOLDOVER_LOST.exec(msg))) {
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
  for (const row of NOTICE_ROWS) {
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
