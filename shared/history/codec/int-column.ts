import { BitReader, BitWriter } from './bit-stream';
import { ESCAPE_Q, readRice, riceBits, riceParameter, unzigzag, writeRice } from './rice';

/** What an escaped residual costs (riceBits of a quotient past ESCAPE_Q). */
const ESCAPE_BITS = riceBits(Number.MAX_SAFE_INTEGER, 0);

/**
 * A column of integers (ns offsets, µs times, counters) coded as residuals of a predictor, zigzagged
 * and Rice-coded with one parameter per block of BLOCK values. The predictor is chosen per column by
 * the bits it would cost:
 * - Level: each value around the column's mean (white noise: a locked servo's offset);
 * - Step: each difference around the mean difference (a random walk, a counter at a steady rate,
 *   times at a cadence with independent jitter);
 * - StepChange: the difference of differences (times whose cadence drifts);
 * - Cadence: each value around a straight line (times at a fixed cadence with independent jitter).
 * Exact for every safe integer whose residuals stay below 2^53; anything else (fractions, 19-digit
 * free-run offsets, already flagged `inexact`) is stored as raw 64-bit floats. Anchors (mean, first
 * value, mean step) are stored as floats, so absolute times cost nothing special.
 */
export const BLOCK = 64;
const K_BITS = 6;
/** Largest residual (zigzagged) a Rice escape holds exactly. */
const MAX_RESIDUAL = 2 ** 53 - 1;

export const enum Predictor {
  Level = 0,
  Step = 1,
  StepChange = 2,
  /** Not a predictor: 64-bit floats, for values that are not safe integers or residuals too wide. */
  Float = 3,
  Cadence = 4,
  /**
   * Not a predictor: every value is the first plus a multiple of a common divisor (ms arrival times
   * kept in µs, counters that move in whole kilobytes): the multiples follow as a column of their own.
   */
  Scaled = 5,
}
const PREDICTOR_BITS = 3;
type IntPredictor = Predictor.Level | Predictor.Step | Predictor.StepChange | Predictor.Cadence;
const INT_PREDICTORS = [Predictor.Level, Predictor.Step, Predictor.StepChange, Predictor.Cadence] as const;
/** Predictors that store a step beside their first value. */
const hasStep = (order: Predictor): boolean => order === Predictor.Step || order === Predictor.Cadence;

/** What a predictor needs besides the residuals: the level (Level) or first value, and the mean step (Step). */
interface Anchors {
  first: number;
  step: number;
}

function roundedMean(sum: number, count: number): number {
  const mean = Math.round(sum / Math.max(1, count));
  return Number.isSafeInteger(mean) ? mean : 0;
}

function anchorsOf(values: ArrayLike<number>, order: IntPredictor): Anchors {
  const n = values.length;
  const first = values[0] as number;
  if (order === Predictor.Level) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[i] as number;
    return { first: roundedMean(sum, n), step: 0 };
  }
  const span = (values[n - 1] as number) - first;
  // A cadence keeps its fractional period (124 999.7 µs drifts off an integer line); a step is whole.
  if (order === Predictor.Cadence) return { first, step: n > 1 ? span / (n - 1) : 0 };
  if (order === Predictor.Step) return { first, step: roundedMean(span, n - 1) };
  return { first, step: 0 };
}

/** The first residual index: Level codes every value; the others start after the stored first value. */
const startOf = (order: Predictor): number => (order === Predictor.Level ? 0 : 1);

/** Zigzagged residuals, or null when one would not be exact. One loop per predictor (the hot path of sealing). */
function residuals(values: ArrayLike<number>, order: IntPredictor, a: Anchors): Float64Array | null {
  const n = values.length;
  const out = new Float64Array(n);
  let bad = false;
  const put = (i: number, res: number): void => {
    const u = res >= 0 ? res * 2 : -res * 2 - 1;
    if (!(u <= MAX_RESIDUAL)) bad = true;
    out[i] = u;
  };
  if (order === Predictor.Level) {
    for (let i = 0; i < n; i++) put(i, (values[i] as number) - a.first);
  } else if (order === Predictor.Cadence) {
    for (let i = 1; i < n; i++) put(i, (values[i] as number) - Math.round(a.first + i * a.step));
  } else if (order === Predictor.Step) {
    for (let i = 1; i < n; i++) put(i, (values[i] as number) - (values[i - 1] as number) - a.step);
  } else {
    let prevDelta = 0;
    for (let i = 1; i < n; i++) {
      const delta = (values[i] as number) - (values[i - 1] as number);
      put(i, delta - prevDelta);
      prevDelta = delta;
    }
  }
  return bad ? null : out;
}

