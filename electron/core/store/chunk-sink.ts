import type { Statement } from 'better-sqlite3';
import { encodeChunk } from '../../../shared/history/codec/chunk';
import { bucketStats, type PointsLike } from '../../../shared/history/rollup/bucket-stats';
import { DAY_US, HOUR_US, MINUTE_US } from '../../../shared/history/tiers';
import type { Db } from './db';

/** Points of one chunk-to-be, in time order or not (late points make their own chunk). */
export interface ChunkPoints extends PointsLike {
  length: number;
}

/**
 * Writes sealed chunks: the compressed blob with its count/min/max/sum, and, in the same
 * transaction, the minute and day rollups of its points (merged into rows a neighbouring chunk
 * already started) and a note that the hours it touched need their percentiles (computed in the
 * background from the hour's chunks, see hour-rollups.ts). Callers hold the transaction.
 */
export class ChunkSink {
  private readonly stmt: Record<'chunk' | 'minute' | 'day' | 'pending', Statement>;

  constructor(db: Db) {
    const upsert = (table: string, col: string) =>
      db.prepare(
        `INSERT INTO ${table} (series_id, ${col}, count, min, max, sum) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (series_id, ${col}) DO UPDATE SET count = count + excluded.count,
           min = CASE WHEN min IS NULL THEN excluded.min WHEN excluded.min IS NULL THEN min ELSE MIN(min, excluded.min) END,
           max = CASE WHEN max IS NULL THEN excluded.max WHEN excluded.max IS NULL THEN max ELSE MAX(max, excluded.max) END,
           sum = sum + excluded.sum`,
      );
    this.stmt = {
      chunk: db.prepare('INSERT INTO chunks (series_id, t0_us, t1_us, count, value_count, min, max, sum, base_ns, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      minute: upsert('rollup_minute', 't_min'),
      day: upsert('rollup_day', 't_day'),
      pending: db.prepare('INSERT OR IGNORE INTO rollup_pending (series_id, t_hour) VALUES (?, ?)'),
    };
  }

  /**
   * One chunk of `points` [0, length). `baseNs` marks a device-time stream: its values are ns
   * ns offsets from a base, not measurements, so it gets no rollups.
   */
  write(seriesId: number, points: ChunkPoints, baseNs: bigint | null, rollups = true): void {
    const n = points.length;
    if (n === 0) return;
    const value = new Array<number | null>(n);
    for (let i = 0; i < n; i++) {
      const v = points.value[i];
      value[i] = v === null || v === undefined || Number.isNaN(v) ? null : v;
    }
    const tUs = Array.prototype.slice.call(points.tUs, 0, n) as number[];
    const flags = Array.prototype.slice.call(points.flags, 0, n) as number[];
    const { bytes, stats } = encodeChunk({ tUs, value, flags });
    let t0 = tUs[0] as number;
    let t1 = t0;
    for (const t of tUs) {
      if (t < t0) t0 = t;
      if (t > t1) t1 = t;
    }
    this.stmt.chunk.run(seriesId, t0, t1, n, stats.valueCount, stats.min, stats.max, stats.sum, baseNs === null ? null : baseNs.toString(), bytes);
    if (!rollups) return;
    const cols = { tUs, value, flags };
    for (const b of bucketStats(cols, MINUTE_US)) this.stmt.minute.run(seriesId, b.tUs / MINUTE_US, b.count, b.min, b.max, b.sum);
    for (const b of bucketStats(cols, DAY_US)) this.stmt.day.run(seriesId, b.tUs / DAY_US, b.count, b.min, b.max, b.sum);
    for (let h = Math.floor(t0 / HOUR_US); h <= Math.floor(t1 / HOUR_US); h++) this.stmt.pending.run(seriesId, h);
  }
}
