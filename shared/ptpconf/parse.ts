/**
 * ptp4l.conf as lines, read the way ptp4l's `config_read` reads them, keeping every byte: comments,
 * blank lines, order, spacing, unknown options and lines ptp4l would refuse. Writing the lines back
 * gives the exact text; edits (edit.ts) change only the lines they touch.
 *
 * ptp4l's rules: lines split at `\n`; leading and trailing whitespace is ignored; a line whose first
 * non-blank character is `#` is a comment (there are no comments after a value: `priority1 128 # x`
 * has the value `128 # x`); `[global]` and `[unicast_master_table]` (any case) open those sections,
 * any other line starting with `[` opens a port section named by its first word; a setting is a
 * name, whitespace, and the rest of the line as its value.
 */

export type SectionKind = 'global' | 'port' | 'unicast_master_table';

export interface SectionRef {
  kind: SectionKind;
  /** `global`, the interface name (`eth0`), or `unicast_master_table`; '' for a port section with no name. */
  name: string;
}

export type ConfLineKind =
  /** Empty or whitespace only. */
  | 'blank'
  | 'comment'
  | 'section'
  /** `name value` in [global] or a port section. */
  | 'option'
  /** A line of a [unicast_master_table] section. */
  | 'table-entry'
  /** A setting before any section: ptp4l refuses the file ("line N is not in a section"). */
  | 'orphan'
  /** A name without a value: ptp4l refuses the file ("could not parse line N"). */
  | 'no-value';

export interface ConfLine {
  /** 1-based, as ptp4l and editors count. */
  lineNo: number;
  /** The line without its `\n` (a `\r` of a CRLF file stays here, and is whitespace to ptp4l). */
  text: string;
  kind: ConfLineKind;
  /** The section the line is in (a section line: the one it opens); null before the first. */
  section: SectionRef | null;
  /** option, table-entry, no-value: the first word. */
  key?: string;
  /** option, table-entry: the rest of the line, trimmed, as ptp4l reads it. */
  value?: string;
  /** Where `value` sits in `text` (so an edit replaces only it). */
  valueStart?: number;
  valueEnd?: number;
}

export interface PtpConf {
  lines: ConfLine[];
  /** Whether the text ends with a newline (its last line is not counted as an empty line). */
  finalNewline: boolean;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r' || c === '\v' || c === '\f';

function firstNonSpace(s: string, from = 0): number {
  let i = from;
  while (i < s.length && isSpace(s[i])) i++;
  return i;
}

function trimmedEnd(s: string): number {
  let e = s.length;
  while (e > 0 && isSpace(s[e - 1])) e--;
  return e;
}

function sectionOf(body: string): SectionRef {
  if (body.toLowerCase() === '[global]') return { kind: 'global', name: 'global' };
  if (body.toLowerCase() === '[unicast_master_table]') return { kind: 'unicast_master_table', name: 'unicast_master_table' };
  const name = body.replace(/[[\]]/g, ' ').trim().split(/[ \t\r\v\f]+/)[0] ?? '';
  return { kind: 'port', name };
}

/** One line, given the section it is in. */
export function parseLine(text: string, lineNo: number, section: SectionRef | null): ConfLine {
  const start = firstNonSpace(text);
  const end = trimmedEnd(text);
  if (start >= end) return { lineNo, text, kind: 'blank', section };
  if (text[start] === '#') return { lineNo, text, kind: 'comment', section };
  const body = text.slice(start, end);
  if (body.startsWith('[')) return { lineNo, text, kind: 'section', section: sectionOf(body) };
  let keyEnd = start;
  while (keyEnd < end && !isSpace(text[keyEnd])) keyEnd++;
  const key = text.slice(start, keyEnd);
  if (keyEnd >= end) return { lineNo, text, kind: section ? 'no-value' : 'orphan', section, key };
  const valueStart = firstNonSpace(text, keyEnd);
  const kind: ConfLineKind = !section ? 'orphan' : section.kind === 'unicast_master_table' ? 'table-entry' : 'option';
  return { lineNo, text, kind, section, key, value: text.slice(valueStart, end), valueStart, valueEnd: end };
}

/** Parses any text; never throws. `writePtpConf(parsePtpConf(t)) === t` for every string t. */
export function parsePtpConf(text: string): PtpConf {
  const finalNewline = text.endsWith('\n');
  const raw = text === '' ? [] : text.split('\n');
  if (finalNewline) raw.pop();
  const lines: ConfLine[] = [];
  let section: SectionRef | null = null;
  for (let i = 0; i < raw.length; i++) {
    const line = parseLine(raw[i] ?? '', i + 1, section);
    if (line.kind === 'section') section = line.section;
    lines.push(line);
  }
  return { lines, finalNewline };
}

/** The text of a parsed file: the original bytes, with any edits. */
export function writePtpConf(conf: PtpConf): string {
  const body = conf.lines.map((l) => l.text).join('\n');
  return conf.finalNewline ? `${body}\n` : body;
}

/** Whether two section refs name the same section (ptp4l merges repeated sections of one name). */
export function sameSection(a: SectionRef | null, b: SectionRef): boolean {
  return a !== null && a.kind === b.kind && a.name === b.name;
}
