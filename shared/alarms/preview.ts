import { Phase } from './debounce';
import type { AlarmInput, DeviceRef } from './alarm-input';
import { AlarmEvaluator } from './evaluator';
import type { AlarmRule } from './rule-schema';

export interface TimedInput {
  tMs: number;
  input: AlarmInput;
}

export interface ReplayHit {
  key: string;
  deviceId: string | null;
  labels: Record<string, string>;
  firedAtMs: number;
  resolvedAtMs: number | null;
  summary: string;
}

/**
 * What a rule would have fired on: stored history replayed in time order through a fresh evaluator
 * holding only this rule, with a tick every `tickMs` of history time (absences, settling).
 */
export function replayRule(rule: AlarmRule, devices: readonly DeviceRef[], inputs: readonly TimedInput[], fromMs: number, toMs: number, tickMs = 1000): ReplayHit[] {
  const e = new AlarmEvaluator();
  e.setRules([{ ...rule, enabled: true }]);
  e.setDevices(devices, fromMs);
  const open = new Map<string, ReplayHit>();
  const hits: ReplayHit[] = [];
  const take = (signals: ReturnType<AlarmEvaluator['tick']>) => {
    for (const s of signals) {
      if (s.phase === Phase.Firing && !open.has(s.key)) {
        const hit = { key: s.key, deviceId: s.deviceId, labels: s.labels, firedAtMs: s.tMs, resolvedAtMs: null, summary: s.summary };
        open.set(s.key, hit);
        hits.push(hit);
      } else if (s.phase === Phase.Inactive) {
        const hit = open.get(s.key);
        if (hit) hit.resolvedAtMs = s.tMs;
        open.delete(s.key);
      }
    }
  };
  const sorted = [...inputs].sort((a, b) => a.tMs - b.tMs);
  let nextTick = fromMs + tickMs;
  for (const { tMs, input } of sorted) {
    while (nextTick <= tMs) {
      take(e.tick(nextTick));
      nextTick += tickMs;
    }
    take(e.feed(input));
  }
  for (; nextTick <= toMs; nextTick += tickMs) take(e.tick(nextTick));
  return hits;
}
