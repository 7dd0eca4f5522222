import type { Reading, ReadingValue } from './series';

/**
 * Lets each value of a state reading (port states, the grandmaster's data set, message counters …)
 * through when it changed, when that series has not been sent for `heartbeatMs`, or after `reset()`
 * (a gap: what follows must be said again). Per value, not per reading: at 1 Hz a slave's rx_Sync
 * counter changes every second while its twenty other counters and ten state values do not, and
 * storing, exporting and sending those again every second was most of the collection's work. A
 * step series still gets every change, and the heartbeat keeps charts and /metrics fed.
 */
export class ValueGate {
  private readonly last = new Map<string, { value: number | null; flags: number; sentMs: number }>();

  constructor(private readonly heartbeatMs = 10_000) {}

  /** The reading with only the values to keep, or null when none is; `nowMs` is monotonic. */
  filter(reading: Reading, nowMs: number): Reading | null {
    let kept: ReadingValue[] | null = null;
    for (let i = 0; i < reading.values.length; i++) {
      const v = reading.values[i]!;
      const key = keyOf(v);
      const flags = v.flags ?? 0;
      const was = this.last.get(key);
      const keep = !was || was.value !== v.value || was.flags !== flags || nowMs - was.sentMs >= this.heartbeatMs;
      if (!keep) {
        kept ??= reading.values.slice(0, i);
        continue;
      }
      if (was) {
        was.value = v.value;
        was.flags = flags;
        was.sentMs = nowMs;
      } else this.last.set(key, { value: v.value, flags, sentMs: nowMs });
      kept?.push(v);
    }
    if (kept === null) return reading;
    return kept.length > 0 ? { ...reading, values: kept } : null;
  }

  reset(): void {
    this.last.clear();
  }
}

/** The series of a value within one instance: its metric and labels, in the order the reading lists them. */
function keyOf(v: ReadingValue): string {
  if (!v.labels) return v.metric;
  let key = v.metric;
  for (const k in v.labels) key += `\u0000${k}=${v.labels[k]}`;
  return key;
}
