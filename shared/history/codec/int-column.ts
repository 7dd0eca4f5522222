import { BitReader, BitWriter } from './bit-stream';
import { bitLength, decodeResiduals, encodeResiduals } from './adaptive-residuals';
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
  /**
   * Range coding only: each value around the least-squares line through the column (an integer
   * intercept and span), every value a residual. The line through the first and last points lets
   * their jitter tilt it, which spreads every residual of ms-stamped times by up to a few ms.
   */
  Fit = 6,
}
const PREDICTOR_BITS = 3;
type IntPredictor = Predictor.Level | Predictor.Step | Predictor.StepChange | Predictor.Cadence | Predictor.Fit;
const INT_PREDICTORS: Record<ResidualCoding, readonly IntPredictor[]> = {
  rice: [Predictor.Level, Predictor.Step, Predictor.StepChange, Predictor.Cadence],
  range: [Predictor.Level, Predictor.Step, Predictor.StepChange, Predictor.Cadence, Predictor.Fit],
};
/** Predictors that store a step (or a span) beside their first value. */
const hasStep = (order: Predictor): boolean => order === Predictor.Step || order === Predictor.Cadence || order === Predictor.Fit;
/** Predictors whose values lie around a line first + i · step (step = span / (count − 1)). */
const onLine = (order: Predictor): boolean => order === Predictor.Cadence || order === Predictor.Fit;

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
  if (order === Predictor.Fit) return fittedLine(values);
  if (order === Predictor.Step) return { first, step: roundedMean(span, n - 1) };
  return { first, step: 0 };
}

/** The first residual index: Level codes every value; the others start after the stored first value. */
const startOf = (order: Predictor): number => (order === Predictor.Level || order === Predictor.Fit ? 0 : 1);

