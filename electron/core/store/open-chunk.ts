/**
 * The chunk a series is filling: its points in memory (columns, NaN for a gap) and, on disk, as raw
 * segments (`open_segments`, one row per write batch: times, values and flags as 64-bit floats). A
 * segment costs no encoding, so a batch commits quickly; the chunk is encoded once, when its window
 * closes. After a crash the segments are the open chunk.
 */
export class OpenChunk {
  tUs = new Float64Array(256);
  value = new Float64Array(256);
  flags = new Float64Array(256);
  length = 0;
  /** Points [0, saved) are in segments on disk; the rest came in this batch. */
  saved = 0;
  /** Segment rows on disk (compacted into one when there are many). */
  segments = 0;
  /** Device time chunks only: the exact ns every value counts from. */
  baseNs: bigint | null = null;
  /** performance.now() of the last batch written to it, so a series that stopped is sealed after a while. */
  touchedMs = performance.now();

  constructor(
    /** The device the series belongs to (a removed device's open chunks are dropped). */
    readonly deviceKey: number,
    /** The hidden device-time series: ns offsets from a base, not measurements, so no rollups. */
    readonly deviceTime: boolean,
  ) {}

  push(tUs: number, value: number | null, flags: number): void {
    if (this.length === this.tUs.length) this.grow();
    this.tUs[this.length] = tUs;
    this.value[this.length] = value ?? NaN;
    this.flags[this.length] = flags;
    this.length++;
  }

  /** Appends a decoded segment (at load). */
  pushSegment(seg: Float64Array): void {
    const n = seg.length / 3;
    for (let i = 0; i < n; i++) {
      const v = seg[n + i] as number;
      this.push(seg[i] as number, Number.isNaN(v) ? null : v, seg[2 * n + i] as number);
    }
  }

  /** Points [from, to) as one segment blob. */
  segment(from = this.saved, to = this.length): Buffer {
    const n = to - from;
    const out = new Float64Array(3 * n);
    out.set(this.tUs.subarray(from, to), 0);
    out.set(this.value.subarray(from, to), n);
    out.set(this.flags.subarray(from, to), 2 * n);
    return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
  }

  /** Values as the codec takes them: null for a gap. */
  values(): (number | null)[] {
    const out = new Array<number | null>(this.length);
    for (let i = 0; i < this.length; i++) {
      const v = this.value[i] as number;
      out[i] = Number.isNaN(v) ? null : v;
    }
    return out;
  }

  clear(): void {
    this.length = 0;
    this.saved = 0;
    this.segments = 0;
    this.baseNs = null;
  }

  private grow(): void {
    const size = this.tUs.length * 2;
    for (const k of ['tUs', 'value', 'flags'] as const) {
      const next = new Float64Array(size);
      next.set(this[k]);
      this[k] = next;
    }
  }
}

/** A segment blob as its columns (times, values with NaN for gaps, flags), or null when it is not one. */
export function readSegment(blob: Uint8Array): Float64Array | null {
  if (blob.byteLength % 24 !== 0) return null;
  // Copy: SQLite's buffer may not be 8-byte aligned.
  const copy = new Uint8Array(blob.byteLength);
  copy.set(blob);
  return new Float64Array(copy.buffer);
}
