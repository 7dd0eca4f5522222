/**
 * Where a series' points are cut into chunks: a chunk ends with its UTC-aligned window (10 minutes
 * by default) once it holds `minPoints`, and at `maxPoints` or `maxSpanUs` whatever it holds. A dense
 * series (8 Hz: 4800 points a window) is cut at every window; a sparse one (a value every few
 * seconds or minutes) fills several windows, so its chunks do not shrink to a few points each,
 * where the row and the codec's header would cost more than the points.
 *
 * Each chunk costs ~270 bytes besides its points (its row, SQLite's overflow-page slack, the
 * codec's anchors): 0.11 B a point in 5-minute windows of 8 Hz, 0.06 in 10-minute ones, which took
 * the store file from 2.02 to under 2.0 B a point. A 128 Hz series is cut at maxPoints (64 s).
 */
export interface ChunkWindow {
  windowUs: number;
  minPoints: number;
  maxPoints: number;
  maxSpanUs: number;
}

export const DEFAULT_CHUNK_WINDOW: ChunkWindow = { windowUs: 10 * 60_000_000, minPoints: 256, maxPoints: 8192, maxSpanUs: 86_400_000_000 };

/** Whether a point at `tUs` starts a new chunk after `count` points from `firstTUs` to `lastTUs`. */
export function startsNewChunk(w: ChunkWindow, count: number, firstTUs: number, lastTUs: number, tUs: number): boolean {
  if (count === 0) return false;
  if (count >= w.maxPoints || Math.abs(tUs - firstTUs) >= w.maxSpanUs) return true;
  return count >= w.minPoints && Math.floor(tUs / w.windowUs) !== Math.floor(lastTUs / w.windowUs);
}

/** [start, end) index ranges of the chunks a run of points (time order) is cut into. */
export function chunkRanges(w: ChunkWindow, tUs: ArrayLike<number>): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 1; i <= tUs.length; i++) {
    if (i === tUs.length || startsNewChunk(w, i - start, tUs[start] as number, tUs[i - 1] as number, tUs[i] as number)) {
      out.push([start, i]);
      start = i;
    }
  }
  return tUs.length === 0 ? [] : out;
}
