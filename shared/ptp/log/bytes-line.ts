import { asciiText } from './byte-scan';
import type { LinePrefix } from './log-prefix';
import type { LogRecord } from './log-records';
import type { ParsedLine } from './parse-log-line';

/**
 * A ParsedLine read from the bytes its line arrived in, whose message stays those (ASCII) bytes
 * until someone reads it: nobody does for a sample or a state change, so no string is made for
 * the line at all. The bytes are the chunk's own, never reused (see ByteLineSplitter).
 */
export class BytesLine implements ParsedLine {
  constructor(
    readonly prefix: LinePrefix,
    readonly record: LogRecord,
    private readonly bytes: Uint8Array,
    private readonly messageStart: number,
    private readonly messageEnd: number,
  ) {}

  get message(): string {
    return asciiText(this.bytes, this.messageStart, this.messageEnd);
  }
}
