import type { AlarmChange } from './alarm-book';
import type { Alarm, AlarmNotification } from './alarm-model';

interface Group {
  ruleId: string;
  alerts: Map<string, Alarm>;
  /** Alerts that fired since the last firing notification. */
  news: boolean;
  sentFiring: boolean;
  flushAtMs: number;
}

/**
 * Many alarms of one rule at once (every slave after a GM failover) become one notification: the
 * first firing opens the rule's group, which waits `groupWaitMs` for the others and then sends them
 * together; later joiners go out as an update after another wait; when every alert of the group
 * has resolved, one recovery notice lists them all and the group closes.
 */
export class NotificationGroups {
  private readonly groups = new Map<string, Group>();

  constructor(
    private readonly opts: { newId(): string; groupWaitMs(ruleId: string): number },
  ) {}

  add(changes: readonly AlarmChange[], nowMs: number): void {
    for (const c of changes) {
      if (!c.notify) {
        // Keep what a group shows current (acknowledged, a newer summary) without sending anything.
        const open = this.groups.get(c.alarm.groupKey);
        if (open?.alerts.has(c.alarm.id)) open.alerts.set(c.alarm.id, c.alarm);
        continue;
      }
      let g = this.groups.get(c.alarm.groupKey);
      if (!g) {
        if (c.notify === 'resolved') continue;
        g = { ruleId: c.alarm.ruleId, alerts: new Map(), news: false, sentFiring: false, flushAtMs: nowMs + this.opts.groupWaitMs(c.alarm.ruleId) };
        this.groups.set(c.alarm.groupKey, g);
      }
      g.alerts.set(c.alarm.id, c.alarm);
      if (c.notify === 'firing') {
        if (!g.news && g.sentFiring) g.flushAtMs = nowMs + this.opts.groupWaitMs(c.alarm.ruleId);
        g.news = true;
      }
    }
  }

  /** The notifications due at `nowMs`, in the order to send them. */
  due(nowMs: number): AlarmNotification[] {
    const out: AlarmNotification[] = [];
    for (const [key, g] of this.groups) {
      if (g.flushAtMs > nowMs) continue;
      const alerts = [...g.alerts.values()];
      const open = alerts.filter((a) => a.state !== 'resolved');
      if (g.news) {
        out.push({ id: this.opts.newId(), groupKey: key, ruleId: g.ruleId, status: 'firing', alerts: open.length > 0 ? open : alerts, createdAtMs: nowMs });
        g.news = false;
        g.sentFiring = true;
      }
      if (open.length === 0) {
        if (g.sentFiring) out.push({ id: this.opts.newId(), groupKey: key, ruleId: g.ruleId, status: 'resolved', alerts, createdAtMs: nowMs });
        this.groups.delete(key);
      }
    }
    return out;
  }
}
