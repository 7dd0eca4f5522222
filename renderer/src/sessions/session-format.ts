import type { SessionSummary } from '../../../shared/sessions/session-meta';
import { durationLanguage, formatDuration } from '../../../shared/history/report/duration-text';

/** A file size as people read it: 812 B, 14.2 KB, 3.1 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v >= 100 ? Math.round(v) : v.toFixed(1)} ${units[u]}`;
}

/** The window of a session as a pair of wall-clock times in the UI language, or its length for relative time. */
export function sessionWindow(s: Pick<SessionSummary, 'fromMs' | 'toMs' | 'timeBase'>, language: string): { from: string; to: string; span: string } | null {
  if (s.fromMs === null || s.toMs === null) return null;
  const format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' });
  return { from: format.format(s.fromMs), to: format.format(s.toMs), span: formatDuration(s.toMs - s.fromMs, durationLanguage(language)) };
}

/** A session's window on the charts' axis, seconds (the whole session; null while it is empty). */
export function sessionRangeSec(s: Pick<SessionSummary, 'fromMs' | 'toMs'>): { min: number; max: number } | null {
  if (s.fromMs === null || s.toMs === null) return null;
  // A window of one sample still gets a span the axis can draw.
  const pad = s.toMs - s.fromMs < 1000 ? 30_000 : 0;
  return { min: (s.fromMs - pad) / 1000, max: (s.toMs + pad) / 1000 };
}