/** Bits the residuals cost with per-block parameters. */
function costOf(r: Float64Array, from: number): number {
  let bits = 0;
  for (let start = from; start < r.length; start += BLOCK) {
    const end = Math.min(r.length, start + BLOCK);
    let sum = 0;
    for (let i = start; i < end; i++) sum += r[i] as number;
    const k = riceParameter(sum, end - start);
    // riceBits per value, inlined: the quotient in unary plus k bits, or an escape.
    const div = 2 ** k;
    const escapeAt = ESCAPE_Q * div;
    bits += K_BITS + (end - start) * (k + 1);
    for (let i = start; i < end; i++) {
      const u = r[i] as number;
      bits += u < escapeAt ? Math.floor(u / div) : ESCAPE_BITS - k - 1;
    }
  }
  return bits;
}

function allSafeIntegers(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isSafeInteger(values[i])) return false;
  return true;
}

/** Appends the column to `w`. The count is the caller's (a chunk stores it once for all its columns). */
/** The greatest common divisor of every value's distance from the first (0 when all are equal, 1 when a distance is not exact). */
function commonStep(values: ArrayLike<number>): number {
  const first = values[0] as number;
  let g = 0;
  for (let i = 1; i < values.length && g !== 1; i++) {
    let a = Math.abs((values[i] as number) - first);
    if (!Number.isSafeInteger(a)) return 1; // the distance itself is not exact: no scaling
    let b = g;
    while (b !== 0) [a, b] = [b, a % b];
    g = a;
  }
  return g;
}

export function writeIntColumn(w: BitWriter, values: ArrayLike<number>, scaled = false): void {
  if (values.length === 0) {
    w.write(Predictor.Level, PREDICTOR_BITS);
    return;
  }
  const ints = allSafeIntegers(values);
  if (!scaled && ints && values.length > 2) {
    const step = commonStep(values);
    if (step > 1 && Number.isSafeInteger(step)) {
      const first = values[0] as number;
      const multiples = new Float64Array(values.length);
      for (let i = 0; i < values.length; i++) multiples[i] = ((values[i] as number) - first) / step;
      w.write(Predictor.Scaled, PREDICTOR_BITS);
      writeFloats(w, [first, step]);
      writeIntColumn(w, multiples, true);
      return;
    }
  }
  let best: { order: IntPredictor; r: Float64Array; a: Anchors; bits: number } | null = null;
  if (ints) {
    for (const order of INT_PREDICTORS) {
      const a = anchorsOf(values, order);
      const r = residuals(values, order, a);
      if (!r) continue;
      const bits = costOf(r, startOf(order)) + (hasStep(order) ? 64 : 0);
      if (!best || bits < best.bits) best = { order, r, a, bits };
    }
  }
  if (!best) {
    w.write(Predictor.Float, PREDICTOR_BITS);
    writeFloats(w, values);
    return;
  }
  const { order, r, a } = best;
  w.write(order, PREDICTOR_BITS);
  writeFloats(w, hasStep(order) ? [a.first, a.step] : [a.first]);
  for (let start = startOf(order); start < r.length; start += BLOCK) {
    const end = Math.min(r.length, start + BLOCK);
    let sum = 0;
    for (let i = start; i < end; i++) sum += r[i] as number;
    const k = riceParameter(sum, end - start);
    w.write(k, K_BITS);
    for (let i = start; i < end; i++) writeRice(w, r[i] as number, k);
  }
}

/** Reads `count` values written by writeIntColumn; on corrupt input returns what it could and sets `r.overrun`. */
export function readIntColumn(r: BitReader, count: number, scaled = false): Float64Array {
  const out = new Float64Array(count);
  const order = r.read(PREDICTOR_BITS) as Predictor;
  if (count === 0) return out;
  if (order === Predictor.Float) return readFloats(r, count);
  if (order === Predictor.Scaled && !scaled) {
    const [first, step] = readFloats(r, 2) as unknown as [number, number];
    const multiples = readIntColumn(r, count, true);
    for (let i = 0; i < count; i++) out[i] = first + (multiples[i] as number) * step;
    return out;
  }
  if (order > Predictor.Cadence) {
    r.overrun = true; // not a column this code wrote
    return out;
  }
  const first = (readFloats(r, 1)[0] as number) + 0;
  const step = hasStep(order) ? (readFloats(r, 1)[0] as number) : 0;
  out[0] = first;
  let prev = first;
  let prevDelta = 0;
  for (let start = startOf(order); start < count; start += BLOCK) {
    const end = Math.min(count, start + BLOCK);
    const k = r.read(K_BITS);
    for (let i = start; i < end; i++) {
      const res = unzigzag(readRice(r, k));
      let v: number;
      if (order === Predictor.Level) v = first + res;
      else if (order === Predictor.Cadence) v = Math.round(first + i * step) + res;
      else if (order === Predictor.Step) v = prev + step + res;
      else {
        const delta = prevDelta + res;
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
