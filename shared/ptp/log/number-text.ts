/**
 * Number() of number texts a pattern has already checked, without the engine's general string
 * conversion (a runtime call that was most of the per-sample line's cost). Each gives exactly what
 * Number() gives for the same text: digits are accumulated only while the result stays exact
 * (≤ 15 digits, or a decimal's digits ≤ 2^53 divided by an exact power of ten, which IEEE division
 * rounds once, as Number() does); longer texts go to Number() itself.
 */

const EXACT_DIGITS = 15;
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** `[+-]?\d+` (as checked by the caller's pattern). */
export function integerText(text: string): number {
  const c = text.charCodeAt(0);
  const start = c === 45 || c === 43 ? 1 : 0;
  if (text.length - start > EXACT_DIGITS) return Number(text);
  let value = 0;
  for (let i = start; i < text.length; i++) value = value * 10 + (text.charCodeAt(i) - 48);
  return c === 45 ? -value : value;
}

/** `\d+\.\d+` (as checked by the caller's pattern), e.g. linuxptp's `[575.349]` seconds. */
export function decimalText(text: string): number {
  const dot = text.indexOf('.');
  const fractionDigits = text.length - dot - 1;
  if (dot < 0 || text.length - 1 > EXACT_DIGITS || fractionDigits > EXACT_DIGITS) return Number(text);
  let mantissa = 0;
  for (let i = 0; i < text.length; i++) if (i !== dot) mantissa = mantissa * 10 + (text.charCodeAt(i) - 48);
  return mantissa / (POW10[fractionDigits] ?? 1);
}
