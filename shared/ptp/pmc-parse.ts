/**
 * The text of linuxptp's `pmc` (1.6–4.4), read into blocks without interpreting values.
 *
 * What pmc prints (pmc.c `pmc_show`, pmc_common.c `pmc_do_command`):
 *   sending: GET CURRENT_DATA_SET                                  one per request actually issued
 *   \t001122.fffe.334455-0 seq 1 RESPONSE MANAGEMENT CURRENT_DATA_SET   header, then
 *   \t\tstepsRemoved     1                                          one `key value` line per field
 *   \t001122.fffe.334455-0 seq 2 RESPONSE MANAGEMENT_ERROR_STATUS      an error: pmc prints nothing more
 * `sending:` lines interleave with answers in timing order, and every port answers a PORT_*
 * request with the same seq, so blocks are matched by TLV name (and seq), never by position.
 *
 * One pass over the lines, no backtracking regexes, bounded memory, and no throw on any input.
 */

import { PORT_IDENTITY } from './identity';

export interface PmcResponse {
  /** Source port identity from the header (`clockId-portNumber`); port 0 is the clock itself. */
  portIdentity: string;
  seq: number;
  /** `RESPONSE` for GET/SET, `ACKNOWLEDGE` for COMMAND, `SIGNALING` for signaling blocks. */
  action: string;
  /** Data set name as printed (`TIME_STATUS_NP`), or pmc's `empty-tlv` / `unknown-tlv`, or '' when pmc printed none. */
  tlv: string;
  /** Raw values keyed exactly as printed (`gm.ClockClass`); null-prototype, so any key is safe. */
  fields: Record<string, string>;
  /** Body lines that did not become a field (repeated keys, as in table-like TLVs). */
  extraLines: string[];
}

export interface PmcManagementError {
  portIdentity: string;
  seq: number;
  action: string;
  /** The request this answers (`GET PORT_DATA_SET`), found by seq among the requests pmc sent; null if unknown. */
  request: string | null;
  /** Whatever pmc printed after MANAGEMENT_ERROR_STATUS; upstream pmc prints nothing, so usually ''. */
  detail: string;
}

export interface PmcParse {
  responses: PmcResponse[];
  errors: PmcManagementError[];
  /** Requests as pmc echoed them (`GET TIME_STATUS_NP`), in order. */
  sent: string[];
  /** pmc's own messages: `bad command: …`, `sorry, … not supported yet`, `pmc[…]: uds: bind failed: …`. */
  notices: string[];
  /** Non-empty lines that are neither pmc's output nor its messages. */
  junkLines: number;
  /** First junk line (clipped), to show a person what came back instead. */
  firstJunkLine: string | null;
  /** True when limits below cut the parse short (a runaway or hostile input). */
  truncated: boolean;
}

/** Limits that keep a hostile or runaway input from costing more than a few MB. */
export const PMC_PARSE_LIMITS = {
  maxBlocks: 4096,
  maxFieldsPerBlock: 256,
  maxSent: 4096,
  maxNotices: 64,
  maxLineChars: 4096,
  maxShownChars: 160,
} as const;

const ACTIONS = new Set(['GET', 'SET', 'RESPONSE', 'COMMAND', 'ACKNOWLEDGE']);
const SEQ = /^\d{1,5}$/;
export const ERROR_STATUS = 'MANAGEMENT_ERROR_STATUS';

/**
 * pmc's own messages, as data: how to recognise each, and which request id it names when it means
 * "this request was echoed by `sending:` but never sent" (so seq numbers skip it).
 */
