/**
 * Point i's value, spread evenly over [0, span) with no pattern a predictor could learn (a murmur3
 * finaliser of i): tests that must fill a disk need values that stay incompressible, where a
 * linear sequence like (i · 7919) mod 4001 is coded in a tenth of a byte by the range coder.
 */
export function hashNoise(i: number, span: number): number {
  let h = Math.imul(i + 1, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % span;
}
