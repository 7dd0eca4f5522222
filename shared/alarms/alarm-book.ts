import { Phase } from './debounce';
import type { AlarmSignal } from './alarm-input';
import type { Alarm, AlarmState, AlarmTransition, Silence } from './alarm-model';
import type { AlarmRule } from './rule-schema';
import { isSilenced } from './silences';

export interface AlarmBookOptions {
  newId(): string;
  rule(id: string): AlarmRule | undefined;
  deviceName(id: string): string | null;
  /** An alarm that fires this many times within `flapWindowMs` is flapping … */
  flapFires?: number;
  flapWindowMs?: number;
  /** … and is then held firing until it stayed clear this long. */
  flapHoldMs?: number;
}

/** One change of an alarm: its new state, the history row, and whether people are told now. */
export interface AlarmChange {
  alarm: Alarm;
  transition: AlarmTransition;
  notify: 'firing' | 'resolved' | null;
}

/**
 * The lifecycle: pending → firing → acknowledged → resolved, one alarm per (rule, device, labels)
 * while it lasts (dedup). Flapping alarms are held firing instead of resolving; silenced ones are
 * kept but not notified, and notified when their silence ends while they still fire. Pure: the
 * engine stores what it returns and sends the notifications.
 */
export class AlarmBook {
  private readonly active = new Map<string, Alarm>();
  private readonly notified = new Set<string>();
  private readonly fireTimes = new Map<string, number[]>();
  /** Flapping alarms that went clear: since when. */
  private readonly clearSince = new Map<string, number>();
  private silences: Silence[] = [];
  private readonly flapFires: number;
  private readonly flapWindowMs: number;
  private readonly flapHoldMs: number;

  constructor(private readonly opts: AlarmBookOptions) {
    this.flapFires = opts.flapFires ?? 4;
    this.flapWindowMs = opts.flapWindowMs ?? 10 * 60_000;
    this.flapHoldMs = opts.flapHoldMs ?? 2 * 60_000;
  }

  /** Alarms that are not resolved (pending ones included), newest first. */
  list(): Alarm[] {
    return [...this.active.values()].sort((a, b) => b.startedAtMs - a.startedAtMs);
  }

  get(id: string): Alarm | undefined {
    for (const a of this.active.values()) if (a.id === id) return a;
    return undefined;
  }

  /** Alarms the store kept open across an engine restart: they go on (and resolve) as before. */
  restore(alarms: readonly Alarm[]): void {
    for (const a of alarms) {
      if (a.state === 'resolved' || a.state === 'pending') continue;
      this.active.set(a.key, { ...a });
      if (!a.silenced) this.notified.add(a.id);
    }
  }

  apply(signals: readonly AlarmSignal[]): AlarmChange[] {
    const changes: AlarmChange[] = [];
    for (const s of signals) this.applyOne(s, changes);
    return changes;
  }

  ack(id: string, by: string, comment: string, nowMs: number): AlarmChange | null {
    const a = this.get(id);
    if (!a || a.state !== 'firing') return null;
    a.ack = { by, comment, atMs: nowMs };
    return this.move(a, 'acknowledged', nowMs, `acknowledged by ${by}${comment ? `: ${comment}` : ''}`, null);
  }

  /** New silences: alarms they cover stop notifying; alarms whose silence ended are notified if they still fire. */
  setSilences(silences: readonly Silence[], nowMs: number): AlarmChange[] {
    this.silences = [...silences];
    return this.recheckSilences(nowMs);
  }

  /** Time passes: flapping holds end, silences start and end. */
  tick(nowMs: number): AlarmChange[] {
    const changes = this.recheckSilences(nowMs);
    for (const [key, since] of this.clearSince) {
      if (nowMs - since < this.flapHoldMs) continue;
      this.clearSince.delete(key);
      const a = this.active.get(key);
      if (a) changes.push(this.resolve(a, nowMs, `clear for ${Math.round(this.flapHoldMs / 1000)} s after flapping`));
    }
    return changes;
  }

