import type { ReportSchedule } from '../../../shared/history/report/report-schedule';

export const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** Whether a typed folder is absolute, as the engine's schedule schema asks (POSIX, a Windows drive or UNC path). */
export function isAbsoluteFolder(path: string): boolean {
  const p = path.trim();
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
}

/** A schedule's masks as ids (a user mask kept whole is named by its id). */
export function maskIds(s: Pick<ReportSchedule, 'masks'>): string {
  return s.masks.map((m) => (typeof m === 'string' ? m : m.id)).join(', ');
}
