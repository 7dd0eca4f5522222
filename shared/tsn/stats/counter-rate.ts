/**
 * Counter → rate per second, across what real devices do to counters: a 32-bit counter wraps
 * (gnet_stats' packets and drops, /proc/net/dev on a 32-bit kernel), a driver or a qdisc replace
 * starts one over, a reboot starts them all over. A reset is reported as such and gives no rate for
 * that interval: never a negative rate, never a spike of 2^32.
 */
export type CounterStep =
  | { kind: 'first' }
  | { kind: 'rate'; perSecond: number; delta: number }
  | { kind: 'wrap'; perSecond: number; delta: number; bits: 32 | 64 }
  | { kind: 'reset'; reason: 'went-back' | 'reboot'; from: number; to: number };

export interface CounterLimits {
  /** The fastest this counter can honestly move (e.g. a link's bytes/s): a "wrap" needing more is a reset. */
  maxPerSecond: number;
}

const TWO_32 = 2 ** 32;
const TWO_64 = 2 ** 64;

/**
 * One step of one counter. `bootId` is anything that changes when the device reboots (its
 * /proc/stat btime): a change makes the step a reset whatever the values say. A counter that went
 * back is a wrap only when the wrapped distance is under half its range and under `maxPerSecond`
 * for the elapsed time; otherwise it was reset.
 */
export function counterStep(prev: { value: number; tUs: number; bootId?: string | number | null }, cur: { value: number; tUs: number; bootId?: string | number | null }, limits: CounterLimits): CounterStep {
  const dtS = (cur.tUs - prev.tUs) / 1e6;
  if (prev.bootId != null && cur.bootId != null && prev.bootId !== cur.bootId) return { kind: 'reset', reason: 'reboot', from: prev.value, to: cur.value };
  if (!(dtS > 0)) return { kind: 'first' };
  if (cur.value >= prev.value) {
    const delta = cur.value - prev.value;
    return { kind: 'rate', perSecond: delta / dtS, delta };
  }
  const bits: 32 | 64 = prev.value < TWO_32 && cur.value < TWO_32 ? 32 : 64;
  const delta = cur.value + (bits === 32 ? TWO_32 : TWO_64) - prev.value;
  const halfRange = bits === 32 ? TWO_32 / 2 : TWO_64 / 2;
  if (delta < halfRange && delta <= limits.maxPerSecond * dtS) return { kind: 'wrap', perSecond: delta / dtS, delta, bits };
  return { kind: 'reset', reason: 'went-back', from: prev.value, to: cur.value };
}

interface Last {
  value: number;
  tUs: number;
  bootId: string | number | null;
}

/** Rates of many counters, keyed by the caller (a series key). Forgets a counter not seen for `forgetAfter` updates. */
export class CounterRates {
  private readonly last = new Map<string, Last & { seenAt: number }>();
  private round = 0;

  constructor(private readonly forgetAfter = 60) {}

  /** Starts an update round (one poll); counters not updated for `forgetAfter` rounds are dropped. */
  beginRound(): void {
    this.round++;
    if (this.round % this.forgetAfter !== 0) return;
    for (const [k, v] of this.last) if (this.round - v.seenAt > this.forgetAfter) this.last.delete(k);
  }

  update(key: string, value: number, tUs: number, limits: CounterLimits, bootId: string | number | null = null): CounterStep {
    const prev = this.last.get(key);
    const cur = { value, tUs, bootId, seenAt: this.round };
    if (prev && prev.tUs >= tUs) return { kind: 'first' };
    this.last.set(key, cur);
    return prev ? counterStep(prev, cur, limits) : { kind: 'first' };
  }

  get size(): number {
    return this.last.size;
  }
}
