import { randomUUID } from 'node:crypto';
import { AlarmBook, type AlarmChange } from '../../../shared/alarms/alarm-book';
import type { AlarmInput, DeviceRef } from '../../../shared/alarms/alarm-input';
import type { Alarm, AlarmNotification } from '../../../shared/alarms/alarm-model';
import { alertmanagerBody, notificationText } from '../../../shared/alarms/alertmanager-body';
import { AlarmEvaluator } from '../../../shared/alarms/evaluator';
import { NotificationGroups } from '../../../shared/alarms/notification-groups';
import type { AlarmRule } from '../../../shared/alarms/rule-schema';
import type { EventMessage } from '../../../shared/contract/events';
import { errorValueOf } from '../../../shared/domain/errors';
import type { DeviceEvent } from '../../../shared/series/device-event';
import type { Logger } from '../log';
import type { SeriesStore } from '../store/series-store';
import { AlarmMetrics } from './alarm-metrics';
import type { AlarmsRepo } from './alarms-repo';
import type { WebhookOutbox } from './webhook-outbox';
import { WebhookSender } from './webhook-sender';

export interface AlarmServiceDeps {
  repo: AlarmsRepo;
  outbox: WebhookOutbox;
  series: SeriesStore;
  devices(): DeviceRef[];
  metrics: AlarmMetrics;
  log: Logger;
  emit(msg: EventMessage): void;
  /** Where a notification's reader opens the console (Alertmanager's externalURL). */
  externalUrl(): string;
}

/** Inputs handled per turn before yielding to the event loop: collection never waits long behind evaluation. */
const BATCH = 256;
const TICK_MS = 500;

/**
 * The collecting engine's alarms: fed from the engine's event stream (readings, device events,
 * statuses, the grandmaster of each poll) through a queue drained on later turns of the event loop,
 * so evaluation never runs inside collection. Changes are stored (alarm rows and every transition),
 * written as `alarm` events on the device's charts, pushed as `alarms.changed`, and grouped into
 * notifications: `alarms.notification` for the desktop and the webhook outbox.
 */
