import { SyncscopeError } from '../../domain/errors';
import { catalogError } from '../../errors/catalog';

/** A window of history, ms since the epoch, both ends inclusive. */
export interface TimeRange {
  fromMs: number;
  toMs: number;
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const DURATION = /^(\d+(?:\.\d+)?)\s*(s|min|m|h|d|w)$/;
/** A duration back from now, as `2h` or `-2h` (both mean two hours ago). */
const BACK = /^-\s*(?=\d)/;
const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** `90s`, `30m`, `2h`, `7d`, `1w` in ms; null when it is not a duration. */
export function parseDurationMs(raw: string): number | null {
  const m = DURATION.exec(raw.trim());
  return m ? Number(m[1]) * UNIT_MS[m[2]!]! : null;
}

/**
 * A time a person typed: ISO 8601 (a date alone is its midnight UTC; a time without a zone is UTC,
 * as the reports print), `now`, or a duration back from now (`2h`, or `-2h` as other tools write it).
 */
export function parseTimeFlag(flag: string, raw: string, nowMs: number): number {
  const s = raw.trim();
  if (s === 'now') return nowMs;
  const back = parseDurationMs(s.replace(BACK, ''));
  if (back !== null) return nowMs - back;
  if (ISO.test(s)) {
    const zoned = /T|\s/.test(s) && !/(Z|[+-]\d{2}:?\d{2})$/.test(s) ? `${s.replace(' ', 'T')}Z` : s;
    const ms = Date.parse(zoned);
    if (!Number.isNaN(ms)) return ms;
  }
  throw new SyncscopeError(catalogError('history.bad-range', { flag, value: raw }, { field: flag.replace(/^--/, '') }));
}

export const DEFAULT_DEVICE_WINDOW_MS = 3_600_000;

/**
 * The window a command reads: the flags where given; otherwise a session's whole span, or the last
 * hour of a device's live history (ending now). An end before the start is refused.
 */
export function resolveRange(flags: { from?: string | undefined; to?: string | undefined }, span: TimeRange | null, nowMs: number): TimeRange {
  const toMs = flags.to !== undefined ? parseTimeFlag('--to', flags.to, nowMs) : (span?.toMs ?? nowMs);
  const fromMs = flags.from !== undefined ? parseTimeFlag('--from', flags.from, nowMs) : (span && flags.to === undefined ? span.fromMs : toMs - DEFAULT_DEVICE_WINDOW_MS);
  if (fromMs > toMs) throw new SyncscopeError({ ...catalogError('history.bad-range', { flag: '--from', value: flags.from ?? new Date(fromMs).toISOString() }), hint: '--from must not be after --to.' });
  return { fromMs, toMs };
}
