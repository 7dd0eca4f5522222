import { Counter, Gauge, type Registry } from 'prom-client';
import type { Alarm } from '../../../shared/alarms/alarm-model';
import type { WebhookStatus } from '../../../shared/contract/methods-alarms';

/**
 * /metrics for alarms: how many fire by severity, each firing alarm as `syncscope_alarm_active`
 * (what the Prometheus export's event and topology rules follow), and webhook deliveries.
 */
export class AlarmMetrics {
  private readonly firing: Gauge<'severity'>;
  private readonly active: Gauge<'rule' | 'device' | 'severity'>;
  private readonly attempts: Counter<'receiver' | 'outcome'>;
  private readonly live = new Map<string, { rule: string; device: string; severity: string }>();

  constructor(registry: Registry, webhooks: () => WebhookStatus[]) {
    const registers = [registry];
    this.firing = new Gauge({ name: 'syncscope_alarms_firing', help: 'Alarms firing now (acknowledged ones included), by severity.', labelNames: ['severity'], registers });
    for (const severity of ['warning', 'critical']) this.firing.set({ severity }, 0);
    this.active = new Gauge({ name: 'syncscope_alarm_active', help: '1 while an alarm of this rule fires on this device (device "" for alarms about the network).', labelNames: ['rule', 'device', 'severity'], registers });
    this.attempts = new Counter({ name: 'syncscope_alarm_webhook_attempts_total', help: 'Webhook POSTs by outcome (delivered: 2xx; failed: an error, a timeout or another status, retried with backoff).', labelNames: ['receiver', 'outcome'], registers });
    new Gauge({
      name: 'syncscope_alarm_webhook_pending',
      help: 'Notifications waiting to be delivered to a webhook (first tries and retries).',
      labelNames: ['receiver'],
      registers,
      collect() {
        this.reset();
        for (const w of webhooks()) this.set({ receiver: w.id }, w.pending);
      },
    });
  }

  /** Alarms that changed: the gauges follow their new states. */
  update(changed: readonly Alarm[], open: readonly Alarm[]): void {
    for (const a of changed) {
      const on = a.state === 'firing' || a.state === 'acknowledged';
      const labels = { rule: a.ruleId, device: a.deviceName ?? '', severity: a.severity };
      if (on && !this.live.has(a.id)) {
        this.live.set(a.id, labels);
        this.active.set(labels, 1);
      } else if (!on && this.live.has(a.id)) {
        this.live.delete(a.id);
        if (![...this.live.values()].some((l) => l.rule === labels.rule && l.device === labels.device && l.severity === labels.severity)) this.active.remove(labels);
      }
    }
    const counts = { warning: 0, critical: 0 };
    for (const a of open) if (a.state === 'firing' || a.state === 'acknowledged') counts[a.severity]++;
    for (const [severity, n] of Object.entries(counts)) this.firing.set({ severity }, n);
  }

  attempted(receiver: string, ok: boolean): void {
    this.attempts.inc({ receiver, outcome: ok ? 'delivered' : 'failed' });
  }
}
