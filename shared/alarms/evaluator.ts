import type { Connection } from '../domain/status';
import type { DeviceEvent } from '../series/device-event';
import { canonicalLabels, isMeasurement, type Reading } from '../series/series';
import { newDebounce, Phase, stepDebounce, type DebounceState } from './debounce';
import type { AlarmInput, AlarmSignal, DeviceRef } from './alarm-input';
import { eventClears, eventMatches, eventSummary, newEventRuleState, stepEvent, tickEvent, type EventRule, type EventRuleState } from './event-conditions';
import type { AlarmRule, RuleOf } from './rule-schema';
import { scopeMatcher } from './scope';
import { LabelTrie, SeriesSlot } from './series-slot';
import { newSeriesRuleState, seriesSummary, tickAbsence, type SeriesRule, type SeriesRuleState } from './series-conditions';
import { gmChangesLastHour, multipleGrandmasters, newDeviceTopology, newTopologyState, priority1Collision, stepTopology, type DeviceTopology, type TopologyRule, type TopologyState } from './topology';

type DeviceRule = RuleOf<'absence'> & { of: 'device-offline' | 'not-measuring' };

interface Compiled<R extends AlarmRule = AlarmRule> {
  rule: R;
  rev: string;
  inScope: (name: string) => boolean;
}

/** The series of one (device, instance, metric, labels) and the states of the rules that watch it. */
interface DeviceRuleState {
  rule: DeviceRule;
  rev: string;
  key: string;
  deviceId: string;
  d: DebounceState;
}

const OFFLINE: ReadonlySet<Connection> = new Set(['offline']);
const NOT_MEASURING: ReadonlySet<Connection> = new Set(['no-data']);

function isSeriesRule(r: AlarmRule): r is SeriesRule {
  return r.kind === 'threshold' || r.kind === 'rate' || r.kind === 'state' || (r.kind === 'absence' && r.of === 'series');
}

function labelsMatch(want: Record<string, string> | undefined, have: Record<string, string> | undefined): boolean {
  if (!want) return true;
  for (const k in want) if (have?.[k] !== want[k]) return false;
  return true;
}

/**
 * The incremental evaluator: state per (rule, device, labels), fed one batch at a time, and a
 * verdict (AlarmSignal) only when a state changes. Readings find their rules through a per-series
 * slot made once (rules by metric, scope and labels decided then), so a reading costs a map lookup
 * and a compare per watching rule. Pure: time comes from the inputs and from `tick`.
 */
export class AlarmEvaluator {
  private seriesRules = new Map<string, Compiled<SeriesRule>[]>();
  private eventRules = new Map<string, Compiled<EventRule>[]>();
  private deviceRules: Compiled<DeviceRule>[] = [];
  private topologyRules: Compiled<TopologyRule>[] = [];
  private readonly names = new Map<string, string>();
  private slots = new Map<string, Map<string, Map<string, SeriesSlot | LabelTrie>>>();
  private readonly seriesStates = new Map<string, SeriesRuleState>();
  private readonly absenceStates = new Set<SeriesRuleState>();
  private readonly eventStates = new Map<string, EventRuleState>();
  private readonly firingEvents = new Set<EventRuleState>();
  private readonly deviceStates = new Map<string, DeviceRuleState>();
  private readonly connections = new Map<string, Connection>();
  private readonly topo = new Map<string, DeviceTopology>();
  private readonly topoStates = new Map<string, TopologyState>();
  private out: AlarmSignal[] = [];

  /** Replaces the rule set. A changed or removed rule's active states end (inactive) and start over. */
  setRules(rules: readonly AlarmRule[]): AlarmSignal[] {
    const compiled = rules.filter((r) => r.enabled).map((rule) => ({ rule, rev: JSON.stringify(rule), inScope: scopeMatcher(rule.scope) }));
    const revs = new Map(compiled.map((c) => [c.rule.id, c.rev]));
    this.seriesRules = new Map();
    this.eventRules = new Map();
    this.deviceRules = [];
    this.topologyRules = [];
    for (const c of compiled) {
      const r = c.rule;
      if (isSeriesRule(r)) push(this.seriesRules, r.metric as string, { ...c, rule: r });
      else if (r.kind === 'change' || r.kind === 'line' || r.kind === 'security') push(this.eventRules, r.event, { ...c, rule: r });
      else if (r.kind === 'absence') this.deviceRules.push({ ...c, rule: r as DeviceRule });
      else if (r.kind === 'topology') this.topologyRules.push({ ...c, rule: r });
    }
    this.slots = new Map();
    this.retain((ruleId, rev) => revs.get(ruleId) === rev, Date.now(), 'rule changed');
    return this.take();
  }

