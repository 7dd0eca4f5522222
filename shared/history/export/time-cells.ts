/** Times as exports write them: ISO 8601 UTC (with the µs the store keeps) and whole ns since the epoch. */

/** `2026-12-07T21:17:02.123456Z` from µs since the epoch. */
export function isoFromUs(tUs: number): string {
  const us = Math.round(tUs);
  const ms = Math.floor(us / 1000);
  const sub = us - ms * 1000;
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, -1)}${String(sub).padStart(3, '0')}Z`;
}

export function isoFromMs(tMs: number): string {
  return new Date(Math.round(tMs)).toISOString();
}

/** Whole ns since the epoch as decimal text (beyond 2^53: a JS number cannot hold it exactly). */
export function nsFromUs(tUs: number): string {
  return (BigInt(Math.round(tUs)) * 1000n).toString();
}

export function nsFromMs(tMs: number): string {
  return (BigInt(Math.round(tMs)) * 1_000_000n).toString();
}
