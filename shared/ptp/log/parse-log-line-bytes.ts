import { MAX_LOG_LINE_CHARS, parseLogLine, parseLogMessage, type ParsedLine } from './parse-log-line';
import { BytesLine } from './bytes-line';
import { portStateBytes } from './port-state-bytes';
import { stdoutLinePrefix, stdoutPrefix, stdoutPrefixBytes, stdoutSampleBytes } from './stdout-sample-bytes';

/**
 * parseLogLine for a line still in the bytes it arrived in (`bytes[start, end)`, UTF-8, without its
 * newline), giving the ParsedLine parseLogLine gives for the decoded line. The stdout prefix is read
 * from the bytes; ptp4l's per-sample, summary and port state lines are read whole from them (no
 * string made); any other message of a stdout line is decoded alone and goes to parseLogMessage. What the bytes
 * cannot settle (another prefix, a tag before another message, a CR left at the end, an
 * over-long line) is decoded whole, by `decode`, and goes to parseLogLine.
 */
export function parseLogLineBytes<B extends Uint8Array>(bytes: B, start: number, end: number, decode: (bytes: B, start: number, end: number) => string): ParsedLine {
  // Bytes never number fewer than the characters they decode to, so a line within the cap in bytes is within it in characters.
  if (end - start <= MAX_LOG_LINE_CHARS && stdoutPrefixBytes(bytes, start, end)) {
    const sample = stdoutSampleBytes(bytes, start, end);
    if (sample) return sample;
    const messageStart = stdoutPrefix.messageStart;
    const portState = portStateBytes(bytes, messageStart, end);
    if (portState) return new BytesLine(stdoutLinePrefix(bytes, start), portState, bytes, messageStart, end);
    // splitLogLine takes a tag only before a message without line terminators, and drops a last CR: left to it.
    if (stdoutPrefix.tagStart < 0 && bytes[end - 1] !== 13) {
      const prefix = stdoutLinePrefix(bytes, start);
      const message = decode(bytes, messageStart, end);
      return { prefix, message, record: parseLogMessage(message, prefix.program) };
    }
  }
  return parseLogLine(decode(bytes, start, end));
}