  /** The devices by id and name (scopes name devices). A removed device's, or one renamed out of scope, active states end. */
  setDevices(devices: readonly DeviceRef[], nowMs: number): AlarmSignal[] {
    this.names.clear();
    for (const d of devices) this.names.set(d.id, d.name);
    this.slots = new Map();
    const all = [...this.seriesRules.values(), ...this.eventRules.values(), this.deviceRules, this.topologyRules].flat();
    const scopes = new Map(all.map((c) => [c.rule.id, c.inScope]));
    this.retain((ruleId, _rev, deviceId) => deviceId === null || (this.names.has(deviceId) && (scopes.get(ruleId)?.(this.nameOf(deviceId)) ?? false)), nowMs, 'device removed or out of scope');
    for (const id of [...this.topo.keys()]) if (!this.names.has(id)) this.topo.delete(id);
    return this.take();
  }

  feed(input: AlarmInput): AlarmSignal[] {
    switch (input.type) {
      case 'readings':
        for (const r of input.readings) this.reading(r);
        break;
      case 'events':
        for (const e of input.events) this.event(e);
        break;
      case 'status':
        this.status(input.deviceId, input.connection, input.tMs);
        break;
      case 'grandmaster':
        this.topologyOf(input.deviceId).gm = input.gmIdentity;
        break;
    }
    return this.take();
  }

  /** Moves time on: absences, settling changes, offline durations and topology are judged here (about once a second). */
  tick(nowMs: number): AlarmSignal[] {
    for (const s of this.absenceStates) {
      const p = tickAbsence(s, nowMs);
      if (p !== null) this.seriesSignal(s, p, nowMs);
    }
    for (const s of this.firingEvents) {
      const p = tickEvent(s, nowMs);
      if (p === null) continue;
      this.firingEvents.delete(s);
      this.eventSignal(s, p, nowMs);
    }
    for (const s of this.deviceStates.values()) this.stepDevice(s, nowMs);
    for (const c of this.topologyRules) this.evaluateTopology(c, nowMs);
    return this.take();
  }

  private reading(r: Reading): void {
    const p1 = this.topologyRules.length > 0;
    let byMetric: Map<string, SeriesSlot | LabelTrie> | undefined;
    for (const v of r.values) {
      if (p1 && v.metric === 'ptp.gm_priority1') this.topologyOf(r.deviceId).priority1 = isMeasurement(v) ? v.value : null;
      const rules = this.seriesRules.get(v.metric);
      if (!rules) continue;
      byMetric ??= this.metricSlots(r.deviceId, r.instance);
      let slot: SeriesSlot | undefined;
      // Index by strings the collector reuses (ids, metric names): a lookup hashes nothing new. Labels in the order given.
      const entry = byMetric.get(v.metric);
      if (v.labels) {
        const byLabels = entry instanceof LabelTrie ? entry : new LabelTrie();
        if (entry !== byLabels) byMetric.set(v.metric, byLabels);
        slot = byLabels.get(v.labels);
        if (!slot) byLabels.set(v.labels, (slot = this.makeSlot(r.deviceId, r.instance, v.labels, canonicalLabels(v.labels), rules)));
      } else {
        slot = entry instanceof LabelTrie ? undefined : entry;
        if (!slot) byMetric.set(v.metric, (slot = this.makeSlot(r.deviceId, r.instance, undefined, '{}', rules)));
      }
      if (slot.states.length === 0) continue;
      const tMs = r.tUs / 1000;
      slot.step(isMeasurement(v) && Number.isFinite(v.value) ? v.value : null, tMs, this.onSeriesPhase);
    }
  }

  /** The slots of one (device, instance), by metric (and, for labelled series, by their labels). */
  private metricSlots(deviceId: string, instance: string): Map<string, SeriesSlot | LabelTrie> {
    let byInstance = this.slots.get(deviceId);
    if (!byInstance) this.slots.set(deviceId, (byInstance = new Map()));
    let byMetric = byInstance.get(instance);
    if (!byMetric) byInstance.set(instance, (byMetric = new Map()));
    return byMetric;
  }