/** The least-squares line as an integer intercept and an integer span over the column (so its step is span / (n − 1)). */
function fittedLine(values: ArrayLike<number>): Anchors {
  const n = values.length;
  const first = values[0] as number;
  if (n < 2) return { first, step: 0 };
  // Sums of the offsets from the first value keep the arithmetic small and exact enough.
  const meanI = (n - 1) / 2;
  let meanY = 0;
  for (let i = 0; i < n; i++) meanY += (values[i] as number) - first;
  meanY /= n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const di = i - meanI;
    sxy += di * ((values[i] as number) - first - meanY);
    sxx += di * di;
  }
  const span = Math.round((sxy / sxx) * (n - 1));
  const intercept = first + Math.round(meanY - (span / (n - 1)) * meanI);
  return Number.isSafeInteger(span) && Number.isSafeInteger(intercept) ? { first: intercept, step: span / (n - 1) } : { first, step: 0 };
}

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
  } else if (onLine(order)) {
    for (let i = startOf(order); i < n; i++) put(i, (values[i] as number) - Math.round(a.first + i * a.step));
  } else if (order === Predictor.Step) {
    for (let i = 1; i < n; i++) {
      // A difference past 2^53 (from near -2^53 to near 2^53) is not exact: no step predictor then.
      const delta = (values[i] as number) - (values[i - 1] as number);
      if (!Number.isSafeInteger(delta)) bad = true;
      put(i, delta - a.step);
    }
  } else {
    let prevDelta = 0;
    for (let i = 1; i < n; i++) {
      const delta = (values[i] as number) - (values[i - 1] as number);
      if (!Number.isSafeInteger(delta)) bad = true;
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

const lengthCounts = new Float64Array(64);

/**
 * Bits the range coder would spend, nearly: the order-0 entropy of the residuals' bit lengths plus
 * the bits below each leading one. Rice's cost is a poor guide here: it prices the small jitter of
 * ms times at a bit or more a point whatever its spread, so it picked the wrong predictor for them.
 */
function rangeCostOf(r: Float64Array, from: number): number {
  lengthCounts.fill(0);
  let mantissa = 0;
  for (let i = from; i < r.length; i++) {
    const b = bitLength(r[i] as number);
    lengthCounts[b] = (lengthCounts[b] as number) + 1;
    if (b > 1) mantissa += b - 1;
  }
  const n = r.length - from;
  let bits = mantissa;
  for (const c of lengthCounts) if (c > 0) bits -= c * Math.log2(c / n);
  return bits;
}

/** Safe integers only (a -0, as Math.round leaves small negative offsets, counts as 0 and comes back as 0). */
function allSafeIntegers(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isSafeInteger(values[i])) return false;
  return true;
}

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

/**
 * How residuals are coded: Rice with one parameter per block (chunk format 1), or the adaptive range
 * coder (format 2), as a byte count and the coder's bytes.
 */
export type ResidualCoding = 'rice' | 'range';

interface Prediction {
  order: IntPredictor;
  r: Float64Array;
  a: Anchors;
  bits: number;
}

/** A predictor's anchors, residuals and (estimated) cost on `values`, or null where it is not exact. */
function predict(values: ArrayLike<number>, order: IntPredictor, coding: ResidualCoding): Prediction | null {
  const a = anchorsOf(values, order);
  // Range coding keeps a cadence's span (an integer) where Rice kept its fractional step.
  if (coding === 'range' && !Number.isSafeInteger(anchorInts(values, order, a)[1] ?? 0)) return null;
  const r = residuals(values, order, a);
  if (!r) return null;
  const bits = coding === 'range' ? rangeCostOf(r, startOf(order)) : costOf(r, startOf(order)) + (hasStep(order) ? 64 : 0);
  return { order, r, a, bits };
}

/** Values a range-coded column's predictors are first compared on: a long column's first points tell them apart as well as all would. */
const SAMPLE = 1024;

/**
 * The cheapest exact predictor. Range coding ranks the predictors on the column's first SAMPLE
 * values and works out only the winner on the whole column (the next one if the winner is not
 * exact there): trying all five on 4,800 points was a fifth of an 8 Hz ingest's CPU.
 */
function bestPredictor(values: ArrayLike<number>, coding: ResidualCoding): Prediction | null {
  const orders = INT_PREDICTORS[coding];
  if (coding === 'range' && values.length > 2 * SAMPLE) {
    const sample = Array.prototype.slice.call(values, 0, SAMPLE) as number[];
    const ranked = orders.map((order) => ({ order, bits: predict(sample, order, coding)?.bits ?? Infinity })).sort((x, y) => x.bits - y.bits);
    for (const { order } of ranked) {
      const p = predict(values, order, coding);
      if (p) return p;
    }
    return null;
  }
  let best: Prediction | null = null;
  for (const order of orders) {
    const p = predict(values, order, coding);
    if (p && (!best || p.bits < best.bits)) best = p;
  }
  return best;
}

/** Appends the column to `w`. The count is the caller's (a chunk stores it once for all its columns). */
export function writeIntColumn(w: BitWriter, values: ArrayLike<number>, coding: ResidualCoding = 'rice', scaled = false): void {
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
      writeAnchors(w, [first, step], coding);
      writeIntColumn(w, multiples, coding, true);
      return;
    }
  }
  const best = ints ? bestPredictor(values, coding) : null;
  if (!best) {
    w.write(Predictor.Float, PREDICTOR_BITS);
    writeFloats(w, values);
    return;
  }
  const { order, r, a } = best;
  w.write(order, PREDICTOR_BITS);
  if (coding === 'range') {
    writeAnchors(w, anchorInts(values, order, a), coding);
    const bytes = encodeResiduals(r, startOf(order));
    writeCompactInt(w, bytes.length);
    for (let i = 0; i < bytes.length; i++) w.write(bytes[i] as number, 8);
    return;
  }
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
export function readIntColumn(r: BitReader, count: number, coding: ResidualCoding = 'rice', scaled = false): Float64Array {
  const out = new Float64Array(count);
  const order = r.read(PREDICTOR_BITS) as Predictor;
  if (count === 0) return out;
  if (order === Predictor.Float) return readFloats(r, count);
  if (order === Predictor.Scaled && !scaled) {
    const [first, step] = readAnchors(r, 2, coding) as unknown as [number, number];
    const multiples = readIntColumn(r, count, coding, true);
    for (let i = 0; i < count; i++) out[i] = first + (multiples[i] as number) * step;
    return out;
  }
  if (order > Predictor.Cadence && !(coding === 'range' && order === Predictor.Fit)) {
    r.overrun = true; // not a column this code wrote
    return out;
  }
  if (coding === 'range') {
    const [first, second] = readAnchors(r, hasStep(order) ? 2 : 1, coding) as unknown as [number, number | undefined];
    out[0] = first;
    const step = onLine(order) ? (count > 1 ? (second ?? 0) / (count - 1) : 0) : (second ?? 0);
    return readRangeCoded(r, out, order, first, step);
  }
  const first = (readFloats(r, 1)[0] as number) + 0;
  const step = hasStep(order) ? (readFloats(r, 1)[0] as number) : 0;
  out[0] = first;
  for (let start = startOf(order); start < count; start += BLOCK) {
    const end = Math.min(count, start + BLOCK);
    const k = r.read(K_BITS);
    for (let i = start; i < end; i++) out[i] = readRice(r, k);
    if (r.overrun) break;
  }
  return predicted(out, order, first, step);
}

