import { addField, addFieldAt, clip, ERROR_STATUS, firstNonSpace, NOTICES, PMC_PARSE_LIMITS, readHeader, type PmcManagementError, type PmcResponse } from './pmc-parse';

/**
 * pmc's output read as it arrives, for a pmc kept open on stdin (pmc-parse.ts reads a finished run).
 *
 * A block has no end marker: it ends when the next header, `sending:` or message line arrives, or
 * when the output goes quiet. pmc writes each block in one go, so the owner calls `idle()` once the
 * lines that arrived together have been fed: a block whose data set's last field is in is complete
 * then, at once; any other block (a data set this file does not know, a block split across chunks)
 * waits for `flush()` after a short quiet gap. Nothing waits the ~100 ms one-shot pmc does.
 *
 * Sequence numbers: pmc numbers what it sends 0, 1, 2 … (uint16) and echoes each request as
 * `sending: …`, so the reader knows which request a seq answers. ptp4l's pushed notifications
 * (SUBSCRIBE_EVENTS_NP) carry ptp4l's own counter: a response is the answer to a request only when
 * both its data set and its seq fit (see pmc-session.ts). Never throws.
 */

export type PmcReaderEvent =
  | { kind: 'sent'; request: string; seq: number }
  | { kind: 'response'; response: PmcResponse }
  | { kind: 'error'; error: PmcManagementError }
  /** pmc's own message (`bad command: …`, `sorry, … not supported yet`, `pmc[…]: …`). */
  | { kind: 'notice'; text: string }
  | { kind: 'junk'; line: string };

/** The field pmc prints last, per data set (linuxptp 3.1–4.x `pmc_show`): with it in, the block is whole. */
export const LAST_FIELD: Readonly<Record<string, string>> = {
  CURRENT_DATA_SET: 'meanPathDelay',
  TIME_STATUS_NP: 'gmIdentity',
  PORT_DATA_SET: 'versionNumber',
  PARENT_DATA_SET: 'grandmasterIdentity',
  DEFAULT_DATA_SET: 'domainNumber',
  PORT_PROPERTIES_NP: 'interface',
  PORT_STATS_NP: 'tx_Management',
  /** linuxptp 4.0+ (reference.md §3.5). */
  PORT_SERVICE_STATS_NP: 'followup_mismatch',
  PORT_HWCLOCK_NP: 'flags',
  /** After linuxptp 4.4 (2025). */
  PORT_CORRECTIONS_NP: 'delayAsymmetry',
};

/** Table data sets (pmc-parse.ts TABLE_TLVS): whole once the header row and as many rows as this field says are in. */
export const TABLE_SIZE_FIELD: Readonly<Record<string, string>> = {
  UNICAST_MASTER_TABLE_NP: 'actual_table_size',
};

const SEQ_MODULO = 0x10000;
/** Requests remembered for naming a MANAGEMENT_ERROR_STATUS by its seq. */
const SENT_MEMORY = 256;

export class PmcLineReader {
  private block: PmcResponse | null = null;
  private fields = 0;
  private nextSeq = 0;
  private readonly sentBySeq = new Map<number, string>();

  constructor(private readonly emit: (e: PmcReaderEvent) => void) {}

  /** One line of pmc's stdout or stderr, without its newline. */
  line(raw: string): void {
    if (raw.length > PMC_PARSE_LIMITS.maxLineChars) {
      this.flush();
      this.emit({ kind: 'junk', line: clip(raw) });
      return;
    }
    const c0 = raw.charCodeAt(0);
    const indented = c0 === 9 || c0 === 32;
    // Most lines are a field of the open block (`\t\tkey value`): read in place, without trimming
    // or splitting the whole line first. A header (` seq `) or an indented `sending:` takes the long way.
    if (indented && this.block && raw.indexOf(' seq ') < 0) {
      const start = firstNonSpace(raw);
      if (start === raw.length) return;
      if (!raw.startsWith('sending:', start)) {
        const b = this.block;
        if (addFieldAt(b, raw, start, this.fields < PMC_PARSE_LIMITS.maxFieldsPerBlock)) this.fields++;
        else if (b.extraLines.length < PMC_PARSE_LIMITS.maxFieldsPerBlock) b.extraLines.push(raw.trim());
        return;
      }
    }
    const line = raw.trim();
    if (line === '') return;
    if (line.startsWith('sending:')) {
      this.flush();
      const request = line.slice(8).trim().split(/[ \t]+/).join(' ');
      const seq = this.nextSeq;
      this.nextSeq = (seq + 1) % SEQ_MODULO;
      this.remember(seq, request);
      this.emit({ kind: 'sent', request, seq });
      return;
    }
    const header = readHeader(line);
    if (header) {
      this.flush();
      if (header.tlv === ERROR_STATUS) {
        this.emit({ kind: 'error', error: { portIdentity: header.portIdentity, seq: header.seq, action: header.action, request: this.sentBySeq.get(header.seq) ?? null, detail: header.rest } });
        return;
      }
      this.block = { portIdentity: header.portIdentity, seq: header.seq, action: header.action, tlv: header.tlv, fields: Object.create(null) as Record<string, string>, extraLines: [] };
      this.fields = 0;
      return;
    }
    if (indented && this.block) {
      if (addField(this.block, line, this.fields < PMC_PARSE_LIMITS.maxFieldsPerBlock)) this.fields++;
      else if (this.block.extraLines.length < PMC_PARSE_LIMITS.maxFieldsPerBlock) this.block.extraLines.push(line);
      return;
    }
    this.flush();
    const notice = NOTICES.find((n) => n.test(line));
    if (!notice) {
      this.emit({ kind: 'junk', line: clip(line) });
      return;
    }
    // `sorry, X not supported yet` follows an echoed request that pmc then did not send: its seq is free again.
    const unsent = notice.unsentId?.(line);
    const last = (this.nextSeq + SEQ_MODULO - 1) % SEQ_MODULO;
    if (unsent && this.sentBySeq.get(last)?.endsWith(` ${unsent}`)) {
      this.sentBySeq.delete(last);
      this.nextSeq = last;
    }
    this.emit({ kind: 'notice', text: clip(line) });
  }

  /** The lines that arrived together are in: completes the open block if its last field is in. True when a block is still open. */
  idle(): boolean {
    const b = this.block;
    if (!b) return false;
    if (whole(b)) this.flush();
    return this.block !== null;
  }

  /** The output went quiet: the open block, whatever it holds, is complete. */
  flush(): void {
    const b = this.block;
    if (!b) return;
    this.block = null;
    this.emit({ kind: 'response', response: b });
  }

  private remember(seq: number, request: string): void {
    this.sentBySeq.set(seq, request);
    if (this.sentBySeq.size > SENT_MEMORY) {
      const oldest = this.sentBySeq.keys().next().value;
      if (oldest !== undefined) this.sentBySeq.delete(oldest);
    }
  }
}

function whole(b: PmcResponse): boolean {
  const last = LAST_FIELD[b.tlv];
  if (last !== undefined) return Object.hasOwn(b.fields, last);
  const sizeField = TABLE_SIZE_FIELD[b.tlv];
  if (sizeField === undefined) return false;
  const size = b.fields[sizeField];
  return size !== undefined && /^\d{1,5}$/.test(size) && b.extraLines.length >= Number(size) + 1;
}
