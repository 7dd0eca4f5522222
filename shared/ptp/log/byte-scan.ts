/**
 * Reads a line's message that is a fixed sequence of `<word> <number>` fields (linuxptp's sample
 * and summary lines) from the bytes it arrived in, as data: each field is a word to match exactly,
 * whether spaces (` +`) follow it, and the number's shape (`\d{1,max}`, `-?\d{1,max}` or
 * `[+-]?\d{1,max}`). One loop does it all, with no call per step, no string and no object: bytes
 * are read straight from the chunk (no string representation to dispatch on per character), words
 * are compared four bytes at a time (~10 % of a sample line's scan), and a
 * number's digits are accumulated while the value stays exact (≤ 15 digits); longer ones go through
 * Number() of their exact text, so both ways give what Number() gives, `-0` included.
 */

/** Made by numberField. */
export interface NumberField {
  /** The word before the number: its length, its bytes four at a time (little-endian), and the bytes after the last four. */
  wordLength: number;
  quads: Uint32Array;
  tail: Uint8Array;
  /** ` +` between the word and the number. */
  spaces: boolean;
  sign: 'none' | 'minus' | 'plus-minus';
  maxDigits: number;
}

const EXACT_DIGITS = 15;
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * Where the scans put their numbers: a plain array of tagged values, so a number that fits a small
 * integer stays one (a Float64Array, or an array of doubles, would box every number read from it,
 * and the records made from them would carry a heap number per field).
 */
export type ScanValues = number[];

export function scanValues(length: number): ScanValues {
  // Made with nulls, the array's elements stay generic when the numbers are written in.
  return Array<unknown>(length).fill(null) as number[];
}

let viewed: Uint8Array | null = null;
let view: DataView = new DataView(new ArrayBuffer(0));

/** A DataView of the bytes (a chunk's lines share one), to compare words four bytes at a time. */
function viewOf(bytes: Uint8Array): DataView {
  if (bytes !== viewed) {
    viewed = bytes;
    view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  return view;
}

/** A field whose word is the ASCII `word`. */
export function numberField(word: string, spaces: boolean, sign: NumberField['sign'], maxDigits: number): NumberField {
  const bytes = asciiBytes(word);
  const quadCount = bytes.length >> 2;
  const quads = new Uint32Array(quadCount);
  const data = new DataView(bytes.buffer);
  for (let i = 0; i < quadCount; i++) quads[i] = data.getUint32(i * 4, true);
  return { wordLength: bytes.length, quads, tail: bytes.slice(quadCount * 4), spaces, sign, maxDigits };
}

function asciiBytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

let runValue = 0;

/** The end of the digits at `at`; their value, as more digits of `carry`, is left in runValue (exact up to 15 digits in all). */
function digitRun(bytes: Uint8Array, at: number, end: number, carry: number): number {
  let value = carry;
  for (; at < end; at++) {
    const d = (bytes[at] ?? 0) - 48;
    if (d < 0 || d > 9) break;
    value = value * 10 + d;
  }
  runValue = value;
  return at;
}

/**
 * Reads `fields` from `at` into `values` and returns how many it read when the line ends right
 * after one of them (the rest are optional to the caller), or -1 when the bytes are not this shape.
 */
export function scanFields(bytes: Uint8Array, at: number, end: number, fields: readonly NumberField[], values: ScanValues): number {
  const view = viewOf(bytes);
  for (let f = 0; f < fields.length; f++) {
    if (at === end && f > 0) return f;
    const field = fields[f]!;
    if (at + field.wordLength > end) return -1;
    const quads = field.quads;
    for (let i = 0; i < quads.length; i++, at += 4) if (view.getUint32(at, true) !== quads[i]) return -1;
    const tail = field.tail;
    for (let i = 0; i < tail.length; i++, at++) if (bytes[at] !== tail[i]) return -1;
    if (field.spaces) {
      if (at >= end || bytes[at] !== 32) return -1;
      do at++;
      while (at < end && bytes[at] === 32);
    }
    const c = bytes[at];
    const minus = field.sign !== 'none' && c === 45;
    if (minus || (field.sign === 'plus-minus' && c === 43)) at++;
    const start = at;
    at = digitRun(bytes, at, end, 0);
    const n = at - start;
    if (n === 0 || n > field.maxDigits) return -1;
    const value = n > EXACT_DIGITS ? Number(asciiText(bytes, start, at)) : runValue;
    values[f] = minus ? -value : value;
  }
  return at === end ? fields.length : -1;
}

/**
 * `\d{1,intMax}\.\d{1,fracMax}` at `at` as Number() reads it (digits ≤ 2^53 divided once by an exact
 * power of ten), into `values[0]`; returns the position after it, or -1.
 */
export function scanDecimal(bytes: Uint8Array, at: number, end: number, intMax: number, fracMax: number, values: ScanValues): number {
  const start = at;
  at = digitRun(bytes, at, end, 0);
  const wholeDigits = at - start;
  if (wholeDigits === 0 || wholeDigits > intMax || at >= end || bytes[at] !== 46) return -1;
  const dot = at;
  at = digitRun(bytes, dot + 1, end, runValue);
  const mantissa = runValue;
  const fracDigits = at - dot - 1;
  if (fracDigits === 0 || fracDigits > fracMax) return -1;
  values[0] = wholeDigits + fracDigits > EXACT_DIGITS ? Number(asciiText(bytes, start, at)) : mantissa / (POW10[fracDigits] ?? 1);
  return at;
}

/** Bytes a scan has checked to be ASCII, as a string. */
export function asciiText(bytes: Uint8Array, start: number, end: number): string {
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i] ?? 0);
  return text;
}