/** The residuals of a range-coded column, then the values they predict (out[0] holds the first). */
function readRangeCoded(r: BitReader, out: Float64Array, order: Predictor, first: number, step: number): Float64Array {
  const length = readCompactInt(r);
  // Every coded byte is in the chunk: a length beyond what is left is a corrupt column.
  if (r.overrun || length < 0 || length > r.bitsLeft / 8) {
    r.overrun = true;
    return out;
  }
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = r.read(8);
  if (!decodeResiduals(bytes, out, startOf(order))) r.overrun = true;
  return predicted(out, order, first, step);
}

/**
 * Turns zigzagged residuals (out[startOf(order)] onwards; out[0] holds the first value) into the
 * values, in place. A step is added to its residual before the previous value, as the encoder
 * subtracted them: prev + step could pass 2^53 where the value itself does not.
 */
function predicted(out: Float64Array, order: Predictor, first: number, step: number): Float64Array {
  let prev = first;
  let prevDelta = 0;
  for (let i = startOf(order); i < out.length; i++) {
    const res = unzigzag(out[i] as number);
    let v: number;
    if (order === Predictor.Level) v = first + res;
    else if (onLine(order)) v = Math.round(first + i * step) + res;
    else if (order === Predictor.Step) v = prev + (step + res);
    else {
      const delta = prevDelta + res;
      v = prev + delta;
      prevDelta = delta;
    }
    out[i] = v;
    prev = v;
  }
  return out;
}

/**
 * The anchors range coding stores, all integers: the first value (Level: the mean), then a Step's
 * whole mean step or a Cadence's span (last − first; the step is span / (count − 1) on both sides).
 */
function anchorInts(values: ArrayLike<number>, order: IntPredictor, a: Anchors): number[] {
  if (order === Predictor.Cadence) return [a.first, (values[values.length - 1] as number) - a.first];
  if (order === Predictor.Fit) return [a.first, Math.round(a.step * (values.length - 1))];
  return order === Predictor.Step ? [a.first, a.step] : [a.first];
}

function writeAnchors(w: BitWriter, anchors: readonly number[], coding: ResidualCoding): void {
  if (coding === 'rice') writeFloats(w, anchors);
  else for (const a of anchors) writeCompactInt(w, a);
}

function readAnchors(r: BitReader, count: number, coding: ResidualCoding): Float64Array {
  if (coding === 'rice') return readFloats(r, count);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = readCompactInt(r);
  return out;
}

/** A safe integer in a sign bit and the Elias gamma code of |v| + 1: 3 bits for 0, 2·log2|v| + 2 for the rest. */
function writeCompactInt(w: BitWriter, v: number): void {
  w.write(v < 0 ? 1 : 0, 1);
  const x = Math.abs(v) + 1;
  const n = bitLength(x);
  w.writeUnary(n - 1);
  w.writeWide(x - 2 ** (n - 1), n - 1);
}

function readCompactInt(r: BitReader): number {
  const negative = r.read(1) === 1;
  const n = r.readUnary(53) + 1;
  if (r.overrun || n > 54) {
    r.overrun = true;
    return 0;
  }
  const x = 2 ** (n - 1) + r.readWide(n - 1);
  return negative ? -(x - 1) : x - 1;
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
export function encodeInts(values: ArrayLike<number>, coding: ResidualCoding = 'rice'): Uint8Array {
  const w = new BitWriter(values.length * 2 + 16);
  writeIntColumn(w, values, coding);
  return w.finish();
}

export function decodeInts(bytes: Uint8Array, count: number, coding: ResidualCoding = 'rice'): { values: Float64Array; ok: boolean } {
  const r = new BitReader(bytes);
  const values = readIntColumn(r, count, coding);
  return { values, ok: !r.overrun };
}
