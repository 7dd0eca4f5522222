import type { WebhookConfig } from '../../../shared/contract/methods-alarms';
import type { Logger } from '../log';
import type { OutboxItem, WebhookOutbox } from './webhook-outbox';

export interface WebhookSenderDeps {
  outbox: WebhookOutbox;
  webhooks(): WebhookConfig[];
  log: Logger;
  /** Each attempt's outcome, for /metrics. */
  attempted(webhookId: string, ok: boolean): void;
}

/**
 * Delivers the outbox: one POST in flight per webhook (so its notices stay in order), each bounded
 * by the webhook's timeout, a failure retried later with backoff. It runs on its own timer and
 * promises, so a dead receiver never holds up collection or evaluation.
 */
export class WebhookSender {
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly aborts = new Set<AbortController>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly deps: WebhookSenderDeps) {}

  start(intervalMs = 250): void {
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
  }

  /** Sends whatever is due now (also called right after a notification was queued). */
  kick(): void {
    if (this.closed) return;
    const now = Date.now();
    for (const w of this.deps.webhooks()) {
      if (!w.enabled || this.inFlight.has(w.id)) continue;
      const item = this.deps.outbox.due(w.id, now);
      if (!item) continue;
      const sending = this.send(w, item).finally(() => {
        this.inFlight.delete(w.id);
        if (!this.closed) setImmediate(() => this.kick());
      });
      this.inFlight.set(w.id, sending);
    }
  }

  private async send(w: WebhookConfig, item: OutboxItem): Promise<void> {
    const abort = new AbortController();
    this.aborts.add(abort);
    const timeout = setTimeout(() => abort.abort(new Error(`no answer within ${w.timeoutMs} ms`)), w.timeoutMs);
    let error: string | null = null;
    try {
      const res = await fetch(w.url, { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': 'Syncscope' }, body: item.body, signal: abort.signal });
      await res.arrayBuffer().catch(() => undefined);
      if (!res.ok) error = `HTTP ${res.status} ${res.statusText}`.trim();
    } catch (err) {
      const cause = (err as { cause?: { message?: string } }).cause?.message;
      error = abort.signal.aborted ? String((abort.signal.reason as Error | undefined)?.message ?? 'timed out') : `${(err as Error).message}${cause ? ` (${cause})` : ''}`;
    } finally {
      clearTimeout(timeout);
      this.aborts.delete(abort);
    }
    // Stopping aborts what is in flight: it stays undelivered and goes out after the next start.
    if (this.closed && error !== null) return;
    const now = Date.now();
    if (error === null) this.deps.outbox.delivered(item, now);
    else {
      this.deps.outbox.failed(item, error, now);
      if (item.attempts === 0) this.deps.log.warn({ webhook: w.id, url: w.url, error }, 'alarm webhook failed; retrying with backoff');
    }
    this.deps.attempted(w.id, error === null);
  }

  /** Stops sending; what is in flight is aborted and awaited, so nothing touches the store afterwards. */
  async stop(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    for (const a of this.aborts) a.abort(new Error('engine stopping'));
    await Promise.allSettled([...this.inFlight.values()]);
  }
}
