import { newDebounce, stepDebounce, type DebounceState, type Phase } from './debounce';
import type { RuleOf } from './rule-schema';

export type TopologyRule = RuleOf<'topology'>;

const HOUR_MS = 3_600_000;

/** What topology rules read of each device: whom it follows, that grandmaster's priority1, its recent GM changes. */
export interface DeviceTopology {
  gm: string | null;
  priority1: number | null;
  online: boolean;
  gmChangesMs: number[];
}

export function newDeviceTopology(): DeviceTopology {
  return { gm: null, priority1: null, online: false, gmChangesMs: [] };
}

export interface TopologyVerdict {
  breach: boolean;
  value: number;
  summary: string;
}

/** Several grandmasters followed at once by online devices of one scope (one domain). */
export function multipleGrandmasters(devices: Iterable<[string, DeviceTopology]>): TopologyVerdict {
  const gms = new Set<string>();
  for (const [, d] of devices) if (d.online && d.gm) gms.add(d.gm);
  return { breach: gms.size > 1, value: gms.size, summary: `${gms.size} grandmasters followed in one domain: ${[...gms].sort().join(', ')}` };
}

/** Two different grandmasters announced with the same priority1: the BMCA decides by what follows, not by intent. */
export function priority1Collision(devices: Iterable<[string, DeviceTopology]>): TopologyVerdict {
  const byPriority = new Map<number, Set<string>>();
  for (const [, d] of devices) {
    if (!d.online || !d.gm || d.priority1 === null) continue;
    const set = byPriority.get(d.priority1) ?? new Set<string>();
    set.add(d.gm);
    byPriority.set(d.priority1, set);
  }
  for (const [p, gms] of byPriority) {
    if (gms.size > 1) return { breach: true, value: p, summary: `grandmasters ${[...gms].sort().join(', ')} share priority1 ${p}` };
  }
  return { breach: false, value: 0, summary: 'no two grandmasters share a priority1' };
}

/** One device's grandmaster changes within the last hour, trimmed to the hour as a side effect. */
export function gmChangesLastHour(d: DeviceTopology, nowMs: number): number {
  while (d.gmChangesMs.length > 0 && (d.gmChangesMs[0] ?? 0) <= nowMs - HOUR_MS) d.gmChangesMs.shift();
  return d.gmChangesMs.length;
}

/** The debounced state of one topology verdict (per rule, or per rule and device for flapping). */
export interface TopologyState {
  rule: TopologyRule;
  rev: string;
  key: string;
  deviceId: string | null;
  d: DebounceState;
  summary: string;
  value: number;
}

export function newTopologyState(rule: TopologyRule, rev: string, key: string, deviceId: string | null): TopologyState {
  return { rule, rev, key, deviceId, d: newDebounce(), summary: '', value: 0 };
}

export function stepTopology(s: TopologyState, v: TopologyVerdict, nowMs: number): Phase | null {
  s.summary = v.summary;
  s.value = v.value;
  return stepDebounce(s.d, v.breach, !v.breach, nowMs, s.rule.forMs, s.rule.clearForMs);
}
