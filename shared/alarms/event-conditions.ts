import type { DeviceEvent } from '../series/device-event';
import { Phase } from './debounce';
import type { RuleOf } from './rule-schema';

export type EventRule = RuleOf<'change'> | RuleOf<'line'> | RuleOf<'security'>;

/** One (rule, device, instance) of an event rule: firing or not, and the recent matches. */
export interface EventRuleState {
  rule: EventRule;
  rev: string;
  key: string;
  firing: boolean;
  lastMatchMs: number;
  /** Times of recent matches (line/security count them within windowMs). */
  times: number[];
  last: DeviceEvent | null;
}

export function newEventRuleState(rule: EventRule, rev: string, key: string): EventRuleState {
  return { rule, rev, key, firing: false, lastMatchMs: Number.NaN, times: [], last: null };
}

/** Whether an event is one this rule counts (its kind is checked by the caller's index). */
export function eventMatches(rule: EventRule, e: DeviceEvent): boolean {
  if (rule.kind === 'change') {
    if (rule.ignoreLocalClock && e.detail.localClock === true) return false;
    if (rule.degradedOnly) {
      const from = Number(e.from);
      const to = Number(e.to);
      return Number.isFinite(from) && Number.isFinite(to) && to > from;
    }
    return true;
  }
  if (rule.to && !rule.to.includes(e.to ?? '')) return false;
  if (rule.detail) {
    for (const [field, allowed] of Object.entries(rule.detail)) {
      const v = e.detail[field];
      if (v === undefined || v === null || !allowed.includes(v)) return false;
    }
  }
  return true;
}

/** Whether an event ends a firing line/security state at once (its `to` is one of the rule's clearTo). */
export function eventClears(rule: EventRule, e: DeviceEvent): boolean {
  return rule.kind !== 'change' && rule.clearTo !== undefined && rule.clearTo.includes(e.to ?? '');
}

/** A matching event: fires the state when enough matched within the window. */
export function stepEvent(s: EventRuleState, e: DeviceEvent): Phase | null {
  const r = s.rule;
  s.lastMatchMs = e.tMs;
  s.last = e;
  if (s.firing) return null;
  if (r.kind !== 'change' && r.count > 1) {
    s.times.push(e.tMs);
    while (s.times.length > 0 && (s.times[0] ?? 0) < e.tMs - r.windowMs) s.times.shift();
    if (s.times.length < r.count) return null;
  }
  s.firing = true;
  s.times = [];
  return Phase.Firing;
}

/** Resolves a firing state once no match came for the rule's quiet (settle) time. */
export function tickEvent(s: EventRuleState, nowMs: number): Phase | null {
  if (!s.firing) return null;
  const quiet = s.rule.kind === 'change' ? s.rule.settleMs : s.rule.quietMs;
  if (nowMs - s.lastMatchMs < quiet) return null;
  s.firing = false;
  return Phase.Inactive;
}

export function eventSummary(s: EventRuleState, where: string, phase: Phase): string {
  const e = s.last;
  if (phase === Phase.Inactive) return `${s.rule.name}: settled on ${where}`;
  if (!e) return `${s.rule.name} on ${where}`;
  const change = e.from !== null ? `${e.from} → ${e.to ?? '?'}` : (e.to ?? '');
  const line = typeof e.detail.line === 'string' ? `: ${e.detail.line}` : '';
  return `${s.rule.name} on ${where} (${e.kind} ${change})${line}`;
}