  private makeSlot(deviceId: string, instance: string, labels: Record<string, string> | undefined, labelsKey: string, rules: Compiled<SeriesRule>[]): SeriesSlot {
    const name = this.nameOf(deviceId);
    const states: SeriesRuleState[] = [];
    for (const c of rules) {
      if (!c.inScope(name) || !labelsMatch(c.rule.labels, labels)) continue;
      const key = `${c.rule.id}|${deviceId}|${instance}|${labelsKey}`;
      let s = this.seriesStates.get(key);
      if (!s || s.rev !== c.rev) {
        s = newSeriesRuleState(c.rule, c.rev, key);
        this.seriesStates.set(key, s);
        if (c.rule.kind === 'absence') this.absenceStates.add(s);
      }
      states.push(s);
      this.labelsOf.set(key, { deviceId, labels: { instance, ...(labels ?? {}) } });
    }
    return new SeriesSlot(states);
  }

  /** Each state key's device and labels, for its signals. */
  private readonly labelsOf = new Map<string, { deviceId: string | null; labels: Record<string, string> }>();

  private event(e: DeviceEvent): void {
    if (e.kind === 'gm-change' && this.topologyRules.length > 0) {
      const t = this.topologyOf(e.deviceId);
      t.gm = e.to;
      t.gmChangesMs.push(e.tMs);
    }
    const rules = this.eventRules.get(e.kind);
    if (!rules) return;
    const name = this.nameOf(e.deviceId);
    for (const c of rules) {
      if (!c.inScope(name)) continue;
      const key = `${c.rule.id}|${e.deviceId}|${e.instance ?? ''}`;
      if (eventClears(c.rule, e)) {
        const open = this.eventStates.get(key);
        if (open?.firing) {
          open.firing = false;
          open.last = e;
          this.firingEvents.delete(open);
          this.eventSignal(open, Phase.Inactive, e.tMs);
        }
        continue;
      }
      if (!eventMatches(c.rule, e)) continue;
      let s = this.eventStates.get(key);
      if (!s || s.rev !== c.rev) {
        s = newEventRuleState(c.rule, c.rev, key);
        this.eventStates.set(key, s);
        this.labelsOf.set(key, { deviceId: e.deviceId, labels: e.instance ? { instance: e.instance } : {} });
      }
      const p = stepEvent(s, e);
      if (p === null) continue;
      this.firingEvents.add(s);
      this.eventSignal(s, p, e.tMs);
    }
  }

  private status(deviceId: string, connection: Connection, tMs: number): void {
    this.connections.set(deviceId, connection);
    this.topologyOf(deviceId).online = connection === 'online';
    const name = this.nameOf(deviceId);
    for (const c of this.deviceRules) {
      if (!c.inScope(name)) continue;
      const key = `${c.rule.id}|${deviceId}|`;
      let s = this.deviceStates.get(key);
      if (!s || s.rev !== c.rev) {
        s = { rule: c.rule, rev: c.rev, key, deviceId, d: newDebounce() };
        this.deviceStates.set(key, s);
        this.labelsOf.set(key, { deviceId, labels: {} });
      }
      this.stepDevice(s, tMs);
    }
  }

  private stepDevice(s: DeviceRuleState, tMs: number): void {
    const conn = this.connections.get(s.deviceId);
    const bad = conn !== undefined && (s.rule.of === 'device-offline' ? OFFLINE : NOT_MEASURING).has(conn);
    const p = stepDebounce(s.d, bad, conn === 'online' || conn === 'disconnected', tMs, s.rule.forMs, 0);
    if (p === null) return;
    const where = this.nameOf(s.deviceId);
    const summary = p === Phase.Inactive ? `${where} is ${conn ?? 'back'} again` : `${where} is ${conn ?? '?'}${s.rule.forMs ? ` for ${Math.round((tMs - s.d.sinceMs) / 1000)} s` : ''}`;
    this.signal(s.key, s.rule.id, p, tMs, null, summary);
  }

  private evaluateTopology(c: Compiled<TopologyRule>, nowMs: number): void {
    const inScope = [...this.topo].filter(([id]) => this.names.has(id) && c.inScope(this.nameOf(id)));
    if (c.rule.check === 'gm-flapping') {
      for (const [id, d] of inScope) {
        const n = gmChangesLastHour(d, nowMs);
        this.stepTopologyKey(c, `${c.rule.id}|${id}|`, id, { breach: n > c.rule.maxPerHour, value: n, summary: `${this.nameOf(id)} changed grandmaster ${n} times in the last hour (more than ${c.rule.maxPerHour})` }, nowMs);
      }
      return;
    }
    const verdict = c.rule.check === 'multiple-grandmasters' ? multipleGrandmasters(inScope) : priority1Collision(inScope);
    this.stepTopologyKey(c, `${c.rule.id}||`, null, verdict, nowMs);
  }

