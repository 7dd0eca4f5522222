import { z } from 'zod';
import { ErrorValue } from '../../domain/errors';
import { MaskSpec } from './mask-choice';

/**
 * Scheduled compliance reports: per device (or a group of them), daily or weekly, judged against
 * masks and warn/alert thresholds, written as HTML and JSON into a folder the user picked. The
 * engine runs them (history/report-scheduler.ts); the contract configures them.
 */
export const ComplianceThresholds = z.object({
  /** Worst |offset| of an instance's primary offset series, ns. */
  maxAbsOffsetNs: z.number().positive().optional(),
  /** p99 of |offset|, ns. */
  p99AbsOffsetNs: z.number().positive().optional(),
  /** Time without measurements in the window, ms. */
  gapsTotalMs: z.number().nonnegative().optional(),
  /** Grandmaster changes in the window. */
  gmChanges: z.number().int().nonnegative().optional(),
});
export type ComplianceThresholds = z.infer<typeof ComplianceThresholds>;

/** An absolute folder on the engine's machine (POSIX, or a Windows drive or UNC path). */
const AbsoluteFolder = z
  .string()
  .min(1)
  .max(1024)
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'give an absolute folder path');

export const ReportScheduleInput = z.object({
  name: z.string().trim().min(1).max(120),
  deviceIds: z.array(z.string().min(1).max(128)).min(1).max(16),
  period: z.enum(['daily', 'weekly']),
  /** The UTC hour a report is made; it covers the day (or week) that ended then. */
  hourUtc: z.number().int().min(0).max(23).default(0),
  /** Weekly: the UTC weekday the week ends on (0 Sunday … 6 Saturday). */
  weekday: z.number().int().min(0).max(6).default(1),
  /** A failing mask is an alert; one the data could not judge, a warning. */
  masks: z.array(MaskSpec).max(8).default(['g8273.2-class-c']),
  warn: ComplianceThresholds.default({}),
  alert: ComplianceThresholds.default({}),
  folder: AbsoluteFolder,
  lang: z.enum(['en', 'zh-CN']).default('en'),
  enabled: z.boolean().default(true),
});
export type ReportScheduleInput = z.output<typeof ReportScheduleInput>;

export const ComplianceLevel = z.enum(['ok', 'warn', 'alert']);
export type ComplianceLevel = z.infer<typeof ComplianceLevel>;

export const ScheduleRun = z.object({
  /** The window the report covered. */
  fromMs: z.number(),
  toMs: z.number(),
  ranAtMs: z.number(),
  level: ComplianceLevel.nullable(),
  /** What made it warn or alert, one line each (English; the JSON report holds the numbers). */
  findings: z.array(z.string()),
  htmlFile: z.string().nullable(),
  jsonFile: z.string().nullable(),
  error: ErrorValue.nullable(),
});
export type ScheduleRun = z.infer<typeof ScheduleRun>;

export const ReportSchedule = ReportScheduleInput.extend({
  id: z.string(),
  createdAtMs: z.number(),
  lastRun: ScheduleRun.nullable(),
});
export type ReportSchedule = z.infer<typeof ReportSchedule>;

const DAY_MS = 86_400_000;

/** The newest complete period of a schedule at `nowMs`: [end − day or week, end). */
export function latestWindow(s: Pick<ReportScheduleInput, 'period' | 'hourUtc' | 'weekday'>, nowMs: number): { fromMs: number; toMs: number } {
  let end = Math.floor(nowMs / DAY_MS) * DAY_MS + s.hourUtc * 3_600_000;
  if (end > nowMs) end -= DAY_MS;
  if (s.period === 'weekly') {
    while (new Date(end).getUTCDay() !== s.weekday) end -= DAY_MS;
    return { fromMs: end - 7 * DAY_MS, toMs: end };
  }
  return { fromMs: end - DAY_MS, toMs: end };
}

/** The window to report now, or null when the newest complete one was reported already. */
export function dueWindow(s: ReportSchedule, nowMs: number): { fromMs: number; toMs: number } | null {
  if (!s.enabled) return null;
  const w = latestWindow(s, nowMs);
  return s.lastRun && s.lastRun.toMs >= w.toMs ? null : w;
}

/** A file name for a run: the schedule's name (letters and digits of any script kept) and the window's end date. */
export function reportFileBase(s: Pick<ReportScheduleInput, 'name' | 'period'>, toMs: number): string {
  const safe = s.name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[.-]+|-+$/g, '').slice(0, 80) || 'report';
  const day = new Date(toMs - 1).toISOString().slice(0, 10);
  return `${safe}-${s.period}-${day}`;
}
