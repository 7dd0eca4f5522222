import type { Statement } from 'better-sqlite3';
import { bucketStats, mergeBuckets, type BucketStats } from '../../../shared/history/rollup/bucket-stats';
import { meanOf, type HourBucket, type MeanBucket, type SeriesRollups } from '../../../shared/history/rollup/rollup-rows';
import { DAY_US, HOUR_US, MINUTE_US } from '../../../shared/history/tiers';
import type { ChunkReader } from './chunk-reader';
import type { Db } from './db';

type Row = [number, number, number | null, number | null, ...(number | null)[]];

/**
 * The rollup tables' rows of one series, for exports: every minute, hour and day bucket that overlaps
 * [fromUs, toUs]. Minute and day rows cover sealed chunks and the open chunk's points are rolled up
 * here (as the chart queries do); hour rows exist once the hour is over and its percentiles computed.
 */
export class RollupRows {
  private readonly stmt: Record<'minute' | 'hour' | 'day', Statement>;

  constructor(
    db: Db,
    private readonly reader: ChunkReader,
  ) {
    const select = (cols: string, table: string, t: string) => db.prepare(`SELECT ${t}, ${cols} FROM ${table} WHERE series_id = ? AND ${t} >= ? AND ${t} <= ? ORDER BY ${t}`).raw();
    this.stmt = {
      minute: select('count, min, max, sum', 'rollup_minute', 't_min'),
      hour: select('count, min, max, p50, p95, p99, max_abs', 'rollup_hour', 't_hour'),
      day: select('count, min, max, sum', 'rollup_day', 't_day'),
    };
  }

  query(seriesId: number, fromUs: number, toUs: number): SeriesRollups {
    // The open chunk's points in the days the selection touches, whole buckets (as the stored rows are).
    const open = this.reader.open(seriesId, Math.floor(fromUs / DAY_US) * DAY_US, (Math.floor(toUs / DAY_US) + 1) * DAY_US - 1);
    const hours = this.rows('hour', HOUR_US, seriesId, fromUs, toUs).map(([t, count, min, max, p50, p95, p99, maxAbs]): HourBucket => ({ tUs: t * HOUR_US, count, min, max, p50: p50 ?? null, p95: p95 ?? null, p99: p99 ?? null, maxAbs: maxAbs ?? null }));
    return { minute: this.meanBuckets('minute', MINUTE_US, seriesId, fromUs, toUs, open), hour: hours, day: this.meanBuckets('day', DAY_US, seriesId, fromUs, toUs, open) };
  }

  private rows(tier: 'minute' | 'hour' | 'day', unitUs: number, seriesId: number, fromUs: number, toUs: number): Row[] {
    return this.stmt[tier].all(seriesId, Math.floor(fromUs / unitUs), Math.floor(toUs / unitUs)) as Row[];
  }

  private meanBuckets(tier: 'minute' | 'day', unitUs: number, seriesId: number, fromUs: number, toUs: number, open: ReturnType<ChunkReader['open']>): MeanBucket[] {
    const byT = new Map<number, BucketStats>();
    for (const [t, count, min, max, sum] of this.rows(tier, unitUs, seriesId, fromUs, toUs)) byT.set(t * unitUs, { tUs: t * unitUs, count, min, max, sum: sum ?? 0 });
    const first = Math.floor(fromUs / unitUs) * unitUs;
    for (const b of bucketStats(open, unitUs)) {
      if (b.tUs < first || b.tUs > toUs) continue;
      const had = byT.get(b.tUs);
      byT.set(b.tUs, had ? mergeBuckets(had, b) : b);
    }
    return [...byT.values()].sort((a, b) => a.tUs - b.tUs).map((b) => ({ tUs: b.tUs, count: b.count, min: b.min, max: b.max, mean: meanOf(b.count, b.sum) }));
  }
}
