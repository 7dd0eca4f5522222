/** While the database refuses writes, at most this many items wait by default. */
export const DEFAULT_MAX_QUEUED_ROWS = 100_000;

export interface WriteQueueOptions {
  /** A queued item is written at the latest this long after it arrived. */
  flushEveryMs?: number;
  /** …or as soon as this many are waiting. */
  flushAtRows?: number;
  /** While the database refuses writes, keep at most this many (the oldest go first). */
  maxQueuedRows?: number;
  /** A flush failed (e.g. SQLITE_BUSY under another process's write lock); the items stay queued. */
  onFlushError?(err: unknown, queuedRows: number): void;
  /** A flush succeeded after one or more failed: the database takes writes again. */
  onRecovered?(): void;
}

/**
 * Batches writes: items wait (at most `flushEveryMs`, or until `flushAtRows` are waiting) and are
 * written by one call, which the owner runs in one transaction (an autocommit INSERT per item costs
 * a WAL commit each). A failed batch stays queued, in order, and is tried again.
 */
export class WriteQueue<T> {
  private queue: T[] = [];
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private failing = false;
  private readonly flushEveryMs: number;
  private readonly flushAtRows: number;
  private readonly maxQueuedRows: number;

  constructor(
    private readonly write: (items: T[]) => void,
    private readonly opts: WriteQueueOptions = {},
  ) {
    this.flushEveryMs = opts.flushEveryMs ?? 250;
    this.flushAtRows = opts.flushAtRows ?? 500;
    this.maxQueuedRows = opts.maxQueuedRows ?? DEFAULT_MAX_QUEUED_ROWS;
  }

  push(items: readonly T[]): void {
    if (this.closed || items.length === 0) return;
    for (const item of items) this.queue.push(item);
    if (this.queue.length > this.maxQueuedRows) this.queue.splice(0, this.queue.length - this.maxQueuedRows);
    if (this.queue.length >= this.flushAtRows) this.flush();
    else this.schedule();
  }

  /** Writes every queued item in one call; returns how many were written (0 when it failed). */
  flush(): number {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.queue.length === 0) return 0;
    const items = this.queue;
    this.queue = [];
    try {
      this.write(items);
    } catch (err) {
      this.failing = true;
      this.queue = items.concat(this.queue);
      this.opts.onFlushError?.(err, this.queue.length);
      this.schedule();
      return 0;
    }
    if (this.failing) {
      this.failing = false;
      this.opts.onRecovered?.();
    }
    return items.length;
  }

  get queued(): number {
    return this.queue.length;
  }

  /** Writes what is queued and takes no more. */
  close(): void {
    this.flush();
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, this.flushEveryMs);
    this.timer.unref();
  }
}
