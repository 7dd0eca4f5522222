import type { Alarm, Silence } from './alarm-model';
import { globMatcher } from './scope';

/** Whether a silence is in force at `nowMs` (between its start and its end). */
export function silenceActive(s: Silence, nowMs: number): boolean {
  return s.startsAtMs <= nowMs && nowMs < s.endsAtMs;
}

/** Whether a silence's match covers an alarm: every field given must agree; a device may be a glob. */
export function silenceCovers(s: Silence, a: Pick<Alarm, 'ruleId' | 'deviceName' | 'severity'>): boolean {
  const m = s.match;
  if (m.ruleId !== undefined && m.ruleId !== a.ruleId) return false;
  if (m.severity !== undefined && m.severity !== a.severity) return false;
  if (m.device !== undefined && (a.deviceName === null || !globMatcher(m.device)(a.deviceName))) return false;
  return true;
}

export function isSilenced(silences: readonly Silence[], a: Pick<Alarm, 'ruleId' | 'deviceName' | 'severity'>, nowMs: number): boolean {
  return silences.some((s) => silenceActive(s, nowMs) && silenceCovers(s, a));
}
