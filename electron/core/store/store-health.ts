import type { StoreHealth } from '../../../shared/domain/store-health';

/** True for SQLite's "database or disk is full" (SQLITE_FULL and its extended codes). */
export function isDiskFull(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_FULL');
}

export interface StoreHealthWatchOptions {
  /** The write queue's bound (readings kept in memory while writes fail). */
  limit: number;
  /** Readings and events waiting now. */
  queued(): number;
  /** Told once per change of state (ok → disk-full → ok…), not at every retry. */
  onChange(health: StoreHealth): void;
  nowMs?: () => number;
}

/** Follows the history writes' failures and recoveries as one state a console can show and /metrics can export. */
export class StoreHealthWatch {
  private state: StoreHealth['state'] = 'ok';
  private sinceMs: number | null = null;

  constructor(private readonly opts: StoreHealthWatchOptions) {}

  /** A batch could not be written (it stays queued and is retried). */
  failed(err: unknown): void {
    const state = isDiskFull(err) ? 'disk-full' : 'failing';
    if (state === this.state) return;
    if (this.state === 'ok') this.sinceMs = (this.opts.nowMs ?? Date.now)();
    this.state = state;
    this.opts.onChange(this.current());
  }

  /** A batch was written after failures: everything waiting is saved. */
  recovered(): void {
    if (this.state === 'ok') return;
    this.state = 'ok';
    this.sinceMs = null;
    this.opts.onChange(this.current());
  }

  current(): StoreHealth {
    return { state: this.state, queued: this.opts.queued(), limit: this.opts.limit, sinceMs: this.sinceMs };
  }
}
