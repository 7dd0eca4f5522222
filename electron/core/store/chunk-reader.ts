import type { Statement } from 'better-sqlite3';
import { decodeChunk } from '../../../shared/history/codec/chunk';
import type { PointColumns } from '../../../shared/series/downsample';
import type { Db } from './db';
import { readSegment } from './open-chunk';

interface ChunkRow {
  base_ns: string | null;
  data: Uint8Array;
}

/** Raw points plus, for a device-time stream, the exact ns base its value counts from. */
interface RawPoints extends PointColumns {
  baseNs: (bigint | null)[];
}

/**
 * Raw points of one series in a time range, from wherever they are: sealed chunks (decoded), the
 * open chunk's segments, and rows of the pre-chunk `points` table not yet converted. Reads the disk,
 * so another process's store (a non-collecting engine, the CLI) sees what the writer committed.
 */
export class ChunkReader {
  private readonly stmt: Record<'chunks' | 'chunksDesc' | 'segments' | 'count' | 'openCount' | 'earliest' | 'latest', Statement>;
  private legacy: Record<'range' | 'latest' | 'count' | 'earliest' | 'latestT', Statement> | null = null;

  constructor(private readonly db: Db) {
    this.stmt = {
      chunks: db.prepare('SELECT base_ns, data FROM chunks WHERE series_id = ? AND t1_us >= ? AND t0_us <= ? ORDER BY t0_us, id'),
      chunksDesc: db.prepare('SELECT base_ns, data, count FROM chunks WHERE series_id = ? AND t1_us >= ? AND t0_us <= ? ORDER BY t1_us DESC, id DESC'),
      segments: db.prepare('SELECT base_ns, data FROM open_segments WHERE series_id = ? ORDER BY id'),
      count: db.prepare('SELECT COALESCE(SUM(count), 0) FROM chunks WHERE series_id = ? AND t1_us >= ? AND t0_us <= ?').pluck(),
      earliest: db.prepare('SELECT MIN(t1_us) FROM chunks WHERE series_id = ?').pluck(),
      latest: db.prepare('SELECT MAX(t1_us) FROM chunks WHERE series_id = ?').pluck(),
      openCount: db.prepare('SELECT COALESCE(SUM(length(data)), 0) / 24 FROM open_segments WHERE series_id = ?').pluck(),
    };
    this.refreshLegacy();
  }

  get hasLegacy(): boolean {
    return this.legacy !== null;
  }

  /** Whether unconverted pre-chunk rows remain (the table is dropped once they are converted). */
  refreshLegacy(): void {
    const exists = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'legacy_points'").get() !== undefined;
    this.legacy = exists
      ? {
          range: this.db.prepare('SELECT t_us, value, flags FROM legacy_points WHERE series_id = ? AND t_us >= ? AND t_us <= ? ORDER BY t_us').raw(),
          latest: this.db.prepare('SELECT t_us, value, flags FROM legacy_points WHERE series_id = ? AND t_us >= ? AND t_us <= ? ORDER BY t_us DESC LIMIT ?').raw(),
          count: this.db.prepare('SELECT COUNT(*) FROM legacy_points WHERE series_id = ? AND t_us >= ? AND t_us <= ?').pluck(),
          earliest: this.db.prepare('SELECT MIN(t_us) FROM legacy_points WHERE series_id = ?').pluck(),
          latestT: this.db.prepare('SELECT MAX(t_us) FROM legacy_points WHERE series_id = ?').pluck(),
        }
      : null;
  }

  /** About how many raw points the range holds (whole chunks that overlap it): chooses the tier. */
  estimate(seriesId: number, fromUs: number, toUs: number): number {
    const legacy = this.legacy ? (this.legacy.count.get(seriesId, fromUs, toUs) as number) : 0;
    return (this.stmt.count.get(seriesId, fromUs, toUs) as number) + (this.stmt.openCount.get(seriesId) as number) + legacy;
  }

  /** The oldest raw time of the series (its oldest chunk's end: close enough to tell what retention kept), null when none. */
  earliestUs(seriesId: number): number | null {
    const chunk = this.stmt.earliest.get(seriesId) as number | null;
    const legacy = this.legacy ? (this.legacy.earliest.get(seriesId) as number | null) : null;
    const open = this.open(seriesId, -Infinity, Infinity).tUs[0] ?? null;
    const all = [chunk, legacy, open].filter((t): t is number => t !== null);
    return all.length > 0 ? Math.min(...all) : null;
  }

  /** The newest raw time of the series (µs), null when it has none: no chunk decoded. */
  latestUs(seriesId: number): number | null {
    const chunk = this.stmt.latest.get(seriesId) as number | null;
    const legacy = this.legacy ? (this.legacy.latestT.get(seriesId) as number | null) : null;
    const open = this.open(seriesId, -Infinity, Infinity).tUs;
    const all = [chunk, legacy, ...open].filter((t): t is number => t !== null);
    return all.length > 0 ? Math.max(...all) : null;
  }

