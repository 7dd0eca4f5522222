import { METRICS } from '../series/metric-catalog';
import type { AlarmRule } from './rule-schema';

/**
 * The rules as Prometheus alerting rules over Syncscope's /metrics names, for teams that alert from
 * Prometheus. Series rules become PromQL of their own (hysteresis through ALERTS, N of M through a
 * subquery, counter resets through rate()); rules on events and topology, which /metrics does not
 * carry as series, follow the engine's own verdict, `syncscope_alarm_active`.
 */

const INSTANCE = 'instance_name';
/** Scrape step the N-of-M subqueries assume: Syncscope polls about once a second. */
const STEP_S = 1;

function duration(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

/** A YAML double-quoted scalar: JSON's string syntax is a subset of it. */
const q = (s: string) => JSON.stringify(s);

function alertName(id: string): string {
  return `Syncscope${id.split(/[-._]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')}`;
}

function escapeLabel(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** `device=~"a|b"` for a scope's names, `device=~"lab-.*"` for its glob; nothing for a global rule. */
function scopeMatchers(r: AlarmRule): string[] {
  const alts: string[] = [];
  for (const n of r.scope.devices ?? []) alts.push(n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (r.scope.match) alts.push(r.scope.match.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.'));
  return alts.length ? [`device=~"(?i:${escapeLabel(alts.join('|'))})"`] : [];
}

function selector(name: string, r: AlarmRule, labels: Record<string, string> | undefined): string {
  const m = [...scopeMatchers(r), ...Object.entries(labels ?? {}).map(([k, v]) => `${k}="${escapeLabel(v)}"`)];
  return m.length ? `${name}{${m.join(', ')}}` : name;
}

function num(v: number): string {
  // ns × 1e-9 in floating point gives 1.0000000000000001e-7: 12 digits say the same number shortly.
  return String(Number(v.toPrecision(12)));
}

interface PromRule {
  expr: string;
  forMs: number;
  keepFiringForMs: number;
}

function verdictRule(r: AlarmRule): PromRule {
  return { expr: `syncscope_alarm_active{rule="${escapeLabel(r.id)}"} == 1`, forMs: 0, keepFiringForMs: 0 };
}

/** PromQL for one rule. */
function promRule(r: AlarmRule): PromRule {
  const alertsOf = `ALERTS{alertname="${alertName(r.id)}", alertstate="firing"}`;
  switch (r.kind) {
    case 'threshold': {
      const p = METRICS[r.metric].prometheus;
      if (!p) return verdictRule(r);
      const sel = selector(p.name, r, r.labels);
      const x = r.abs ? `abs(${sel})` : sel;
      const at = (v: number) => num(v * p.scale);
      const on = `on(device, ${INSTANCE}${METRICS[r.metric].labels.map((l) => `, ${l}`).join('')})`;
      let breach = `${x} ${r.op} ${at(r.value)}`;
      if (r.nOfM) breach = `sum_over_time((${x} ${r.op} bool ${at(r.value)})[${r.nOfM.m * STEP_S}s:${STEP_S}s]) >= ${r.nOfM.n}`;
      // Hysteresis: once firing, it holds while the value is still beyond the clear limit.
      const expr = r.clearAt !== undefined && r.clearAt !== r.value ? `(${breach}) or ((${x} ${r.op} ${at(r.clearAt)}) and ${on} ${alertsOf})` : breach;
      return { expr, forMs: r.forMs, keepFiringForMs: r.clearForMs };
    }
    case 'rate': {
      const p = METRICS[r.metric].prometheus;
      if (!p) return verdictRule(r);
      return { expr: `rate(${selector(p.name, r, r.labels)}[1m]) > ${num(r.perSecond)}`, forMs: r.forMs, keepFiringForMs: r.clearForMs };
    }
    case 'state': {
      const p = METRICS[r.metric].prometheus;
      if (!p) return verdictRule(r);
      return { expr: `${selector(p.name, r, r.labels)}${r.expected.map((c) => ` != ${c}`).join('')}`, forMs: r.forMs, keepFiringForMs: r.clearForMs };
    }
    case 'absence': {
      if (r.of === 'device-offline') return { expr: `${selector('syncscope_device_up', r, undefined)} == 0 unless on(device) syncscope_device_disconnected == 1`, forMs: r.forMs, keepFiringForMs: 0 };
      if (r.of === 'not-measuring') return { expr: `time() - ${selector('syncscope_ptp_last_sample_timestamp_seconds', r, undefined)} > ${num(r.forMs / 1000)}`, forMs: 0, keepFiringForMs: 0 };
      const p = r.metric ? METRICS[r.metric].prometheus : null;
      if (!p || !r.metric) return verdictRule(r);
      const by = `by (device, ${INSTANCE}${METRICS[r.metric].labels.map((l) => `, ${l}`).join('')})`;
      const sel = selector(p.name, r, r.labels);
      return { expr: `group ${by} (max_over_time(${sel}[1h])) unless group ${by} (${sel})`, forMs: r.forMs, keepFiringForMs: 0 };
    }
    default:
      return verdictRule(r);
  }
}

/** The YAML of a Prometheus rule file (one group) for these rules; disabled ones are left out. */
export function prometheusRulesYaml(rules: readonly AlarmRule[], groupName = 'syncscope'): string {
  const lines = ['# Generated by Syncscope (syncscope alarms prometheus-rules). Check with: promtool check rules FILE', 'groups:', `  - name: ${q(groupName)}`, '    rules:'];
  const enabled = rules.filter((r) => r.enabled);
  if (enabled.length === 0) lines.splice(3, 1, '    rules: []');
  for (const r of enabled) {
    const p = promRule(r);
    lines.push(`      - alert: ${q(alertName(r.id))}`, `        expr: ${q(p.expr)}`);
    if (p.forMs > 0) lines.push(`        for: ${duration(p.forMs)}`);
    if (p.keepFiringForMs > 0) lines.push(`        keep_firing_for: ${duration(p.keepFiringForMs)}`);
    lines.push('        labels:', `          severity: ${q(r.severity)}`, `          syncscope_rule: ${q(r.id)}`, '        annotations:', `          summary: ${q(`${r.name} on {{ $labels.device }}`)}`);
    if (r.description) lines.push(`          description: ${q(r.description)}`);
  }
  return `${lines.join('\n')}\n`;
}