export class AlarmService {
  private readonly evaluator = new AlarmEvaluator();
  private readonly book: AlarmBook;
  private readonly groups: NotificationGroups;
  private readonly sender: WebhookSender;
  private rules = new Map<string, AlarmRule>();
  private names = new Map<string, string>();
  private queue: AlarmInput[] = [];
  private draining = false;
  private revision = -1;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly deps: AlarmServiceDeps) {
    this.book = new AlarmBook({ newId: randomUUID, rule: (id) => this.rules.get(id), deviceName: (id) => this.names.get(id) ?? null });
    this.groups = new NotificationGroups({ newId: randomUUID, groupWaitMs: (id) => this.rules.get(id)?.groupWaitMs ?? 2000 });
    this.sender = new WebhookSender({ outbox: deps.outbox, webhooks: () => deps.repo.webhooks(), log: deps.log, attempted: (id, ok) => deps.metrics.attempted(id, ok) });
  }

  start(): void {
    const open = this.deps.repo.openAlarms();
    this.book.restore(open);
    this.deps.metrics.update(open, this.book.list());
    this.setDevices(this.deps.devices());
    this.reload(Date.now());
    this.timer = setInterval(() => this.guard(() => this.tick(Date.now())), TICK_MS);
    this.timer.unref();
    this.sender.start();
  }

  /** The engine's stream: turned into evaluator inputs and queued (cheap: this runs inside whoever emitted). */
  onMessage(msg: EventMessage): void {
    if (this.closed) return;
    switch (msg.event) {
      case 'series.readings':
        this.enqueue({ type: 'readings', readings: msg.payload.readings });
        break;
      case 'device.events': {
        const events = msg.payload.events.filter((e) => e.kind !== 'alarm');
        if (events.length > 0) this.enqueue({ type: 'events', events });
        break;
      }
      case 'device.status':
        this.enqueue({ type: 'status', deviceId: msg.payload.deviceId, connection: msg.payload.connection, tMs: Date.now() });
        break;
      case 'ptp.sample':
        this.enqueue({ type: 'grandmaster', deviceId: msg.payload.deviceId, gmIdentity: msg.payload.gmIdentity, tMs: msg.payload.tMs });
        break;
      case 'devices.changed':
        this.setDevices(msg.payload.devices);
        break;
      default:
        break;
    }
  }

  active(): Alarm[] {
    return this.book.list();
  }

  /** Acknowledges a firing alarm now (and records who, for the CLI and other consoles). */
  ack(id: string, by: string, comment: string): Alarm | null {
    const now = Date.now();
    const change = this.book.ack(id, by, comment, now);
    if (!change) return null;
    this.deps.repo.addAck(id, by, comment, now, true);
    this.apply([change], now);
    return change.alarm;
  }

  /** Rules, silences or webhooks changed (here or in another process): take them up now. */
  reloadNow(): void {
    this.guard(() => this.reload(Date.now()));
  }

  async stop(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.sender.stop();
  }

  private enqueue(input: AlarmInput): void {
    this.queue.push(input);
    if (this.draining) return;
    this.draining = true;
    setImmediate(() => this.drain());
  }

  private drain(): void {
    if (this.closed) return;
    const batch = this.queue.length > BATCH ? this.queue.splice(0, BATCH) : this.queue;
    if (batch === this.queue) this.queue = [];
    this.guard(() => {
      const signals = batch.flatMap((input) => this.evaluator.feed(input));
      if (signals.length > 0) this.apply(this.book.apply(signals), Date.now());
      this.flushNotifications(Date.now());
    });
    if (this.queue.length > 0) setImmediate(() => this.drain());
    else this.draining = false;
  }

  private tick(now: number): void {
    if (this.deps.repo.revision() !== this.revision) this.reload(now);
    for (const a of this.deps.repo.takePendingAcks()) {
      const change = this.book.ack(a.alarmId, a.by, a.comment, a.atMs);
      if (change) this.apply([change], now);
    }
    const signals = this.evaluator.tick(now);
    const changes = [...(signals.length ? this.book.apply(signals) : []), ...this.book.tick(now)];
    if (changes.length > 0) this.apply(changes, now);
    this.flushNotifications(now);
  }

  private reload(now: number): void {
    this.revision = this.deps.repo.revision();
    const rules = this.deps.repo.rules();
    this.rules = new Map(rules.map((r) => [r.id, r]));
    const ended = this.evaluator.setRules(rules);
    const changes = [...(ended.length ? this.book.apply(ended) : []), ...this.book.setSilences(this.deps.repo.silences(now), now)];
    if (changes.length > 0) this.apply(changes, now);
  }

  private setDevices(devices: readonly DeviceRef[]): void {
    this.names = new Map(devices.map((d) => [d.id, d.name]));
    const ended = this.evaluator.setDevices(devices.map((d) => ({ id: d.id, name: d.name })), Date.now());
    if (ended.length > 0) this.apply(this.book.apply(ended), Date.now());
  }

  /** Stores, charts, pushes and groups alarm changes. */
  private apply(changes: readonly AlarmChange[], now: number): void {
    this.deps.repo.record(changes);
    const events: DeviceEvent[] = [];
    for (const { alarm, transition } of changes) {
      if (alarm.deviceId === null || transition.from === transition.to) continue;
      events.push({
        deviceId: alarm.deviceId,
        instance: alarm.labels.instance ?? null,
        kind: 'alarm',
        from: transition.from,
        to: transition.to,
        detail: { rule: alarm.ruleId, severity: alarm.severity, alarmId: alarm.id, summary: alarm.summary.slice(0, 200) },
        tMs: transition.tMs,
      });
    }
    if (events.length > 0) {
      this.deps.series.appendEvents(events);
      const byDevice = new Map<string, DeviceEvent[]>();
      for (const e of events) byDevice.set(e.deviceId, [...(byDevice.get(e.deviceId) ?? []), e]);
      for (const [deviceId, list] of byDevice) this.deps.emit({ event: 'device.events', payload: { deviceId, events: list } });
    }
    const alarms = changes.map((c) => c.alarm);
    this.deps.metrics.update(alarms, this.book.list());
    this.deps.emit({ event: 'alarms.changed', payload: { alarms } });
    this.groups.add(changes, now);
  }

  private flushNotifications(now: number): void {
    const due = this.groups.due(now);
    if (due.length === 0) return;
    const webhooks = this.deps.repo.webhooks().filter((w) => w.enabled);
    for (const n of due) {
      this.deps.emit({ event: 'alarms.notification', payload: { id: n.id, status: n.status, ...notificationText(n) } });
      for (const w of webhooks) {
        const alerts = w.minSeverity === 'critical' ? n.alerts.filter((a) => a.severity === 'critical') : n.alerts;
        if (alerts.length === 0) continue;
        const body: AlarmNotification = { ...n, alerts };
        this.deps.outbox.enqueue(n.id, w.id, JSON.stringify(alertmanagerBody(body, w.id, this.deps.externalUrl())), now);
      }
    }
    this.sender.kick();
  }

  /** A failure here (the disk, a bug) is logged; it never reaches whoever emitted the reading. */
  private guard(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.deps.log.warn({ err: errorValueOf(err) }, 'alarm evaluation failed; continuing');
    }
  }
}
