import { BitReader, BitWriter } from './bit-stream';
import { readIntColumn, writeIntColumn, type ResidualCoding } from './int-column';
import { readRice, riceParameter, writeRice } from './rice';

/**
 * One series' points over a time window as one compressed blob: times (µs), values (null = a gap,
 * never a zero) and point flags. The chunk's count, min, max and sum come back beside the bytes, so
 * the store keeps them in columns and answers coarse ranges without decoding.
 *
 * Layout (bits, most significant first): format version (8), count (32), times (int column), the
 * gap mask (1 bit "no gaps", else run lengths), the values that are not gaps (int column), the
 * flags (1 bit "all zero", else an int column). Decoding never throws: a truncated or foreign blob
 * comes back as an error value.
 */
export const CHUNK_FORMAT = 2;
/** Format 1 Rice-coded every column's residuals; format 2 range-codes them (adaptive-residuals.ts). Both read back. */
const CODING_OF_FORMAT = { 1: 'rice', 2: 'range' } as const satisfies Record<number, ResidualCoding>;
const MAX_POINTS = 0xffffffff;
const POINTS_PER_BYTE = { 1: 8, 2: 256 } as const;

export interface ChunkColumns {
  tUs: ArrayLike<number>;
  value: ArrayLike<number | null>;
  flags: ArrayLike<number>;
}

export interface ChunkStats {
  count: number;
  /** Points that are not gaps. */
  valueCount: number;
  min: number | null;
  max: number | null;
  sum: number;
  firstTUs: number | null;
  lastTUs: number | null;
}

export interface DecodedChunk {
  tUs: Float64Array;
  value: (number | null)[];
  flags: Uint32Array;
}

export function chunkStats(c: ChunkColumns): ChunkStats {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let valueCount = 0;
  for (let i = 0; i < c.value.length; i++) {
    const v = c.value[i];
    if (v === null || v === undefined) continue;
    valueCount++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const n = c.tUs.length;
  return { count: n, valueCount, min: valueCount > 0 ? min : null, max: valueCount > 0 ? max : null, sum, firstTUs: n > 0 ? (c.tUs[0] as number) : null, lastTUs: n > 0 ? (c.tUs[n - 1] as number) : null };
}

/** Run lengths of alternating present/gap runs, starting with a present run (maybe empty). */
function gapRuns(value: ArrayLike<number | null>): number[] {
  const runs: number[] = [];
  let present = true;
  let run = 0;
  for (let i = 0; i < value.length; i++) {
    const isPresent = value[i] !== null;
    if (isPresent === present) run++;
    else {
      runs.push(run);
      present = isPresent;
      run = 1;
    }
  }
  runs.push(run);
  return runs;
}

function writeRuns(w: BitWriter, runs: readonly number[]): void {
  w.write(runs.length, 32);
  let sum = 0;
  for (const r of runs) sum += r;
  const k = riceParameter(sum, runs.length);
  w.write(k, 6);
  for (const r of runs) writeRice(w, r, k);
}

function readRuns(r: BitReader, count: number): number[] | null {
  const n = r.read(32);
  if (n > count + 1) return null;
  const k = r.read(6);
  const runs: number[] = [];
  for (let i = 0; i < n && !r.overrun; i++) runs.push(readRice(r, k));
  return runs;
}

/** Encodes in the current format; `format` 1 writes what earlier versions wrote (to prove they still read). */
export function encodeChunk(c: ChunkColumns, format: keyof typeof CODING_OF_FORMAT = CHUNK_FORMAT): { bytes: Uint8Array; stats: ChunkStats } {
  const n = c.tUs.length;
  if (c.value.length !== n || c.flags.length !== n) throw new RangeError(`chunk columns differ in length (${n} times, ${c.value.length} values, ${c.flags.length} flags)`);
  if (n > MAX_POINTS) throw new RangeError('chunk too large');
  const w = new BitWriter(n * 3 + 32);
  w.write(format, 8);
  w.write(n, 32);
  const coding = CODING_OF_FORMAT[format];
  writeIntColumn(w, c.tUs, coding);
  const runs = gapRuns(c.value);
  const noGaps = runs.length === 1;
  w.write(noGaps ? 1 : 0, 1);
  if (!noGaps) writeRuns(w, runs);
  const present: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = c.value[i];
    if (v !== null && v !== undefined) present.push(v);
  }
  writeIntColumn(w, present, coding);
  let allZero = true;
  for (let i = 0; i < n; i++) if (c.flags[i] !== 0) allZero = false;
  w.write(allZero ? 1 : 0, 1);
  if (!allZero) writeIntColumn(w, c.flags, coding);
  return { bytes: w.finish(), stats: chunkStats(c) };
}

export type DecodeResult = { ok: true; chunk: DecodedChunk } | { ok: false; reason: string };

export function decodeChunk(bytes: Uint8Array): DecodeResult {
  const r = new BitReader(bytes);
  const version = r.read(8);
  if (version !== 1 && version !== 2) return { ok: false, reason: `not a chunk of format 1 or ${CHUNK_FORMAT} (found ${version})` };
  const coding = CODING_OF_FORMAT[version];
  const n = r.read(32);
  // A point costs at least a bit in Rice coding and ~0.06 bit in range coding (six length decisions at
  // the model's surest): a count far beyond the bytes is a corrupt header, not a reason to allocate.
  if (r.overrun || n > bytes.length * POINTS_PER_BYTE[version]) return { ok: false, reason: 'chunk header is truncated or corrupt' };
  const tUs = readIntColumn(r, n, coding);
  const noGaps = r.read(1) === 1;
  const runs = noGaps ? [n] : readRuns(r, n);
  if (!runs || runs.reduce((a, b) => a + b, 0) !== n) return { ok: false, reason: 'chunk gap mask is corrupt' };
  const presentCount = runs.reduce((a, b, i) => (i % 2 === 0 ? a + b : a), 0);
  const present = readIntColumn(r, presentCount, coding);
  const value: (number | null)[] = new Array<number | null>(n);
  let at = 0;
  let next = 0;
  runs.forEach((len, i) => {
    for (let j = 0; j < len; j++) value[at++] = i % 2 === 0 ? (present[next++] as number) : null;
  });
  const allZero = r.read(1) === 1;
  const flags = new Uint32Array(n);
  if (!allZero) flags.set(readIntColumn(r, n, coding));
  if (r.overrun) return { ok: false, reason: 'chunk is truncated' };
  return { ok: true, chunk: { tUs, value, flags } };
}
