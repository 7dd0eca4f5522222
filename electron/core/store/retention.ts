import type { Statement } from 'better-sqlite3';
import { DAY_US, HOUR_US, MINUTE_US, tierHorizonUs, type Retention, type Tier } from '../../../shared/history/tiers';
import type { Db } from './db';

/** Per tier: its table, its time column, the column's unit (µs), and how much one slice may delete. */
const TABLES: Record<Tier, { table: string; column: string; unitUs: number }> = {
  raw: { table: 'chunks', column: 't1_us', unitUs: 1 },
  minute: { table: 'rollup_minute', column: 't_min', unitUs: MINUTE_US },
  hour: { table: 'rollup_hour', column: 't_hour', unitUs: HOUR_US },
  day: { table: 'rollup_day', column: 't_day', unitUs: DAY_US },
};

const PASS_EVERY_MS = 60_000;

/**
 * Retention per tier, a few hundred rows at a time: each slice deletes, for one series, at most
 * `sliceRows` rows of one tier older than that tier's horizon, so collection never waits on it.
 * Freed pages are reused by new chunks (and handed back with incremental vacuum, history-maintenance.ts).
 */
export class RetentionSlices {
  private readonly series: Statement;
  private readonly deletes: Partial<Record<Tier, Statement>> = {};
  private queue: number[] = [];
  private restMs = 0;

  constructor(
    db: Db,
    private readonly retention: Retention,
    private readonly sliceRows = 500,
  ) {
    this.series = db.prepare('SELECT id FROM series ORDER BY id').pluck();
    for (const tier of Object.keys(TABLES) as Tier[]) {
      if (retention[tier] === null) continue;
      const { table, column } = TABLES[tier];
      // WITHOUT ROWID rollups have no rowid: bound their slice by time instead (the LIMITth row's time).
      this.deletes[tier] =
        tier === 'raw'
          ? db.prepare(`DELETE FROM chunks WHERE id IN (SELECT id FROM chunks WHERE series_id = @series AND t1_us < @horizon LIMIT ${sliceRows})`)
          : db.prepare(
              `DELETE FROM ${table} WHERE series_id = @series AND ${column} < @horizon
                 AND ${column} <= (SELECT MAX(${column}) FROM (SELECT ${column} FROM ${table} WHERE series_id = @series AND ${column} < @horizon ORDER BY ${column} LIMIT ${sliceRows}))`,
            );
    }
  }

  /**
   * Deletes one slice of expired rows; false once a full pass over every series found nothing. A
   * pass that found nothing is not repeated for a minute (horizons move slowly).
   */
  slice(nowUs: number): boolean {
    if (this.queue.length === 0) {
      if (performance.now() < this.restMs) return false;
      this.queue = this.series.all() as number[];
    }
    while (this.queue.length > 0) {
      const seriesId = this.queue[0] as number;
      for (const tier of Object.keys(this.deletes) as Tier[]) {
        const { unitUs } = TABLES[tier];
        const horizon = Math.floor(tierHorizonUs(tier, this.retention, nowUs) / unitUs);
        if ((this.deletes[tier] as Statement).run({ series: seriesId, horizon }).changes > 0) return true;
      }
      this.queue.shift();
    }
    this.restMs = performance.now() + PASS_EVERY_MS;
    return false;
  }
}
