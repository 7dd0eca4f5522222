import type { BitReader, BitWriter } from './bit-stream';

/**
 * Golomb–Rice coding of non-negative integers: quotient in unary, remainder in k bits. For the
 * two-sided geometric (Laplacian-like) residuals of PTP series it lands within a few percent of the
 * entropy when k is chosen per block from the block's mean. A quotient past ESCAPE_Q is followed by
 * the value itself in 53 bits, so one outlier (a clock step) costs ~11 bytes, not megabits.
 */
export const ESCAPE_Q = 24;
const WIDE_BITS = 53;
export const MAX_K = 40;

/** Zigzag: 0, -1, 1, -2, 2 … → 0, 1, 2, 3, 4 … (exact for |v| < 2^52). */
export function zigzag(v: number): number {
  return v >= 0 ? v * 2 : -v * 2 - 1;
}

export function unzigzag(u: number): number {
  return u % 2 === 0 ? u / 2 : -(u + 1) / 2;
}

/** The Rice parameter minimising the expected length for values with this mean (Kiely's rule, clamped). */
export function riceParameter(sum: number, count: number): number {
  if (count === 0) return 0;
  const mean = sum / count;
  if (mean < 1) return 0;
  // k ≈ log2(mean · ln 2) is optimal for geometric data; floor of log2(mean) is within 0.03 bit of it.
  const k = Math.floor(Math.log2(mean * Math.LN2 + 1));
  return k > MAX_K ? MAX_K : k;
}

/** 2^k for every parameter (k ≤ MAX_K), so coding a value costs no exponentiation. */
const POW2 = Array.from({ length: MAX_K + 1 }, (_, k) => 2 ** k);

export function writeRice(w: BitWriter, u: number, k: number): void {
  const div = POW2[k] as number;
  const q = k === 0 ? u : Math.floor(u / div);
  if (q >= ESCAPE_Q) {
    w.writeUnary(ESCAPE_Q);
    w.writeWide(u, WIDE_BITS);
    return;
  }
  w.writeUnary(q);
  if (k > 0) w.writeWide(u - q * div, k);
}

export function readRice(r: BitReader, k: number): number {
  const q = r.readUnary(ESCAPE_Q);
  if (q >= ESCAPE_Q) return r.readWide(WIDE_BITS);
  return k === 0 ? q : q * 2 ** k + r.readWide(k);
}

/** Bits writeRice would use, without writing (for choosing between encodings). */
export function riceBits(u: number, k: number): number {
  const q = k === 0 ? u : Math.floor(u / 2 ** k);
  return q >= ESCAPE_Q ? ESCAPE_Q + 1 + WIDE_BITS : q + 1 + k;
}
