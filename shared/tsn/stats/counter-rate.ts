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

const FIRST: CounterStep = { kind: 'first' };

interface Last {
  value: number;
  tUs: number;
  bootId: string | number | null;
}

/** The counters of one object (a qdisc, a class, a queue), by counter name. */
export interface CounterGroup {
  counters: Map<string, Last>;
  seenAt: number;
}

/**
 * Rates of many counters, grouped by object so a poll looks each object up once and its counters
 * by constant names (no per-counter key string to build and hash). Forgets an object not seen for
 * `forgetAfter` rounds.
 */
export class CounterRates {
  private readonly groups = new Map<string, CounterGroup>();
  private round = 0;

  constructor(private readonly forgetAfter = 60) {}

  /** Starts an update round (one poll); objects not seen for `forgetAfter` rounds are dropped. */
  beginRound(): void {
    this.round++;
    if (this.round % this.forgetAfter !== 0) return;
    for (const [k, g] of this.groups) if (this.round - g.seenAt > this.forgetAfter) this.groups.delete(k);
  }

  group(id: string): CounterGroup {
    let g = this.groups.get(id);
    if (!g) this.groups.set(id, (g = { counters: new Map(), seenAt: this.round }));
    g.seenAt = this.round;
    return g;
  }

  step(group: CounterGroup, counter: string, value: number, tUs: number, limits: CounterLimits, bootId: string | number | null = null): CounterStep {
    const prev = group.counters.get(counter);
    if (!prev) {
      group.counters.set(counter, { value, tUs, bootId });
      return FIRST;
    }
    if (prev.tUs >= tUs) return FIRST;
    const step = counterStep(prev, { value, tUs, bootId }, limits);
    // One record per counter, updated in place: thousands of counters a second make no garbage here.
    prev.value = value;
    prev.tUs = tUs;
    prev.bootId = bootId;
    return step;
  }

  /** One counter by a key of its own (its own group). */
  update(key: string, value: number, tUs: number, limits: CounterLimits, bootId: string | number | null = null): CounterStep {
    return this.step(this.group(key), '', value, tUs, limits, bootId);
  }

  /** Objects tracked. */
  get size(): number {
    return this.groups.size;
  }
}
