import { z } from 'zod';
import { MaskSpec } from '../history/report/mask-choice';
import { ReportSchedule, ReportScheduleInput, ScheduleRun } from '../history/report/report-schedule';
import { TimingView } from '../history/report/timing-view';
import { DeviceSummary } from '../history/summary/summary-types';
import { Labels } from '../series/series';

/**
 * History analysis and export (joined into methods.ts). Every row reads the live history, or a
 * session's when `sessionId` is given. A device is named by its id or its name.
 */
const SessionId = z.string().min(1).max(200).optional();
const DeviceRef = z.string().min(1).max(128);
const rangeOk = (r: { fromMs: number; toMs: number }) => r.fromMs <= r.toMs;
const rangeError = { message: 'fromMs must not be after toMs', path: ['toMs'] };

export const HistorySource = z.discriminatedUnion('kind', [z.object({ kind: z.literal('live') }), z.object({ kind: z.literal('session'), id: z.string(), name: z.string() })]);

export const ExportPageResult = z.object({
  /** This page's text: the pages joined are the whole file (CSV with its header, or one JSON document). */
  text: z.string(),
  rows: z.number().int(),
  /** Pass it back for the next page; null after the last. */
  cursor: z.string().nullable(),
});

export const historyMethods = {
  /** The devices a history holds (and the window a session covers; null for the live history). */
  'history.devices': {
    params: z.object({ sessionId: SessionId }).default({}),
    result: z.object({ source: HistorySource, span: z.object({ fromMs: z.number(), toMs: z.number() }).nullable(), devices: z.array(z.object({ id: z.string(), name: z.string() })) }),
  },
  /** Per device, side by side over one window: time in port states, |offset| percentiles, path delay, frequency, GM changes, gaps, events. */
  'history.summary': {
    params: z.object({ sessionId: SessionId, deviceIds: z.array(DeviceRef).min(1).max(16), fromMs: z.number(), toMs: z.number() }).refine(rangeOk, rangeError),
    result: z.array(DeviceSummary),
  },
  /**
   * Timing quality of one TE series (max|TE|, cTE, dTE_H, MTIE/TDEV of dTE_L per τ) judged against
   * masks (standard ids such as "g8273.2-class-c", or user masks in full). With neither seriesId nor
   * metric, the device's preferred offset series (of `instance`, when given).
   */
  'history.timing': {
    params: z
      .object({
        sessionId: SessionId,
        deviceId: DeviceRef,
        seriesId: z.number().int().min(1).optional(),
        instance: z.string().max(128).optional(),
        metric: z.string().max(64).optional(),
        labels: Labels.optional(),
        fromMs: z.number(),
        toMs: z.number(),
        /** The initial-transient marker: samples before it are left out. */
        excludeBeforeMs: z.number().optional(),
        masks: z.array(MaskSpec).max(16).default([]),
        cteWindowS: z.number().positive().max(86_400).optional(),
        maxTauS: z.number().positive().max(1_000_000).optional(),
        overviewPoints: z.number().int().min(3).max(20_000).default(600),
      })
      .refine(rangeOk, rangeError),
    result: TimingView,
  },
  /**
   * A selection as CSV (points or events table; ISO 8601 UTC and integer-ns columns) or one JSON
   * document (series with their points, then events), a page at a time: call again with the cursor
   * until it is null and join the texts. The text has no byte order mark; a file writer adds one.
   */
  'history.export': {
    params: z
      .object({
        sessionId: SessionId,
        deviceIds: z.array(DeviceRef).min(1).max(64),
        fromMs: z.number(),
        toMs: z.number(),
        format: z.enum(['csv', 'json']),
        table: z.enum(['points', 'events']).default('points'),
        metrics: z.array(z.string().max(64)).max(64).optional(),
        cursor: z.string().max(2000).optional(),
        maxRows: z.number().int().min(1000).max(200_000).default(20_000),
      })
      .refine(rangeOk, rangeError),
    result: ExportPageResult,
  },
  /** Scheduled compliance reports (daily or weekly HTML + JSON into a folder on the engine's machine), with their last run. */
  'reports.schedules.list': {
    params: z.object({}).default({}),
    result: z.array(ReportSchedule),
  },
  /** A new schedule (no id) or a changed one; devices by id or name. Changing a schedule forgets its last run. */
  'reports.schedules.save': {
    params: z.object({ id: z.string().max(64).optional(), schedule: ReportScheduleInput }),
    result: ReportSchedule,
  },
  'reports.schedules.remove': {
    params: z.object({ id: z.string().max(64) }),
    result: z.object({ removed: z.literal(true) }),
  },
  /** Writes the schedule's report for its newest complete day or week now, due or not. */
  'reports.schedules.run': {
    params: z.object({ id: z.string().max(64) }),
    result: ScheduleRun,
  },
} as const;
