import type { Statement } from 'better-sqlite3';
import { bucketStats, mergeBuckets, type BucketStats } from '../../../shared/history/rollup/bucket-stats';
import { rollupPoints, type RollupRow } from '../../../shared/history/rollup/rollup-points';
import { chooseTier, DAY_US, HOUR_US, MINUTE_US, TIER_RESOLUTION_US, isThinned, type Retention, type Tier } from '../../../shared/history/tiers';
import { downsampleMinMax, type PointColumns } from '../../../shared/series/downsample';
import type { SeriesColumns } from '../../../shared/series/series-query';
import type { ChunkReader } from './chunk-reader';
import type { Db } from './db';
import type { RangeQuery } from './series-store';

type RollupTier = Exclude<Tier, 'raw'>;

/**
 * Chart queries: a range and a pixel budget answered from the right tier. Raw points when the range
 * holds no more than the budget (or its buckets are narrower than a minute), else minute, hour or day
 * rollups, min/max downsampled, with buckets that held no measurement and stretches with no buckets
 * kept as gaps. Rollups cover sealed chunks; the open chunk's points are rolled up on the fly, and
 * hours whose percentiles are not computed yet are drawn from their minutes.
 */
export class TieredQuery {
  private readonly rows: Record<RollupTier, Statement>;
  private readonly earliest: Record<Tier, (id: number) => number | null>;

  constructor(
    db: Db,
    private readonly reader: ChunkReader,
    private readonly retention: Retention,
    private readonly nowUs: () => number,
  ) {
    const select = (table: string, col: string) => db.prepare(`SELECT ${col}, count, min, max FROM ${table} WHERE series_id = ? AND ${col} >= ? AND ${col} <= ? ORDER BY ${col}`).raw();
    this.rows = { minute: select('rollup_minute', 't_min'), hour: select('rollup_hour', 't_hour'), day: select('rollup_day', 't_day') };
    const earliest = (table: string, col: string, unitUs: number) => {
      const stmt = db.prepare(`SELECT MIN(${col}) FROM ${table} WHERE series_id = ?`).pluck();
      return (id: number) => {
        const t = stmt.get(id) as number | null;
        return t === null ? null : t * unitUs;
      };
    };
    this.earliest = { raw: (id) => this.reader.earliestUs(id), minute: earliest('rollup_minute', 't_min', MINUTE_US), hour: earliest('rollup_hour', 't_hour', HOUR_US), day: earliest('rollup_day', 't_day', DAY_US) };
  }

  /** The oldest time a tier holds for the series (µs), null when it holds nothing. */
  private earliestUs(id: number, tier: Tier): number | null {
    return this.earliest[tier](id);
  }

  query(id: number, q: RangeQuery): SeriesColumns {
    const fromUs = Math.floor(q.fromUs);
    const toUs = Math.ceil(q.toUs);
    if (q.latest !== undefined) return columns(id, this.reader.latest(id, fromUs, toUs, q.latest), false, 'raw');
    const maxPoints = q.maxPoints;
    const nowUs = this.nowUs();
    const thinned = (tier: Tier) => isThinned(tier, fromUs, this.retention, nowUs, this.earliestUs(id, tier));
    // Raw points when they fit the budget, unless retention has thinned them out in this range.
    if (maxPoints === undefined || (!thinned('raw') && this.reader.estimate(id, fromUs, toUs) <= maxPoints)) {
      return this.downsampled(id, this.reader.range(id, fromUs, toUs), fromUs, toUs, maxPoints, 'raw');
    }
    const tier = chooseTier(fromUs, toUs, Math.floor(maxPoints / 3), thinned);
    if (tier === 'raw') return this.downsampled(id, this.reader.range(id, fromUs, toUs), fromUs, toUs, maxPoints, 'raw');
    return this.downsampled(id, this.rollupColumns(id, tier, fromUs, toUs), fromUs, toUs, maxPoints, tier);
  }

  private downsampled(id: number, cols: PointColumns, fromUs: number, toUs: number, maxPoints: number | undefined, tier: Tier): SeriesColumns {
    const out = maxPoints === undefined ? cols : downsampleMinMax(cols, fromUs, toUs, maxPoints);
    return columns(id, out, out !== cols || tier !== 'raw', tier);
  }

  /** A rollup tier's buckets in range as points, with what it does not hold yet filled from finer data. */
  private rollupColumns(id: number, tier: RollupTier, fromUs: number, toUs: number): PointColumns {
    const res = TIER_RESOLUTION_US[tier];
    const stored = this.stored(id, tier, fromUs, toUs);
    if (tier === 'hour') {
      // Hours are computed in the background once over: the rest of the range comes from minutes.
      const last = stored[stored.length - 1];
      const tailFrom = last ? last.tUs + HOUR_US : fromUs;
      const tail = tailFrom <= toUs ? this.rollupColumns(id, 'minute', tailFrom, toUs) : null;
      const head = rollupPoints(stored, res);
      return tail ? { tUs: head.tUs.concat(tail.tUs), value: head.value.concat(tail.value), flags: head.flags.concat(tail.flags) } : head;
    }
    // Minute and day rows are written with each sealed chunk; the open chunk is rolled up here.
    const open = this.reader.open(id, fromUs, toUs);
    const fresh = bucketStats(open, res);
    return rollupPoints(merged(stored, fresh), res);
  }

  private stored(id: number, tier: RollupTier, fromUs: number, toUs: number): BucketStats[] {
    const unit = tier === 'minute' ? MINUTE_US : tier === 'hour' ? HOUR_US : DAY_US;
    const rows = this.rows[tier].all(id, Math.floor(fromUs / unit), Math.floor(toUs / unit)) as [number, number, number | null, number | null][];
    const out = new Array<BucketStats>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const [t, count, min, max] = rows[i] as [number, number, number | null, number | null];
      out[i] = { tUs: t * unit, count, min, max, sum: 0 };
    }
    return out;
  }
}

/** Stored buckets and buckets of the open chunk, one per start, in time order. */
function merged(stored: BucketStats[], fresh: BucketStats[]): RollupRow[] {
  if (fresh.length === 0) return stored;
  const byT = new Map(stored.map((b) => [b.tUs, b]));
  for (const b of fresh) {
    const had = byT.get(b.tUs);
    byT.set(b.tUs, had ? mergeBuckets(had, b) : b);
  }
  return [...byT.values()].sort((a, b) => a.tUs - b.tUs);
}

function columns(id: number, c: PointColumns, downsampled: boolean, tier: Tier): SeriesColumns {
  return { id, tUs: c.tUs, value: c.value, flags: c.flags, downsampled, tier };
}
