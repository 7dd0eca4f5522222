import { effectiveCycleNs, type GateCommand, type TaprioSchedule } from './taprio-model';

/**
 * A schedule laid out over one cycle: where each entry starts and ends and, per traffic class,
 * when its gate is open. The editor draws it, and the PTP-starvation warning reads it. An entry
 * crossing the cycle's end is cut there (the kernel truncates it); a cycle longer than the entries
 * keeps the last entry's gates until it ends.
 */
export interface GateSlot {
  index: number;
  command: GateCommand;
  gateMask: number;
  startNs: number;
  endNs: number;
}

export interface GateTimeline {
  cycleNs: number;
  slots: GateSlot[];
  /** Per traffic class: open stretches, merged across neighbouring entries. */
  open: { startNs: number; endNs: number }[][];
}

export function gateTimeline(s: TaprioSchedule, numTc: number): GateTimeline {
  const cycleNs = Number(effectiveCycleNs(s));
  const slots: GateSlot[] = [];
  let t = 0;
  s.entries.forEach((e, index) => {
    if (t >= cycleNs) return;
    const last = index === s.entries.length - 1;
    const endNs = last ? cycleNs : Math.min(t + e.intervalNs, cycleNs);
    slots.push({ index, command: e.command, gateMask: e.gateMask, startNs: t, endNs });
    t = endNs;
  });
  const open = Array.from({ length: numTc }, (_, tc) => {
    const spans: { startNs: number; endNs: number }[] = [];
    for (const slot of slots) {
      if (((slot.gateMask >>> tc) & 1) === 0 || slot.endNs <= slot.startNs) continue;
      const prev = spans[spans.length - 1];
      if (prev && prev.endNs === slot.startNs) prev.endNs = slot.endNs;
      else spans.push({ startNs: slot.startNs, endNs: slot.endNs });
    }
    return spans;
  });
  return { cycleNs, slots, open };
}

/** The longest time a class's gate stays shut, across the cycle's wrap; the whole cycle if it never opens. */
export function longestClosedNs(timeline: GateTimeline, tc: number): number {
  const spans = timeline.open[tc] ?? [];
  if (spans.length === 0) return timeline.cycleNs;
  let longest = 0;
  spans.forEach((span, i) => {
    const next = spans[(i + 1) % spans.length];
    if (!next) return;
    const gap = i + 1 < spans.length ? next.startNs - span.endNs : timeline.cycleNs - span.endNs + next.startNs;
    longest = Math.max(longest, gap);
  });
  return longest;
}

/** The shortest open stretch of a class (a frame must fit in one), counting a stretch that wraps as one. */
export function shortestOpenNs(timeline: GateTimeline, tc: number): number | null {
  const spans = timeline.open[tc] ?? [];
  if (spans.length === 0) return null;
  const first = spans[0];
  const last = spans[spans.length - 1];
  if (!first || !last) return null;
  const lengths = spans.map((s) => s.endNs - s.startNs);
  if (spans.length > 1 && first.startNs === 0 && last.endNs === timeline.cycleNs) {
    lengths[0] = (lengths[0] ?? 0) + (lengths.pop() ?? 0);
  }
  if (spans.length === 1 && first.startNs === 0 && first.endNs === timeline.cycleNs) return Infinity;
  return Math.min(...lengths);
}
