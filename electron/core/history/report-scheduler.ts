import { join } from 'node:path';
import { errorValueOf } from '../../../shared/domain/errors';
import type { TimingMask } from '../../../shared/history/analysis/timing-masks';
import { complianceOf } from '../../../shared/history/report/compliance-level';
import { composeReport, type ReportReads } from '../../../shared/history/report/compose-report';
import { htmlReport } from '../../../shared/history/report/html-report';
import { resolveMasks } from '../../../shared/history/report/mask-choice';
import { dueWindow, latestWindow, reportFileBase, type ReportSchedule, type ReportScheduleInput, type ScheduleRun } from '../../../shared/history/report/report-schedule';
import type { Logger } from '../log';
import { summarizeDevices } from './device-summaries';
import { historyDevice, type HistoryReader } from './history-reader';
import { checkOutputFolder, ensureOutputFolder, writeOutputFile } from './output-file';
import type { ReportSchedulesRepo } from './report-schedules-repo';
import { analyzeStoredTiming } from './timing-analysis';

export interface ReportSchedulerDeps {
  repo: ReportSchedulesRepo;
  history: () => HistoryReader;
  log: Logger;
  now?: () => number;
  /** How often to look for a due report (default a minute). */
  tickMs?: number;
}

/**
 * Scheduled compliance reports, run by the collecting engine: every minute, each enabled schedule
 * whose newest complete day or week has no report yet gets one, as HTML and JSON in its folder. A
 * run that fails (a missing device, an unwritable folder) is recorded with its error and not retried
 * until the next period or a "run now", so a broken folder does not fill the log every minute.
 * Reads yield to collection between pages (yield-turn.ts).
 */
export class ReportScheduler {
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly deps: ReportSchedulerDeps) {}

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  start(): void {
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => void this.tick(), this.deps.tickMs ?? 60_000);
    this.timer.unref();
    void this.tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  list(): ReportSchedule[] {
    return this.deps.repo.list();
  }

  /** Saves a schedule after checking its devices exist (by id or name; stored by id), its masks, and that its folder can be written. */
  save(input: ReportScheduleInput, id?: string): ReportSchedule {
    const reader = this.deps.history();
    const deviceIds = input.deviceIds.map((d) => historyDevice(reader, d).id);
    resolveMasks(input.masks);
    const folder = checkOutputFolder(input.folder);
    return this.deps.repo.save({ ...input, deviceIds, folder }, id);
  }

  remove(id: string): void {
    this.deps.repo.remove(id);
  }

  /** Looks for due reports now (the timer calls this); one pass at a time. */
  tick(): Promise<void> {
    if (this.running || this.stopped) return this.running ?? Promise.resolve();
    this.running = (async () => {
      for (const s of this.deps.repo.list()) {
        if (this.stopped) break;
        const w = dueWindow(s, this.now());
        if (w) await this.run(s, w);
      }
    })().finally(() => (this.running = null));
    return this.running;
  }

  /** Reports the schedule's newest complete window now, due or not. */
  runNow(id: string): Promise<ScheduleRun> {
    const s = this.deps.repo.get(id);
    return this.run(s, latestWindow(s, this.now()));
  }

  private async run(s: ReportSchedule, w: { fromMs: number; toMs: number }): Promise<ScheduleRun> {
    const ranAtMs = this.now();
    let run: ScheduleRun;
    try {
      const reader = this.deps.history();
      const masks = resolveMasks(s.masks);
      const reads: ReportReads = {
        summary: (deviceIds, fromMs, toMs) => summarizeDevices(reader, deviceIds, fromMs, toMs),
        timing: (q) => analyzeStoredTiming(reader, { ...q, overviewPoints: 600 }),
      };
      const report = await composeReport(reads, { source: reader.source, deviceIds: s.deviceIds, fromMs: w.fromMs, toMs: w.toMs, masks, gate: masks.map((m) => m.id), nowMs: ranAtMs });
      const compliance = complianceOf(report, s.warn, s.alert);
      const folder = ensureOutputFolder(s.folder);
      const base = join(folder, reportFileBase(s, w.toMs));
      const userMasks = s.masks.filter((m): m is TimingMask => typeof m !== 'string');
      const htmlFile = await writeOutputFile(`${base}.html`, htmlReport(report, s.lang, userMasks));
      const jsonFile = await writeOutputFile(`${base}.json`, `${JSON.stringify({ ...report, schedule: { id: s.id, name: s.name, period: s.period }, compliance }, null, 2)}\n`);
      run = { ...w, ranAtMs, level: compliance.level, findings: compliance.findings.map((f) => `${f.level}: ${f.text}`), htmlFile, jsonFile, error: null };
      const log = compliance.level === 'ok' ? this.deps.log.info.bind(this.deps.log) : this.deps.log.warn.bind(this.deps.log);
      log({ schedule: s.name, level: compliance.level, file: htmlFile, findings: run.findings.slice(0, 5) }, 'compliance report written');
    } catch (err) {
      const error = errorValueOf(err);
      run = { ...w, ranAtMs, level: null, findings: [], htmlFile: null, jsonFile: null, error };
      this.deps.log.warn({ schedule: s.name, err: error }, 'compliance report failed');
    }
    try {
      this.deps.repo.recordRun(s.id, run);
    } catch (err) {
      // Removed while it ran: nothing to record.
      this.deps.log.debug({ schedule: s.name, err: errorValueOf(err) }, 'compliance report run not recorded');
    }
    return run;
  }
}
