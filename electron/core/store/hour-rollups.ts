import type { Statement } from 'better-sqlite3';
import { hourStats } from '../../../shared/history/rollup/hour-stats';
import { isStatistic } from '../../../shared/history/rollup/stat-point';
import { HOUR_US } from '../../../shared/history/tiers';
import type { ChunkReader } from './chunk-reader';
import type { Db } from './db';

/**
 * Hour rollups (p50, p95, p99, max |x|, and min/max for charts), computed exactly from the hour's
 * raw points once the hour is over: sealing a chunk notes the hours it touched in `rollup_pending`,
 * and the background work takes one at a time. Late points note their hour again, so it is redone.
 */
export class HourRollups {
  private readonly stmt: Record<'next' | 'upsert' | 'done', Statement>;

  constructor(
    db: Db,
    private readonly reader: ChunkReader,
  ) {
    this.stmt = {
      // An hour is over when it has ended and its series' open chunk holds nothing from it.
      next: db.prepare(
        `SELECT p.series_id, p.t_hour FROM rollup_pending p
         WHERE (p.t_hour + 1) * ${HOUR_US} <= ?
         ORDER BY p.t_hour LIMIT 64`,
      ),
      upsert: db.prepare('INSERT OR REPLACE INTO rollup_hour (series_id, t_hour, count, min, max, p50, p95, p99, max_abs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      done: db.prepare('DELETE FROM rollup_pending WHERE series_id = ? AND t_hour = ?'),
    };
  }

  /**
   * Computes one pending hour that ended before `untilUs` and whose series has no open point before
   * its end (`openSinceUs` says where each series' open chunk starts). False when none is ready.
   */
  step(untilUs: number, openSinceUs: (seriesId: number) => number | null): boolean {
    for (const p of this.stmt.next.all(untilUs) as { series_id: number; t_hour: number }[]) {
      const endUs = (p.t_hour + 1) * HOUR_US;
      const since = openSinceUs(p.series_id);
      if (since !== null && since < endUs) continue;
      const raw = this.reader.range(p.series_id, p.t_hour * HOUR_US, endUs - 1);
      const values = new Float64Array(raw.tUs.length);
      let n = 0;
      for (let i = 0; i < raw.tUs.length; i++) {
        const v = raw.value[i];
        if (isStatistic(v, raw.flags[i] ?? 0)) values[n++] = v;
      }
      const s = hourStats(p.t_hour * HOUR_US, values.subarray(0, n));
      this.stmt.upsert.run(p.series_id, p.t_hour, s.count, s.min, s.max, s.p50, s.p95, s.p99, s.maxAbs);
      this.stmt.done.run(p.series_id, p.t_hour);
      return true;
    }
    return false;
  }
}
