import type { WebhookConfig, WebhookStatus } from '../../../shared/contract/methods-alarms';
import type { Db } from '../store/db';

export interface OutboxItem {
  notificationId: string;
  webhookId: string;
  body: string;
  attempts: number;
}

/** Retry delays: 1 s doubling to 60 s. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000, 1000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Each notification, per webhook, until that webhook took it (alarm_outbox). A row is delivered at
 * most once: it is marked the moment the receiver answered 2xx, and only undelivered rows are sent,
 * oldest first per webhook (a recovery notice never overtakes its firing notice).
 */
export class WebhookOutbox {
  private readonly stmt;

  constructor(db: Db) {
    this.stmt = {
      enqueue: db.prepare('INSERT OR IGNORE INTO alarm_outbox (notification_id, webhook_id, body, created_at_ms, next_attempt_at_ms) VALUES (?, ?, ?, ?, ?)'),
      head: db.prepare('SELECT notification_id AS notificationId, webhook_id AS webhookId, body, attempts, next_attempt_at_ms AS nextAttemptAtMs FROM alarm_outbox WHERE webhook_id = ? AND delivered_at_ms IS NULL ORDER BY created_at_ms, rowid LIMIT 1'),
      delivered: db.prepare('UPDATE alarm_outbox SET delivered_at_ms = ?, attempts = attempts + 1 WHERE notification_id = ? AND webhook_id = ? AND delivered_at_ms IS NULL'),
      failed: db.prepare('UPDATE alarm_outbox SET attempts = attempts + 1, next_attempt_at_ms = ?, last_error = ?, last_error_at_ms = ? WHERE notification_id = ? AND webhook_id = ?'),
      status: db.prepare(`SELECT
          SUM(delivered_at_ms IS NULL) AS pending, SUM(delivered_at_ms IS NOT NULL) AS delivered,
          SUM(attempts - (delivered_at_ms IS NOT NULL)) AS failedAttempts, MAX(delivered_at_ms) AS lastDeliveredAtMs,
          MIN(CASE WHEN delivered_at_ms IS NULL THEN next_attempt_at_ms END) AS nextAttemptAtMs
        FROM alarm_outbox WHERE webhook_id = ?`),
      lastError: db.prepare('SELECT last_error AS lastError, last_error_at_ms AS lastErrorAtMs FROM alarm_outbox WHERE webhook_id = ? AND last_error IS NOT NULL ORDER BY last_error_at_ms DESC LIMIT 1'),
      prune: db.prepare('DELETE FROM alarm_outbox WHERE delivered_at_ms IS NOT NULL AND delivered_at_ms < ?'),
    };
  }

  enqueue(notificationId: string, webhookId: string, body: string, nowMs: number): void {
    this.stmt.enqueue.run(notificationId, webhookId, body, nowMs, nowMs);
  }

  /** The oldest undelivered item of a webhook, if it is due. */
  due(webhookId: string, nowMs: number): OutboxItem | null {
    const row = this.stmt.head.get(webhookId) as (OutboxItem & { nextAttemptAtMs: number }) | undefined;
    return row && row.nextAttemptAtMs <= nowMs ? row : null;
  }

  delivered(item: OutboxItem, nowMs: number): void {
    this.stmt.delivered.run(nowMs, item.notificationId, item.webhookId);
  }

  failed(item: OutboxItem, error: string, nowMs: number): void {
    this.stmt.failed.run(nowMs + retryDelayMs(item.attempts + 1), error.slice(0, 500), nowMs, item.notificationId, item.webhookId);
  }

  status(w: WebhookConfig): WebhookStatus {
    const s = this.stmt.status.get(w.id) as { pending: number | null; delivered: number | null; failedAttempts: number | null; lastDeliveredAtMs: number | null; nextAttemptAtMs: number | null };
    const e = this.stmt.lastError.get(w.id) as { lastError: string; lastErrorAtMs: number } | undefined;
    return {
      id: w.id,
      url: w.url,
      enabled: w.enabled,
      pending: s.pending ?? 0,
      delivered: s.delivered ?? 0,
      failedAttempts: s.failedAttempts ?? 0,
      lastError: e?.lastError ?? null,
      lastErrorAtMs: e?.lastErrorAtMs ?? null,
      lastDeliveredAtMs: s.lastDeliveredAtMs,
      nextAttemptAtMs: s.nextAttemptAtMs,
    };
  }

  /** Forgets delivered rows older than `beforeMs` (a week of delivery history is kept). */
  prune(beforeMs: number): void {
    this.stmt.prune.run(beforeMs);
  }
}
