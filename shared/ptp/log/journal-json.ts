import { parseLogLine, type ParsedLine } from './parse-log-line';

/**
 * One line of `journalctl -o json` (or `-f -o json`): a JSON object whose MESSAGE is what the program
 * logged. Wall time comes from __REALTIME_TIMESTAMP (µs since the epoch, a decimal string), never from
 * linuxptp's `[seconds]`, which is CLOCK_MONOTONIC. journald sends MESSAGE as an array of bytes when
 * it is not valid UTF-8; that is decoded leniently.
 */
export interface JournalLine extends ParsedLine {
  /** ms since the epoch, with µs as the fraction; null when the entry carries no usable time. */
  wallTimeMs: number | null;
  /** The unit journald attributed the entry to (_SYSTEMD_UNIT), e.g. `ptp4l@eth0.service`. */
  unit: string | null;
}

export function parseJournalJsonLine(line: string): JournalLine | null {
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return null;
  const e = entry as Record<string, unknown>;
  const message = messageText(e.MESSAGE);
  if (message === null) return null;
  const parsed = parseLogLine(message);
  const identifier = typeof e.SYSLOG_IDENTIFIER === 'string' ? e.SYSLOG_IDENTIFIER : null;
  const pid = typeof e._PID === 'string' && /^\d{1,10}$/.test(e._PID) ? Number(e._PID) : null;
  const realtime = typeof e.__REALTIME_TIMESTAMP === 'string' && /^\d{1,19}$/.test(e.__REALTIME_TIMESTAMP) ? Number(e.__REALTIME_TIMESTAMP) / 1000 : null;
  return {
    ...parsed,
    prefix: { ...parsed.prefix, program: parsed.prefix.program ?? identifier, pid: parsed.prefix.pid ?? pid, host: typeof e._HOSTNAME === 'string' ? e._HOSTNAME : null },
    // A stdout line wrapped by journald (`ptp4l[1.2]: …`) names its program itself; otherwise the identifier does.
    record: parsed.prefix.program === null && identifier !== null ? parseLogLine(`${identifier}[0.0]: ${parsed.message}`).record : parsed.record,
    wallTimeMs: realtime,
    unit: typeof e._SYSTEMD_UNIT === 'string' ? e._SYSTEMD_UNIT : null,
  };
}

function messageText(raw: unknown): string | null {
  if (typeof raw === 'string') return raw;
  if (Array.isArray(raw) && raw.every((b) => typeof b === 'number' && b >= 0 && b <= 255)) {
    return new TextDecoder('utf-8', { fatal: false }).decode(new Uint8Array(raw as number[]));
  }
  return null;
}
