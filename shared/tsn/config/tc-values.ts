/**
 * The small value types every qdisc model shares, checked the way the kernel and iproute2 read
 * them: interface names (IFNAMSIZ), qdisc handles (hex), 32-bit and 64-bit integers (64-bit ones are
 * decimal strings, as JS numbers lose precision beyond 2^53 and a TAI base-time is ~1.7e18), and
 * the clock ids taprio and etf accept.
 */

/** The one interface-name rule every TSN command shares (`eth0; reboot` is refused, never quoted). */
export { isInterfaceName } from '../stats/interface-name';

/** A qdisc handle major as tc reads it (`100`, `8001`): 1–4 hex digits, not 0 (`100:` is printed back). */
export function isQdiscHandle(handle: string): boolean {
  return /^[0-9a-fA-F]{1,4}$/.test(handle) && Number.parseInt(handle, 16) !== 0;
}

/** A class id a child qdisc hangs from (`100:4`): major and minor in hex. */
export function isClassId(parent: string): boolean {
  return /^[0-9a-fA-F]{1,4}:[0-9a-fA-F]{1,4}$/.test(parent) && Number.parseInt(parent.split(':')[0] ?? '0', 16) !== 0;
}

/** tc prints a handle `%x:` and a class id `%x:%x`: lower-case hex without leading zeros. */
export function printedHandle(handle: string): string {
  return `${Number.parseInt(handle, 16).toString(16)}:`;
}
export function printedClassId(parent: string): string {
  const [major = '0', minor = '0'] = parent.split(':');
  return `${Number.parseInt(major, 16).toString(16)}:${Number.parseInt(minor, 16).toString(16)}`;
}

export const U32_MAX = 0xffff_ffff;
export const S32_MIN = -0x8000_0000;
export const S32_MAX = 0x7fff_ffff;
export const S64_MIN = -(2n ** 63n);
export const S64_MAX = 2n ** 63n - 1n;

export const isIntegerIn = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** A decimal integer string within the signed 64-bit range (`-0`, `+1`, `1e3`, ` 1` are not). */
export function isS64Decimal(v: unknown): v is string {
  if (typeof v !== 'string' || !/^-?(0|[1-9]\d{0,18})$/.test(v)) return false;
  const n = BigInt(v);
  return n >= S64_MIN && n <= S64_MAX;
}

/** A JSON or model number as a 64-bit decimal string, exactly (bigint, safe integer or digit string). */
export function decimalOf(v: unknown): string | null {
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  if (typeof v === 'string' && isS64Decimal(v)) return v;
  return null;
}

/** Clock ids by the names iproute2 prints (`get_clock_name`: no `CLOCK_` prefix). */
export const CLOCK_IDS = ['TAI', 'REALTIME', 'BOOTTIME', 'MONOTONIC'] as const;
export type ClockId = (typeof CLOCK_IDS)[number];

/** What tc accepts after `clockid`, with or without `CLOCK_`, any case (q_taprio.c/q_etf.c get_clockid). */
export function clockIdOf(word: string): ClockId | null {
  const bare = word.replace(/^CLOCK_/i, '').toUpperCase();
  return (CLOCK_IDS as readonly string[]).includes(bare) ? (bare as ClockId) : null;
}

/** Bits a traffic-class count allows in a gate mask (`num_tc` 3 → 0b111). */
export const maskOfTcs = (numTc: number): number => (numTc >= 32 ? U32_MAX : (1 << numTc) - 1) >>> 0;

/** The gate mask as tc's JSON prints it (`print_0xhex`, `%#llx`): `0x5f`, and `0` for none open. */
export const printedMask = (mask: number): string => (mask === 0 ? '0' : `0x${(mask >>> 0).toString(16)}`);

/** A gate mask as tc reads it on the command line (`get_u32(…, 16)`): hex with or without `0x`. */
export function maskOfText(text: string): number | null {
  const m = /^(?:0[xX])?([0-9a-fA-F]{1,8})$/.exec(text);
  return m?.[1] ? Number.parseInt(m[1], 16) : null;
}
