import { METRICS } from '../series/metric-catalog';
import { newDebounce, Phase, stepDebounce, type DebounceState } from './debounce';
import type { RuleOf } from './rule-schema';
import { formatValue, portStateText } from './value-text';

export type SeriesRule = RuleOf<'threshold'> | RuleOf<'rate'> | RuleOf<'state'> | (RuleOf<'absence'> & { of: 'series' });

/** One series' state under one rule: the debounce, and what the kind needs besides (N-of-M ring, a counter's last value). */
export interface SeriesRuleState {
  rule: SeriesRule;
  rev: string;
  key: string;
  d: DebounceState;
  ring: Uint8Array | null;
  ringPos: number;
  ringBreaches: number;
  prevValue: number;
  prevTMs: number;
  lastSeenMs: number;
  lastValue: number | null;
}

export function newSeriesRuleState(rule: SeriesRule, rev: string, key: string): SeriesRuleState {
  return {
    rule,
    rev,
    key,
    d: newDebounce(),
    ring: rule.kind === 'threshold' && rule.nOfM ? new Uint8Array(rule.nOfM.m) : null,
    ringPos: 0,
    ringBreaches: 0,
    prevValue: Number.NaN,
    prevTMs: Number.NaN,
    lastSeenMs: Number.NaN,
    lastValue: null,
  };
}

/** Steps one state with one value (null: a gap or no measurement). Returns the new phase, or null when unchanged. */
export function stepSeries(s: SeriesRuleState, value: number | null, tMs: number): Phase | null {
  const r = s.rule;
  switch (r.kind) {
    case 'threshold': {
      if (value === null) return stepDebounce(s.d, false, false, tMs, r.forMs, r.clearForMs);
      const v = r.abs ? Math.abs(value) : value;
      s.lastValue = value;
      let breach = r.op === '>' ? v > r.value : v < r.value;
      const clearAt = r.clearAt ?? r.value;
      const clear = r.op === '>' ? v <= clearAt : v >= clearAt;
      const ring = s.ring;
      if (ring) {
        s.ringBreaches += (breach ? 1 : 0) - (ring[s.ringPos] ?? 0);
        ring[s.ringPos] = breach ? 1 : 0;
        s.ringPos = (s.ringPos + 1) % ring.length;
        breach = s.ringBreaches >= (r.nOfM?.n ?? 1);
      }
      return stepDebounce(s.d, breach, clear, tMs, r.forMs, r.clearForMs);
    }
    case 'rate': {
      if (value === null) return stepDebounce(s.d, false, false, tMs, r.forMs, r.clearForMs);
      const prev = s.prevValue;
      const prevT = s.prevTMs;
      s.prevValue = value;
      s.prevTMs = tMs;
      // The first value, a reset on the device (the counter went down) or no time between: no rate.
      if (Number.isNaN(prev) || value < prev || tMs <= prevT) return null;
      const rate = ((value - prev) * 1000) / (tMs - prevT);
      s.lastValue = rate;
      return stepDebounce(s.d, rate > r.perSecond, rate <= (r.clearPerSecond ?? r.perSecond), tMs, r.forMs, r.clearForMs);
    }
    case 'state': {
      if (value === null) return stepDebounce(s.d, false, false, tMs, r.forMs, r.clearForMs);
      s.lastValue = value;
      const wrong = !r.expected.includes(value);
      return stepDebounce(s.d, wrong, !wrong, tMs, r.forMs, r.clearForMs);
    }
    case 'absence': {
      if (value === null) return null;
      s.lastSeenMs = tMs;
      s.lastValue = value;
      return stepDebounce(s.d, false, true, tMs, 0, 0);
    }
  }
}

/** An absence is judged by time passing: steps a series' absence state at `nowMs`. */
export function tickAbsence(s: SeriesRuleState, nowMs: number): Phase | null {
  if (s.rule.kind !== 'absence' || Number.isNaN(s.lastSeenMs)) return null;
  const missing = nowMs - s.lastSeenMs > s.rule.forMs;
  return stepDebounce(s.d, missing, !missing, nowMs, 0, 0);
}

/** One sentence for people: what the series did, against which limit. */
export function seriesSummary(s: SeriesRuleState, where: string, phase: Phase, nowMs: number): string {
  const r = s.rule;
  const unit = r.metric ? METRICS[r.metric].unit : 'count';
  const v = s.lastValue;
  const codeText = (c: number) => (r.metric === 'ptp.port_state' ? portStateText(c) : String(c));
  if (phase === Phase.Inactive) return `${r.name} cleared on ${where}${v === null ? '' : ` (${formatValue(v, unit)})`}`;
  switch (r.kind) {
    case 'threshold':
      return `${r.abs ? '|' : ''}${r.metric}${r.abs ? '|' : ''} ${v === null ? 'n/a' : formatValue(r.abs ? Math.abs(v) : v, unit)} ${r.op} ${formatValue(r.value, unit)}${r.nOfM ? ` (${r.nOfM.n} of ${r.nOfM.m} samples)` : ''}${r.forMs ? ` for ${r.forMs / 1000} s` : ''} on ${where}`;
    case 'rate':
      return `${r.metric} rising ${v === null ? 'n/a' : v.toFixed(2)}/s > ${r.perSecond}/s on ${where}`;
    case 'state':
      return `${r.metric} is ${v === null ? 'n/a' : codeText(v)}, expected ${r.expected.map(codeText).join(' or ')}${r.forMs ? ` for ${r.forMs / 1000} s` : ''} on ${where}`;
    case 'absence':
      return `no ${r.metric} from ${where} for ${Math.round((nowMs - s.lastSeenMs) / 1000)} s`;
  }
}