  private applyOne(s: AlarmSignal, changes: AlarmChange[]): void {
    const a = this.active.get(s.key);
    if (s.phase === Phase.Pending) {
      if (!a) this.active.set(s.key, this.create(s, 'pending'));
      return;
    }
    if (s.phase === Phase.Firing) {
      const flapping = this.recordFire(s.key, s.tMs);
      if (a && a.state !== 'pending') {
        // Dedup: a breach of an alarm still open (a flapping one held firing) is that alarm.
        this.clearSince.delete(s.key);
        a.summary = s.summary;
        a.value = s.value;
        a.flapping ||= flapping;
        return;
      }
      const alarm = a ?? this.create(s, 'firing');
      this.active.set(s.key, alarm);
      alarm.firedAtMs = s.tMs;
      alarm.summary = s.summary;
      alarm.value = s.value;
      alarm.flapping = flapping;
      const notify = alarm.silenced ? null : 'firing';
      if (notify) this.notified.add(alarm.id);
      changes.push(this.move(alarm, 'firing', s.tMs, 'rule', notify, a ? 'pending' : null));
      return;
    }
    if (!a) return;
    if (a.state === 'pending') {
      this.active.delete(s.key);
      return;
    }
    if (a.flapping) {
      if (!this.clearSince.has(s.key)) this.clearSince.set(s.key, s.tMs);
      return;
    }
    changes.push(this.resolve(a, s.tMs, s.summary));
  }

  private resolve(a: Alarm, tMs: number, summary: string): AlarmChange {
    this.active.delete(a.key);
    a.resolvedAtMs = tMs;
    const notify = this.notified.delete(a.id) ? 'resolved' : null;
    return this.move(a, 'resolved', tMs, summary, notify);
  }

  private recordFire(key: string, tMs: number): boolean {
    const times = (this.fireTimes.get(key) ?? []).filter((t) => t > tMs - this.flapWindowMs);
    times.push(tMs);
    this.fireTimes.set(key, times);
    return times.length >= this.flapFires;
  }

  private recheckSilences(nowMs: number): AlarmChange[] {
    const changes: AlarmChange[] = [];
    for (const a of this.active.values()) {
      const silenced = isSilenced(this.silences, a, nowMs);
      if (silenced === a.silenced) continue;
      a.silenced = silenced;
      const notify = !silenced && a.state === 'firing' && !this.notified.has(a.id) ? 'firing' : null;
      if (notify) this.notified.add(a.id);
      changes.push(this.move(a, a.state, nowMs, silenced ? 'silenced' : 'silence ended', notify));
    }
    return changes;
  }

  private create(s: AlarmSignal, state: AlarmState): Alarm {
    const rule = this.opts.rule(s.ruleId);
    const deviceName = s.deviceId === null ? null : this.opts.deviceName(s.deviceId);
    const base = { ruleId: s.ruleId, deviceName, severity: rule?.severity ?? 'warning' } as const;
    return {
      id: this.opts.newId(),
      key: s.key,
      ruleId: s.ruleId,
      ruleName: rule?.name ?? s.ruleId,
      kind: rule?.kind ?? 'threshold',
      severity: base.severity,
      deviceId: s.deviceId,
      deviceName,
      labels: s.labels,
      state,
      summary: s.summary,
      value: s.value,
      startedAtMs: s.tMs,
      firedAtMs: null,
      resolvedAtMs: null,
      ack: null,
      silenced: isSilenced(this.silences, base, s.tMs),
      flapping: false,
      groupKey: s.ruleId,
      lastChangeMs: s.tMs,
    };
  }

  private move(a: Alarm, to: AlarmState, tMs: number, note: string, notify: AlarmChange['notify'], from: AlarmState | null = a.state): AlarmChange {
    a.state = to;
    a.lastChangeMs = tMs;
    return { alarm: { ...a, labels: { ...a.labels }, ack: a.ack ? { ...a.ack } : null }, transition: { alarmId: a.id, tMs, from, to, note }, notify };
  }
}
