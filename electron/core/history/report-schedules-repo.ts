import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import { ReportSchedule, ReportScheduleInput, ScheduleRun } from '../../../shared/history/report/report-schedule';
import type { Db } from '../store/db';

interface Row {
  id: string;
  definition: string;
  created_at_ms: number;
  last_run: string | null;
}

/** The `report_schedules` table: definitions validated on the way in and out (a row that no longer parses is skipped, not fatal). */
export class ReportSchedulesRepo {
  private readonly stmt: Record<'all' | 'get' | 'insert' | 'update' | 'run' | 'remove', Statement>;

  constructor(db: Db) {
    this.stmt = {
      all: db.prepare('SELECT * FROM report_schedules ORDER BY created_at_ms, id'),
      get: db.prepare('SELECT * FROM report_schedules WHERE id = ?'),
      insert: db.prepare('INSERT INTO report_schedules (id, definition, created_at_ms, last_run) VALUES (?, ?, ?, NULL)'),
      update: db.prepare('UPDATE report_schedules SET definition = ?, last_run = NULL WHERE id = ?'),
      run: db.prepare('UPDATE report_schedules SET last_run = ? WHERE id = ?'),
      remove: db.prepare('DELETE FROM report_schedules WHERE id = ?'),
    };
  }

  list(): ReportSchedule[] {
    return (this.stmt.all.all() as Row[]).flatMap((r) => {
      const s = this.parse(r);
      return s ? [s] : [];
    });
  }

  get(id: string): ReportSchedule {
    const row = this.stmt.get.get(id) as Row | undefined;
    const s = row ? this.parse(row) : null;
    if (!s) throw new SyncscopeError(catalogError('history.no-such-schedule', { id }));
    return s;
  }

  /** A new schedule, or a changed one (its last run is forgotten: the new definition starts afresh). */
  save(input: ReportScheduleInput, id?: string): ReportSchedule {
    const definition = JSON.stringify(ReportScheduleInput.parse(input));
    if (id === undefined) {
      const newId = randomUUID();
      this.stmt.insert.run(newId, definition, Date.now());
      return this.get(newId);
    }
    this.get(id);
    this.stmt.update.run(definition, id);
    return this.get(id);
  }

  recordRun(id: string, run: ScheduleRun): void {
    this.stmt.run.run(JSON.stringify(ScheduleRun.parse(run)), id);
  }

  remove(id: string): void {
    this.get(id);
    this.stmt.remove.run(id);
  }

  private parse(r: Row): ReportSchedule | null {
    const parsed = ReportSchedule.safeParse({ ...(JSON.parse(r.definition) as object), id: r.id, createdAtMs: r.created_at_ms, lastRun: r.last_run ? (JSON.parse(r.last_run) as unknown) : null });
    return parsed.success ? parsed.data : null;
  }
}
