/**
 * A binary range coder (the carry-propagating kind LZMA uses): adaptive bits whose probabilities
 * are learned from counts as they go, and direct bits at one half. It codes a symbol in close to its
 * information content, where a Rice code pays a whole bit or more per value: the ms arrival jitter
 * of an 8 Hz poll carries ~0.7 bit a point, which Rice cannot code in less than 1.
 *
 * A model bit keeps two counts (zeros, ones) and codes with the Krichevsky–Trofimov estimate
 * (c + ½) / (n + 1), which learns a fixed distribution at the least cost (½ log2 n bits in all);
 * counts are halved past HALVE_AT so a drifting distribution is followed too.
 */
const PROB_BITS = 12;
const PROB_ONE = 1 << PROB_BITS;
const HALVE_AT = 4096;
const TOP = 2 ** 24;
const TWO_32 = 2 ** 32;

/** A fresh model of `size` adaptive bits, each with no counts (one half). */
export function newModel(size: number): Uint16Array {
  return new Uint16Array(size * 2);
}

/** P(zero) of model bit i in PROB_BITS bits, never 0 or 1. */
function probOfZero(model: Uint16Array, i: number): number {
  const zeros = model[2 * i] as number;
  const total = zeros + (model[2 * i + 1] as number);
  const p = Math.floor(((2 * zeros + 1) * PROB_ONE) / (2 * total + 2));
  return p < 1 ? 1 : p > PROB_ONE - 1 ? PROB_ONE - 1 : p;
}

function count(model: Uint16Array, i: number, bit: number): void {
  const at = 2 * i + bit;
  model[at] = (model[at] as number) + 1;
  if ((model[2 * i] as number) + (model[2 * i + 1] as number) > HALVE_AT) {
    model[2 * i] = (model[2 * i] as number) >>> 1;
    model[2 * i + 1] = (model[2 * i + 1] as number) >>> 1;
  }
}

export class RangeEncoder {
  /** Up to 2^32 + a carry: a plain number holds it exactly. */
  private low = 0;
  private range = 0xffffffff;
  private cache = 0;
  private cacheSize = 1;
  private buf: Uint8Array;
  private len = 0;

  constructor(initialBytes = 64) {
    this.buf = new Uint8Array(Math.max(16, initialBytes));
  }

  /** Codes `bit` with model bit i, then counts it. */
  bit(model: Uint16Array, i: number, bit: number): void {
    const bound = (this.range >>> PROB_BITS) * probOfZero(model, i);
    if (bit === 0) {
      this.range = bound;
    } else {
      this.low += bound;
      this.range -= bound;
    }
    count(model, i, bit);
    while (this.range < TOP) {
      this.range = (this.range * 256) >>> 0;
      this.shiftLow();
    }
  }

  /** Codes the low `n` bits of a non-negative safe integer at probability one half each, most significant first. */
  direct(value: number, n: number): void {
    for (let i = n - 1; i >= 0; i--) {
      const bit = i < 31 ? (value >>> i) & 1 : Math.floor(value / 2 ** i) % 2;
      this.range = this.range >>> 1;
      if (bit === 1) this.low += this.range;
      while (this.range < TOP) {
        this.range = (this.range * 256) >>> 0;
        this.shiftLow();
      }
    }
  }

  finish(): Uint8Array {
    for (let i = 0; i < 5; i++) this.shiftLow();
    return this.buf.slice(0, this.len);
  }

  private shiftLow(): void {
    const low = this.low;
    if (low < 0xff000000 || low >= TWO_32) {
      const carry = low >= TWO_32 ? 1 : 0;
      let temp = this.cache;
      do {
        this.push((temp + carry) & 0xff);
        temp = 0xff;
      } while (--this.cacheSize !== 0);
      this.cache = Math.floor(low / TOP) & 0xff;
    }
    this.cacheSize++;
    this.low = (low % TOP) * 256;
  }

  private push(b: number): void {
    if (this.len === this.buf.length) {
      const grown = new Uint8Array(this.buf.length * 2);
      grown.set(this.buf);
      this.buf = grown;
    }
    this.buf[this.len++] = b;
  }
}

export class RangeDecoder {
  private code = 0;
  private range = 0xffffffff;
  private at = 0;
  /** Set once the coder wanted bytes past the end: what it decoded since is not to be trusted. */
  overrun = false;

  constructor(private readonly bytes: Uint8Array) {
    for (let i = 0; i < 5; i++) this.code = ((this.code * 256) % TWO_32) + this.next();
  }

  bit(model: Uint16Array, i: number): number {
    const bound = (this.range >>> PROB_BITS) * probOfZero(model, i);
    let bit: number;
    if (this.code < bound) {
      this.range = bound;
      bit = 0;
    } else {
      this.code -= bound;
      this.range -= bound;
      bit = 1;
    }
    count(model, i, bit);
    while (this.range < TOP) {
      this.range = (this.range * 256) >>> 0;
      this.code = ((this.code * 256) % TWO_32) + this.next();
    }
    return bit;
  }

  direct(n: number): number {
    let value = 0;
    for (let i = 0; i < n; i++) {
      this.range = this.range >>> 1;
      let bit = 0;
      if (this.code >= this.range) {
        this.code -= this.range;
        bit = 1;
      }
      value = value * 2 + bit;
      while (this.range < TOP) {
        this.range = (this.range * 256) >>> 0;
        this.code = ((this.code * 256) % TWO_32) + this.next();
      }
    }
    return value;
  }

  private next(): number {
    if (this.at < this.bytes.length) return this.bytes[this.at++] as number;
    this.overrun = true;
    return 0;
  }
}
