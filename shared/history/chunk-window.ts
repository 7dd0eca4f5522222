/**
 * Where a series' points are cut into chunks: each chunk holds the points of one UTC-aligned window
 * of `windowUs`, and at most `maxPoints` of them. Aligned windows (5 minutes by default) divide
 * minutes, hours and days, so a chunk's rollups never straddle its neighbour's buckets.
 */
export interface ChunkWindow {
  windowUs: number;
  maxPoints: number;
}

export const DEFAULT_CHUNK_WINDOW: ChunkWindow = { windowUs: 5 * 60_000_000, maxPoints: 4096 };

/** Whether a point at `tUs` starts a new chunk after `count` points that began at `firstTUs`. */
export function startsNewChunk(w: ChunkWindow, count: number, firstTUs: number, tUs: number): boolean {
  return count > 0 && (count >= w.maxPoints || Math.floor(tUs / w.windowUs) !== Math.floor(firstTUs / w.windowUs));
}

/** [start, end) index ranges of the chunks a run of points (time order) is cut into. */
export function chunkRanges(w: ChunkWindow, tUs: ArrayLike<number>): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 1; i <= tUs.length; i++) {
    if (i === tUs.length || startsNewChunk(w, i - start, tUs[start] as number, tUs[i] as number)) {
      out.push([start, i]);
      start = i;
    }
  }
  return tUs.length === 0 ? [] : out;
}
