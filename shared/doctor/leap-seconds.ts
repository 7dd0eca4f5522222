/**
 * The IERS leap-seconds.list (tzdata's /usr/share/zoneinfo/leap-seconds.list, or the file given to
 * ptp4l/ts2phc's `leapfile`): its `#@` line is the expiry as an NTP timestamp (seconds since 1900).
 * An expired file made ts2phc fail on grandmasters (reference.md §6); a device should get a newer tzdata.
 */
const NTP_TO_UNIX_S = 2_208_988_800;

export interface LeapFile {
  /** ms since the epoch; null when the file has no readable `#@` line. */
  expiresAtMs: number | null;
  /** TAI − UTC after the last listed leap second (37 since 2017). */
  taiMinusUtcS: number | null;
}

export function parseLeapSecondsList(text: string): LeapFile {
  let expiresAtMs: number | null = null;
  let taiMinusUtcS: number | null = null;
  for (const line of text.split('\n').slice(0, 2000)) {
    const expiry = /^#@\s+(\d{10,11})\s*$/.exec(line);
    if (expiry) expiresAtMs = (Number(expiry[1]) - NTP_TO_UNIX_S) * 1000;
    const entry = /^(\d{10,11})\s+(\d{1,3})\b/.exec(line);
    if (entry) taiMinusUtcS = Number(entry[2]);
  }
  return { expiresAtMs, taiMinusUtcS };
}
