/**
 * Where a series' points are cut into chunks: a chunk ends with its UTC-aligned window (5 minutes by
 * default) once it holds `minPoints`, and at `maxPoints` or `maxSpanUs` whatever it holds. A dense
 * series (8 Hz: 2400 points a window) is cut at every window; a sparse one (a value every few
 * seconds or minutes) fills several windows, so its chunks do not shrink to a few points each,
 * where the row and the codec's header would cost more than the points.
 */
export interface ChunkWindow {
  windowUs: number;
  minPoints: number;
  maxPoints: number;
  maxSpanUs: number;
}

export const DEFAULT_CHUNK_WINDOW: ChunkWindow = { windowUs: 5 * 60_000_000, minPoints: 256, maxPoints: 4096, maxSpanUs: 86_400_000_000 };

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
