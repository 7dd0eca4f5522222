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
  const us = Math.round(tUs);
  // A positive whole µs below 2^53 prints exactly: three zeros make it ns without a BigInt.
  return us > 0 && us <= Number.MAX_SAFE_INTEGER ? `${us}000` : (BigInt(us) * 1000n).toString();
}

/**
 * isoFromUs for a run of times in order: the date and time up to the second is formatted once per
 * second (a CSV export formats millions of times; toISOString per row was most of its cost).
 */
export function isoFormatterUs(): (tUs: number) => string {
  let second = NaN;
  let prefix = '';
  return (tUs) => {
    const us = Math.round(tUs);
    const s = Math.floor(us / 1_000_000);
    if (s !== second) {
      second = s;
      prefix = new Date(s * 1000).toISOString().slice(0, 20);
    }
    return `${prefix}${String(us - s * 1_000_000).padStart(6, '0')}Z`;
  };
}

export function nsFromMs(tMs: number): string {
  return (BigInt(Math.round(tMs)) * 1_000_000n).toString();
}
