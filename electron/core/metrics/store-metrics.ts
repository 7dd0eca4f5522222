import { Gauge, type Registry } from 'prom-client';
import type { StoreHealth } from '../../../shared/domain/store-health';

/** /metrics: whether history is being saved, for an alert on a full disk before the queue drops readings. */
export class StoreMetrics {
  private readonly failing: Gauge<'reason'>;

  constructor(registry: Registry, health: () => StoreHealth) {
    this.failing = new Gauge({
      name: 'syncscope_store_write_failing',
      help: '1 while history writes fail (reason disk-full: the disk holding the data folder is full; failing: another database error), else 0. Readings wait in memory meanwhile.',
      labelNames: ['reason'],
      registers: [registry],
    });
    new Gauge({
      name: 'syncscope_store_queued_items',
      help: 'Readings and events waiting to be written to the history (at most syncscope_store_queue_limit; the oldest go first beyond it).',
      registers: [registry],
      collect() {
        this.set(health().queued);
      },
    });
    new Gauge({ name: 'syncscope_store_queue_limit', help: 'How many readings and events wait in memory at most while writes fail.', registers: [registry] }).set(health().limit);
    this.set(health());
  }

  set(health: StoreHealth): void {
    for (const reason of ['disk-full', 'failing'] as const) this.failing.set({ reason }, health.state === reason ? 1 : 0);
  }
}