export const NOTICES: readonly { test: (line: string) => boolean; unsentId?: (line: string) => string }[] = [
  { test: (l) => l.startsWith('sorry, ') && l.endsWith(' not supported yet'), unsentId: (l) => l.slice(7, -18) },
  { test: (l) => l.includes(' only allows '), unsentId: (l) => l.slice(0, l.indexOf(' ')) },
  { test: (l) => l.includes(' SET needs '), unsentId: (l) => l.slice(0, l.indexOf(' ')) },
  { test: (l) => l.startsWith('usage: set ') },
  { test: (l) => l.startsWith('bad command: ') },
  { test: (l) => l.startsWith('id ') && l.endsWith(' is too ambiguous') },
  { test: (l) => l === 'failed to create pmc' },
  { test: (l) => l.startsWith('path ') && l.includes(' too long, max is ') },
  { test: (l) => l.startsWith('pmc[') && l.includes(']: ') },
];

interface Sent {
  request: string;
  issued: boolean;
}

export function parsePmcOutput(text: string): PmcParse {
  const out: PmcParse = { responses: [], errors: [], sent: [], notices: [], junkLines: 0, firstJunkLine: null, truncated: false };
  if (typeof text !== 'string') return out;
  const sent: Sent[] = [];
  const unsentIds: string[] = [];
  let block: PmcResponse | null = null;
  let fieldCount = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const lineStart = start;
    start = end + 1;
    if (end - lineStart > PMC_PARSE_LIMITS.maxLineChars) {
      block = null;
      junk(out, text.slice(lineStart, lineStart + PMC_PARSE_LIMITS.maxShownChars + 1));
      continue;
    }
    const raw = text.slice(lineStart, end);
    const line = raw.trim();
    if (line === '') continue;
    const indented = raw.charCodeAt(0) === 9 || raw.charCodeAt(0) === 32;
    if (line.startsWith('sending:')) {
      block = null;
      if (sent.length < PMC_PARSE_LIMITS.maxSent) {
        const request = collapseSpaces(line.slice(8).trim());
        sent.push({ request, issued: true });
        out.sent.push(request);
      } else out.truncated = true;
      continue;
    }
    const header = readHeader(line);
    if (header) {
      block = null;
      if (out.responses.length + out.errors.length >= PMC_PARSE_LIMITS.maxBlocks) {
        out.truncated = true;
        continue;
      }
      if (header.tlv === ERROR_STATUS) {
        out.errors.push({ portIdentity: header.portIdentity, seq: header.seq, action: header.action, request: null, detail: header.rest });
      } else {
        block = { portIdentity: header.portIdentity, seq: header.seq, action: header.action, tlv: header.tlv, fields: Object.create(null) as Record<string, string>, extraLines: [] };
        fieldCount = 0;
        out.responses.push(block);
      }
      continue;
    }
    if (indented && block) {
      if (addField(block, line, fieldCount < PMC_PARSE_LIMITS.maxFieldsPerBlock)) fieldCount++;
      else if (block.extraLines.length < PMC_PARSE_LIMITS.maxFieldsPerBlock) block.extraLines.push(line);
      else out.truncated = true;
      continue;
    }
    block = null;
    const notice = NOTICES.find((n) => n.test(line));
    if (notice) {
      if (out.notices.length < PMC_PARSE_LIMITS.maxNotices) out.notices.push(clip(line));
      // stderr and stdout interleave unpredictably, so this is settled once every `sending:` is in.
      if (notice.unsentId && unsentIds.length < PMC_PARSE_LIMITS.maxNotices) unsentIds.push(notice.unsentId(line));
      continue;
    }
    junk(out, line);
  }
  for (const id of unsentIds) markUnsent(sent, id);
  attachRequests(out.errors, sent);
  return out;
}

/** Every response of one data set, in output order (PORT_* data sets: one per port). */
export function responsesFor(parse: PmcParse, tlv: string): PmcResponse[] {
  return parse.responses.filter((r) => r.tlv === tlv);
}

export interface PmcHeader {
  portIdentity: string;
  seq: number;
  action: string;
  tlv: string;
  rest: string;
}

