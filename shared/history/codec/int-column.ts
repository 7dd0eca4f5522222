import { BitReader, BitWriter } from './bit-stream';
import { readRice, riceBits, riceParameter, unzigzag, writeRice, zigzag } from './rice';

/**
 * A column of integers (ns offsets, µs times, counters) coded as residuals of a predictor, zigzagged
 * and Rice-coded with one parameter per block of BLOCK values. The predictor is chosen per column
 * by the bits it would cost: the value itself (white noise around a mean: a locked servo's offset),
 * its difference from the previous one (a random walk: frequency, path delay, counters) or the
 * difference of differences (regular times). Exact for every safe integer whose residuals stay below
 * 2^52; anything else (fractions, 19-digit free-run offsets already flagged `inexact`) is stored as
 * raw 64-bit floats. The first value is always stored as a float, so absolute times cost nothing special.
 */
export const BLOCK = 64;
const K_BITS = 6;
/** Largest residual (zigzagged) a Rice escape holds exactly. */
const MAX_RESIDUAL = 2 ** 53 - 1;

export const enum Predictor {
  Raw = 0,
  Delta = 1,
  DeltaOfDelta = 2,
  /** Not a predictor: 64-bit floats, for values beyond SAFE or not integers. */
  Float = 3,
}

/**
 * Zigzagged residuals, or null when one would not be exact. The raw predictor codes every value
 * around its base; the others start from the first value (stored apart) and code from index 1 on.
 */
function residuals(values: ArrayLike<number>, order: Predictor.Raw | Predictor.Delta | Predictor.DeltaOfDelta): Float64Array | null {
  const n = values.length;
  const out = new Float64Array(n);
  const first = values[0] as number;
  const base = order === Predictor.Raw ? rawBase(values) : 0;
  let prev = first;
  let prevDelta = 0;
  for (let i = order === Predictor.Raw ? 0 : 1; i < n; i++) {
    const v = values[i] as number;
    let res: number;
    if (order === Predictor.Raw) res = v - base;
    else if (order === Predictor.Delta) res = v - prev;
    else {
      const delta = v - prev;
      res = delta - prevDelta;
      prevDelta = delta;
    }
    const u = zigzag(res);
    if (!(u <= MAX_RESIDUAL)) return null;
    out[i] = u;
    prev = v;
  }
  return out;
}

/**
 * The centre the raw predictor codes around: the column's rounded mean, so residuals of white noise
 * are centred on zero. Values this far from it make the Raw predictor unusable (residuals() says so).
 */
function rawBase(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  const mean = Math.round(sum / Math.max(1, values.length));
  return Number.isSafeInteger(mean) ? mean : 0;
}

/** Bits the residuals cost with per-block parameters (the first residual is written wide, separately). */
function costOf(r: Float64Array, from: number): number {
  let bits = 0;
  for (let start = from; start < r.length; start += BLOCK) {
    const end = Math.min(r.length, start + BLOCK);
    let sum = 0;
    for (let i = start; i < end; i++) sum += r[i] as number;
    const k = riceParameter(sum, end - start);
    bits += K_BITS;
    for (let i = start; i < end; i++) bits += riceBits(r[i] as number, k);
  }
  return bits;
}

function allSafeIntegers(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isSafeInteger(values[i])) return false;
  return true;
}

/** Appends the column to `w`. The count is the caller's (a chunk stores it once for all its columns). */
export function writeIntColumn(w: BitWriter, values: ArrayLike<number>): void {
  if (values.length === 0) {
    w.write(Predictor.Raw, 2);
    return;
  }
  let best: { order: Predictor; r: Float64Array; bits: number } | null = null;
  if (allSafeIntegers(values)) {
    for (const order of [Predictor.Raw, Predictor.Delta, Predictor.DeltaOfDelta] as const) {
      const r = residuals(values, order);
      if (!r) continue;
      const bits = costOf(r, order === Predictor.Raw ? 0 : 1);
      if (!best || bits < best.bits) best = { order, r, bits };
    }
  }
  if (!best) {
    w.write(Predictor.Float, 2);
    writeFloats(w, values);
    return;
  }
  const { order, r } = best;
  w.write(order, 2);
  writeFloats(w, [order === Predictor.Raw ? rawBase(values) : (values[0] as number)]);
  for (let start = order === Predictor.Raw ? 0 : 1; start < r.length; start += BLOCK) {
    const end = Math.min(r.length, start + BLOCK);
    let sum = 0;
    for (let i = start; i < end; i++) sum += r[i] as number;
    const k = riceParameter(sum, end - start);
    w.write(k, K_BITS);
    for (let i = start; i < end; i++) writeRice(w, r[i] as number, k);
  }
}

/** Reads `count` values written by writeIntColumn; on corrupt input returns what it could and sets `r.overrun`. */
export function readIntColumn(r: BitReader, count: number): Float64Array {
  const out = new Float64Array(count);
  const order = r.read(2) as Predictor;
  if (count === 0) return out;
  if (order === Predictor.Float) return readFloats(r, count);
  // The raw predictor's base, or the first value of the others.
  const anchor = (readFloats(r, 1)[0] as number) + 0;
  out[0] = anchor;
  let prev = anchor;
  let prevDelta = 0;
  for (let start = order === Predictor.Raw ? 0 : 1; start < count; start += BLOCK) {
    const end = Math.min(count, start + BLOCK);
    const k = r.read(K_BITS);
    for (let i = start; i < end; i++) {
      const res = unzigzag(readRice(r, k));
      let v: number;
      if (order === Predictor.Raw) v = anchor + res;
      else if (order === Predictor.Delta) v = prev + res;
      else {
        const delta = i === 1 ? res : prevDelta + res;
        v = prev + delta;
        prevDelta = delta;
      }
      out[i] = v;
      prev = v;
    }
    if (r.overrun) break;
  }
  return out;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

function writeFloats(w: BitWriter, values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) {
    f64[0] = values[i] as number;
    w.write(u32[HIGH] as number, 32);
    w.write(u32[1 - HIGH] as number, 32);
  }
}

function readFloats(r: BitReader, count: number): Float64Array {
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    u32[HIGH] = r.read(32);
    u32[1 - HIGH] = r.read(32);
    out[i] = f64[0] as number;
  }
  return out;
}

/** Encodes one column alone (tests, measurements). */
export function encodeInts(values: ArrayLike<number>): Uint8Array {
  const w = new BitWriter(values.length * 2 + 16);
  writeIntColumn(w, values);
  return w.finish();
}

export function decodeInts(bytes: Uint8Array, count: number): { values: Float64Array; ok: boolean } {
  const r = new BitReader(bytes);
  const values = readIntColumn(r, count);
  return { values, ok: !r.overrun };
}
