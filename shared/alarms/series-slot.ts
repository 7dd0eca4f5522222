import { Phase } from './debounce';
import { stepSeries, type SeriesRuleState } from './series-conditions';

/**
 * The rules watching one series, and a fast path for the common case: most threshold rules are
 * quiet (inactive, nothing in their N-of-M window) and most values breach none of them. The limits
 * of the quiet ones are folded into three numbers, so such a value costs three compares instead of
 * a step per rule; the other states (active thresholds, rates, states, absences) are stepped as usual.
 * Stepping a quiet rule with a value that does not breach it changes nothing (the debounce stays
 * inactive, an all-zero window stays all zero), so skipping it is exact.
 */
export class SeriesSlot {
  /** States stepped on every value. */
  private always: SeriesRuleState[] = [];
  /** Quiet thresholds: skipped while a value stays within the folded limits. */
  private quiet: SeriesRuleState[] = [];
  private minAbsAbove = Infinity;
  private minAbove = Infinity;
  private maxBelow = -Infinity;
  private dirty = true;

  constructor(readonly states: readonly SeriesRuleState[]) {}

  /** Steps the states with one value; `signal` hears each phase change. */
  step(value: number | null, tMs: number, signal: (s: SeriesRuleState, p: Phase, tMs: number) => void): void {
    if (this.dirty) this.partition();
    if (value !== null && Math.abs(value) <= this.minAbsAbove && value <= this.minAbove && value >= this.maxBelow) {
      this.run(this.always, value, tMs, signal);
      return;
    }
    this.run(this.always, value, tMs, signal);
    this.run(this.quiet, value, tMs, signal);
  }

  private run(list: readonly SeriesRuleState[], value: number | null, tMs: number, signal: (s: SeriesRuleState, p: Phase, tMs: number) => void): void {
    for (let i = 0; i < list.length; i++) {
      const s = list[i] as SeriesRuleState;
      const was = quietable(s);
      const p = stepSeries(s, value, tMs);
      if (p !== null) signal(s, p, tMs);
      if (quietable(s) !== was) this.dirty = true;
    }
  }

  private partition(): void {
    this.always = [];
    this.quiet = [];
    this.minAbsAbove = Infinity;
    this.minAbove = Infinity;
    this.maxBelow = -Infinity;
    for (const s of this.states) {
      const r = s.rule;
      if (!quietable(s) || r.kind !== 'threshold') {
        this.always.push(s);
        continue;
      }
      this.quiet.push(s);
      if (r.op === '>' && r.abs) this.minAbsAbove = Math.min(this.minAbsAbove, r.value);
      else if (r.op === '>') this.minAbove = Math.min(this.minAbove, r.value);
      else this.maxBelow = Math.max(this.maxBelow, r.value);
    }
    this.dirty = false;
  }
}

/** A threshold state a non-breaching value leaves exactly as it is (|v| < x rules only: an abs `<` rule is always stepped). */
function quietable(s: SeriesRuleState): boolean {
  const r = s.rule;
  return r.kind === 'threshold' && !(r.abs && r.op === '<') && s.d.phase === Phase.Inactive && s.ringBreaches === 0;
}

/**
 * Slots by labels without building a key string per value: nested by each label's value in the
 * order the reading gives them (collectors give a metric's labels in one order), the leaf keeping
 * the label names it was made for; another set of names with the same values gets its own leaf.
 */
export class LabelTrie {
  private readonly root = new Map<string, unknown>();

  get(labels: Record<string, string>): SeriesSlot | undefined {
    let node: Map<string, unknown> | undefined = this.root;
    for (const k in labels) {
      node = node.get(labels[k] as string) as Map<string, unknown> | undefined;
      if (!node) return undefined;
    }
    const leaves = node.get(LEAF) as Leaf[] | undefined;
    if (!leaves) return undefined;
    for (const leaf of leaves) if (sameNames(leaf.names, labels)) return leaf.slot;
    return undefined;
  }

  set(labels: Record<string, string>, slot: SeriesSlot): void {
    let node = this.root;
    for (const k in labels) {
      const v = labels[k] as string;
      let next = node.get(v) as Map<string, unknown> | undefined;
      if (!next) node.set(v, (next = new Map()));
      node = next;
    }
    const leaves = (node.get(LEAF) as Leaf[] | undefined) ?? [];
    leaves.push({ names: Object.keys(labels), slot });
    node.set(LEAF, leaves);
  }
}

interface Leaf {
  names: string[];
  slot: SeriesSlot;
}

/** A key no label value can be: the labels are strings. */
const LEAF = '\u0000leaf' as const;

function sameNames(names: readonly string[], labels: Record<string, string>): boolean {
  let i = 0;
  for (const k in labels) if (names[i++] !== k) return false;
  return i === names.length;
}
