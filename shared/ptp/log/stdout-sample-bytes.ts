import { asciiText, numberField, scanDecimal, scanFields, scanValues } from './byte-scan';
import type { LinePrefix } from './log-prefix';
import type { LogRecord, ServoState } from './log-records';
import { BytesLine } from './bytes-line';
import type { ParsedLine } from './parse-log-line';

/**
 * The stdout form read from the bytes a line arrived in: its prefix `ptp4l[575.349]: [tag] `, and
 * ptp4l's two per-sample messages,
 *   master offset N sX freq F path delay D
 *   rms R max M freq F +/- S[ delay D +/- S]
 * They are nearly every line of a ptp4l log, so their cost is the parser's cost: one pass over the
 * bytes, no string for the line or for any number, three objects. The message text is made only
 * when someone reads it (nobody does for a sample: notices and unparsed lines never come here).
 *
 * Each step accepts only what the string path's patterns (splitLogLine, stdout-sample-line.ts,
 * parseLogMessage) accept, and gives the same values; parse-log-line-bytes.ts leaves the rest to
 * the string path, and parse-log-line.differential.test.ts holds both to the reference parser.
 */

const field = numberField;

/** `master offset +(-?\d{1,20}) s([0-3]) freq +([+-]?\d{1,12}) path delay +(-?\d{1,20})$` (the servo's range is checked after). */
const MASTER_OFFSET = [field('master offset', true, 'minus', 20), field(' s', false, 'none', 1), field(' freq', true, 'plus-minus', 12), field(' path delay', true, 'minus', 20)];
/** `rms +(\d{1,20}) max +(\d{1,20}) freq +([+-]?\d{1,12}) \+/- +(\d{1,20})(?: delay +(-?\d{1,20}) \+/- +(\d{1,20}))?$`, ptp4l's (no clock name). */
const SUMMARY = [
  field('rms', true, 'none', 20),
  field(' max', true, 'none', 20),
  field(' freq', true, 'plus-minus', 12),
  field(' +/-', true, 'none', 20),
  field(' delay', true, 'minus', 20),
  field(' +/-', true, 'none', 20),
];
const values = scanValues(SUMMARY.length);

/** The prefix stdoutPrefixBytes read: the program's end, `[seconds]`, the tag's start (-1 without one) and the message's start. */
export const stdoutPrefix = { programEnd: 0, monotonicS: 0, tagStart: -1, messageStart: 0 };

/**
 * Reads `program[seconds.frac]: [tag] ` at `start` into stdoutPrefix, the way splitLogLine's
 * stdout pattern does (only printable ASCII in a tag here: anything else is left to splitLogLine).
 * False when the line does not start so.
 */
export function stdoutPrefixBytes(bytes: Uint8Array, start: number, end: number): boolean {
  // `[A-Za-z0-9_.-]{1,64}\[\d{1,12}\.\d{1,9}\]: `
  let at = start;
  while (at < end) {
    const c = bytes[at] ?? 0;
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45) at++;
    else break;
  }
  const programEnd = at;
  if (at === start || at - start > 64 || bytes[at] !== 91) return false;
  at = scanDecimal(bytes, at + 1, end, 12, 9, values);
  if (at < 0 || at + 3 > end || bytes[at] !== 93 || bytes[at + 1] !== 58 || bytes[at + 2] !== 32) return false;
  at += 3;
  // `[tag] `: 1–128 characters, neither `]` nor white space.
  let tagStart = -1;
  if (bytes[at] === 91) {
    tagStart = at + 1;
    let tagEnd = tagStart;
    while (tagEnd < end) {
      const c = bytes[tagEnd] ?? 0;
      if (c < 33 || c > 126 || c === 93) break;
      tagEnd++;
    }
    if (tagEnd === tagStart || tagEnd - tagStart > 128 || tagEnd + 1 >= end || bytes[tagEnd] !== 93 || bytes[tagEnd + 1] !== 32) return false;
    at = tagEnd + 2;
  }
  stdoutPrefix.programEnd = programEnd;
  stdoutPrefix.monotonicS = values[0] ?? 0;
  stdoutPrefix.tagStart = tagStart;
  stdoutPrefix.messageStart = at;
  return true;
}

/** The prefix stdoutPrefixBytes read, as LinePrefix. */
export function stdoutLinePrefix(bytes: Uint8Array, start: number): LinePrefix {
  const { programEnd, tagStart, messageStart } = stdoutPrefix;
  return {
    program: programEnd - start === 5 && isPtp4l(bytes, start) ? 'ptp4l' : asciiText(bytes, start, programEnd),
    pid: null,
    host: null,
    monotonicS: stdoutPrefix.monotonicS,
    wallTimeText: null,
    tag: tagStart < 0 ? null : asciiText(bytes, tagStart, messageStart - 2),
  };
}

/** The line as ParsedLine when it is a stdout per-sample or summary line, else null. Call after stdoutPrefixBytes. */
export function stdoutSampleBytes(bytes: Uint8Array, start: number, end: number): ParsedLine | null {
  const at = stdoutPrefix.messageStart;
  const first = bytes[at];
  const last = bytes[end - 1] ?? 0;
  // Both messages end in a digit.
  if (last < 48 || last > 57) return null;
  const record = first === 109 ? masterOffset(bytes, at, end) : first === 114 ? summary(bytes, at, end) : null;
  return record && new BytesLine(stdoutLinePrefix(bytes, start), record, bytes, at, end);
}

function masterOffset(bytes: Uint8Array, at: number, end: number): LogRecord | null {
  if (scanFields(bytes, at, end, MASTER_OFFSET, values) !== MASTER_OFFSET.length) return null;
  const offsetNs = values[0] ?? 0;
  const servo = values[1] ?? 0;
  const pathDelayNs = values[3] ?? 0;
  if (servo > 3) return null;
  return { kind: 'ptp4l-sample', offsetNs, servo: servo as ServoState, freqPpb: values[2] ?? 0, pathDelayNs, exact: Number.isSafeInteger(offsetNs) && Number.isSafeInteger(pathDelayNs) };
}

function summary(bytes: Uint8Array, at: number, end: number): LogRecord | null {
  const read = scanFields(bytes, at, end, SUMMARY, values);
  if (read !== 4 && read !== 6) return null;
  const rmsNs = values[0] ?? 0;
  const maxNs = values[1] ?? 0;
  const freqPpb = values[2] ?? 0;
  const freqStdDevPpb = values[3] ?? 0;
  const delay = read === 6;
  return { kind: 'summary', clock: null, rmsNs, maxNs, freqPpb, freqStdDevPpb, delayNs: delay ? (values[4] ?? 0) : null, delayStdDevNs: delay ? (values[5] ?? 0) : null };
}

function isPtp4l(bytes: Uint8Array, at: number): boolean {
  return bytes[at] === 112 && bytes[at + 1] === 116 && bytes[at + 2] === 112 && bytes[at + 3] === 52 && bytes[at + 4] === 108;
}
