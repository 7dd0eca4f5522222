import { canonicalLabels, type Reading } from './series';

/**
 * Lets a reading of slowly changing state (port states, the grandmaster's class and priorities,
 * steps removed …) through when one of its values changed, when it has not been sent for
 * `heartbeatMs`, or after `reset()` (a gap: what follows must be said again). At 8 Hz the same ten
 * state values would otherwise be stored and sent 80 times a second per device; a step series
 * needs its changes, and the heartbeat keeps charts and /metrics fed over long quiet spells.
 */
export class ChangeGate {
  private lastKey: string | null = null;
  private lastSentMs = -Infinity;

  constructor(private readonly heartbeatMs = 10_000) {}

  /** True when `reading` should be kept; `nowMs` is monotonic. */
  pass(reading: Reading, nowMs: number): boolean {
    let key = '';
    for (const v of reading.values) key += `${v.metric}${v.labels ? canonicalLabels(v.labels) : ''}=${v.value}/${v.flags ?? 0};`;
    if (key === this.lastKey && nowMs - this.lastSentMs < this.heartbeatMs) return false;
    this.lastKey = key;
    this.lastSentMs = nowMs;
    return true;
  }

  reset(): void {
    this.lastKey = null;
  }
}