/** A response header line (trimmed), or null. */
export function readHeader(line: string): PmcHeader | null {
  if (!line.includes(' seq ')) return null;
  const t = line.split(/[ \t]+/);
  const [portIdentity, seqWord, seqText, action, kind] = t;
  if (seqWord !== 'seq' || !portIdentity || !seqText || !action) return null;
  if (!PORT_IDENTITY.test(portIdentity) || !SEQ.test(seqText)) return null;
  const seq = Number(seqText);
  if (seq > 0xffff) return null;
  if (action === 'SIGNALING') return { portIdentity, seq, action, tlv: kind ?? '', rest: t.slice(5).join(' ') };
  if (!ACTIONS.has(action)) return null;
  if (kind === 'MANAGEMENT') return { portIdentity, seq, action, tlv: t[5] ?? '', rest: t.slice(6).join(' ') };
  return { portIdentity, seq, action, tlv: kind ?? '', rest: t.slice(5).join(' ') };
}

/**
 * Data sets pmc prints as a table: one `key value` line (the row count), then a header row and one
 * row per entry (pmc.c `pmc_show_unicast_master_entry`). Their rows stay lines, in order, in `extraLines`.
 */
export const TABLE_TLVS: ReadonlySet<string> = new Set(['UNICAST_MASTER_TABLE_NP']);

/** Stores `key value` as a field unless the key repeats, there is no room, or the block is a table past its first line; says whether it did. */
export function addField(block: PmcResponse, line: string, room: boolean): boolean {
  return addFieldAt(block, line, 0, room);
}

/**
 * addField on `raw` from `start` (its first non-blank character) to its last non-blank one, without
 * trimming the whole line first: the key runs to the first blank, the value is the rest, trimmed.
 */
export function addFieldAt(block: PmcResponse, raw: string, start: number, room: boolean): boolean {
  if (!room || (TABLE_TLVS.has(block.tlv) && hasAnyField(block))) return false;
  let end = raw.length;
  while (end > start && isBlank(raw.charCodeAt(end - 1))) end--;
  let gap = start;
  while (gap < end && raw.charCodeAt(gap) !== 32 && raw.charCodeAt(gap) !== 9) gap++;
  const key = raw.slice(start, gap);
  if (Object.hasOwn(block.fields, key)) return false;
  let from = gap;
  while (from < end && isBlank(raw.charCodeAt(from))) from++;
  block.fields[key] = raw.slice(from, end);
  return true;
}

/** The index of the first character String.prototype.trim would keep (the length when it keeps none). */
export function firstNonSpace(raw: string): number {
  let i = 0;
  while (i < raw.length && isBlank(raw.charCodeAt(i))) i++;
  return i;
}

/** Exactly what String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator). */
function isBlank(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function hasAnyField(block: PmcResponse): boolean {
  for (const _ in block.fields) return true;
  return false;
}

function markUnsent(sent: Sent[], id: string): void {
  for (let i = sent.length - 1; i >= 0; i--) {
    const s = sent[i];
    if (s && s.issued && s.request.endsWith(` ${id}`)) {
      s.issued = false;
      return;
    }
  }
}

/** pmc numbers its requests 0, 1, 2 … in the order it sends them; an answer carries that seq. */
function attachRequests(errors: PmcManagementError[], sent: Sent[]): void {
  if (errors.length === 0) return;
  const issued = sent.filter((s) => s.issued);
  for (const e of errors) e.request = issued[e.seq]?.request ?? null;
}

function junk(out: PmcParse, line: string): void {
  out.junkLines++;
  if (out.firstJunkLine === null) out.firstJunkLine = clip(line);
}

function collapseSpaces(s: string): string {
  return s.split(/[ \t]+/).join(' ');
}

/** Shorten and make printable: device output may hold control bytes. */
export function clip(s: string): string {
  const short = s.length > PMC_PARSE_LIMITS.maxShownChars ? `${s.slice(0, PMC_PARSE_LIMITS.maxShownChars)}…` : s;
  let printable = '';
  for (const ch of short) {
    const c = ch.codePointAt(0) ?? 0;
    printable += c < 32 || c === 127 || (c >= 0x80 && c < 0xa0) ? '\uFFFD' : ch;
  }
  return printable;
}