  private stepTopologyKey(c: Compiled<TopologyRule>, key: string, deviceId: string | null, verdict: { breach: boolean; value: number; summary: string }, nowMs: number): void {
    let s = this.topoStates.get(key);
    if (!s || s.rev !== c.rev) {
      if (!verdict.breach) return;
      s = newTopologyState(c.rule, c.rev, key, deviceId);
      this.topoStates.set(key, s);
      this.labelsOf.set(key, { deviceId, labels: {} });
    }
    const p = stepTopology(s, verdict, nowMs);
    if (p !== null) this.signal(key, c.rule.id, p, nowMs, s.value, s.summary);
  }

  private readonly onSeriesPhase = (s: SeriesRuleState, p: Phase, tMs: number): void => this.seriesSignal(s, p, tMs);

  private seriesSignal(s: SeriesRuleState, p: Phase, tMs: number): void {
    const where = this.whereOf(s.key);
    this.signal(s.key, s.rule.id, p, tMs, s.lastValue, seriesSummary(s, where, p, tMs));
  }

  private eventSignal(s: EventRuleState, p: Phase, tMs: number): void {
    this.signal(s.key, s.rule.id, p, tMs, null, eventSummary(s, this.whereOf(s.key), p));
  }

  private signal(key: string, ruleId: string, phase: Phase, tMs: number, value: number | null, summary: string): void {
    const at = this.labelsOf.get(key) ?? { deviceId: null, labels: {} };
    this.out.push({ ruleId, key, deviceId: at.deviceId, labels: at.labels, phase, tMs, value, summary });
  }

  private whereOf(key: string): string {
    const at = this.labelsOf.get(key);
    if (!at?.deviceId) return 'the network';
    const instance = at.labels.instance;
    const extra = Object.entries(at.labels).filter(([k]) => k !== 'instance').map(([k, v]) => `${k}=${v}`);
    return `${this.nameOf(at.deviceId)}${instance ? `/${instance}` : ''}${extra.length ? ` {${extra.join(', ')}}` : ''}`;
  }

  private nameOf(deviceId: string): string {
    return this.names.get(deviceId) ?? deviceId;
  }

  private topologyOf(deviceId: string): DeviceTopology {
    let t = this.topo.get(deviceId);
    if (!t) {
      t = newDeviceTopology();
      this.topo.set(deviceId, t);
    }
    return t;
  }

  /** Keeps the states `keep` accepts; an active one dropped ends with an inactive signal. */
  private retain(keep: (ruleId: string, rev: string, deviceId: string | null) => boolean, nowMs: number, why: string): void {
    const end = (key: string, ruleId: string, active: boolean) => {
      if (active) this.signal(key, ruleId, Phase.Inactive, nowMs, null, `${this.whereOf(key)}: ${why}`);
      this.labelsOf.delete(key);
    };
    for (const [key, s] of this.seriesStates) {
      if (keep(s.rule.id, s.rev, this.labelsOf.get(key)?.deviceId ?? null)) continue;
      end(key, s.rule.id, s.d.phase !== Phase.Inactive);
      this.seriesStates.delete(key);
      this.absenceStates.delete(s);
    }
    for (const [key, s] of this.eventStates) {
      if (keep(s.rule.id, s.rev, this.labelsOf.get(key)?.deviceId ?? null)) continue;
      end(key, s.rule.id, s.firing);
      this.eventStates.delete(key);
      this.firingEvents.delete(s);
    }
    for (const [key, s] of this.deviceStates) {
      if (keep(s.rule.id, s.rev, s.deviceId)) continue;
      end(key, s.rule.id, s.d.phase !== Phase.Inactive);
      this.deviceStates.delete(key);
    }
    for (const [key, s] of this.topoStates) {
      if (keep(s.rule.id, s.rev, s.deviceId)) continue;
      end(key, s.rule.id, s.d.phase !== Phase.Inactive);
      this.topoStates.delete(key);
    }
  }

  private take(): AlarmSignal[] {
    if (this.out.length === 0) return EMPTY;
    const out = this.out;
    this.out = [];
    return out;
  }
}

const EMPTY: AlarmSignal[] = [];

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
