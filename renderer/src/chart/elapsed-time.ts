/**
 * Times of a log that gave only linuxptp's `[seconds]` (time since the device booted, no date), as
 * the charts write them: hours:minutes:seconds since boot, with tenths when the span is that short.
 */
export function elapsedText(sec: number, withTenths = false): string {
  const sign = sec < 0 ? '-' : '';
  const abs = Math.abs(sec);
  const whole = Math.floor(abs);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const tenths = withTenths ? `.${Math.floor((abs - whole) * 10)}` : '';
  return `${sign}${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}${tenths}`;
}