  /** Every raw point in [fromUs, toUs], in time order. */
  range(seriesId: number, fromUs: number, toUs: number): RawPoints {
    const out: RawPoints = { tUs: [], value: [], flags: [], baseNs: [] };
    if (this.legacy) this.addLegacy(out, this.legacy.range.all(seriesId, fromUs, toUs) as [number, number | null, number][]);
    for (const row of this.stmt.chunks.all(seriesId, fromUs, toUs) as ChunkRow[]) this.addChunk(out, row, fromUs, toUs);
    this.addSegments(out, seriesId, fromUs, toUs);
    return sortedByTime(out);
  }

  /** Points of the open chunk (its segments) in [fromUs, toUs]. */
  open(seriesId: number, fromUs: number, toUs: number): RawPoints {
    const out: RawPoints = { tUs: [], value: [], flags: [], baseNs: [] };
    this.addSegments(out, seriesId, fromUs, toUs);
    return out;
  }

  /** The newest `limit` raw points in [fromUs, toUs], in time order. */
  latest(seriesId: number, fromUs: number, toUs: number, limit: number): RawPoints {
    const out: RawPoints = { tUs: [], value: [], flags: [], baseNs: [] };
    this.addSegments(out, seriesId, fromUs, toUs);
    // Chunks newest first until enough points are in hand (a chunk may hold points older than the next).
    let have = out.tUs.length;
    for (const row of this.stmt.chunksDesc.iterate(seriesId, fromUs, toUs) as IterableIterator<ChunkRow & { count: number }>) {
      if (have >= limit) break;
      this.addChunk(out, row, fromUs, toUs);
      have = out.tUs.length;
    }
    if (this.legacy) this.addLegacy(out, (this.legacy.latest.all(seriesId, fromUs, toUs, limit) as [number, number | null, number][]).reverse());
    const sorted = sortedByTime(out);
    const drop = Math.max(0, sorted.tUs.length - limit);
    return { tUs: sorted.tUs.slice(drop), value: sorted.value.slice(drop), flags: sorted.flags.slice(drop), baseNs: sorted.baseNs.slice(drop) };
  }

  private addLegacy(out: RawPoints, rows: [number, number | null, number][]): void {
    for (const [t, v, f] of rows) push(out, t, v, f, null);
  }

  private addChunk(out: RawPoints, row: ChunkRow, fromUs: number, toUs: number): void {
    const decoded = decodeChunk(row.data);
    if (!decoded.ok) throw new Error(`a stored chunk cannot be read (${decoded.reason})`);
    const { tUs, value, flags } = decoded.chunk;
    const base = row.base_ns === null ? null : BigInt(row.base_ns);
    for (let i = 0; i < tUs.length; i++) {
      const t = tUs[i] as number;
      if (t >= fromUs && t <= toUs) push(out, t, value[i] ?? null, flags[i] as number, base);
    }
  }

  private addSegments(out: RawPoints, seriesId: number, fromUs: number, toUs: number): void {
    for (const row of this.stmt.segments.all(seriesId) as ChunkRow[]) {
      const seg = readSegment(row.data);
      if (!seg) throw new Error('a stored open segment cannot be read');
      const base = row.base_ns === null ? null : BigInt(row.base_ns);
      const n = seg.length / 3;
      for (let i = 0; i < n; i++) {
        const t = seg[i] as number;
        const v = seg[n + i] as number;
        if (t >= fromUs && t <= toUs) push(out, t, Number.isNaN(v) ? null : v, seg[2 * n + i] as number, base);
      }
    }
  }
}

function push(out: RawPoints, t: number, v: number | null, f: number, base: bigint | null): void {
  out.tUs.push(t);
  out.value.push(v);
  out.flags.push(f);
  out.baseNs.push(base);
}

/** Points from several sources in time order (a stable sort only when they are not already). */
function sortedByTime(p: RawPoints): RawPoints {
  let sorted = true;
  for (let i = 1; i < p.tUs.length && sorted; i++) if ((p.tUs[i] as number) < (p.tUs[i - 1] as number)) sorted = false;
  if (sorted) return p;
  const order = p.tUs.map((_, i) => i).sort((a, b) => (p.tUs[a] as number) - (p.tUs[b] as number) || a - b);
  return { tUs: order.map((i) => p.tUs[i] as number), value: order.map((i) => p.value[i] ?? null), flags: order.map((i) => p.flags[i] as number), baseNs: order.map((i) => p.baseNs[i] ?? null) };
}
