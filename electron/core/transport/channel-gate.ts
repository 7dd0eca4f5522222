/** OpenSSH's default MaxSessions: a server refuses the 11th session channel on one connection. */
export const MAX_CHANNELS_PER_CONNECTION = 10;

/**
 * Bounds the live channels of one connection (exec and stream share it). A request waits its turn
 * in order, until its signal fires (its deadline), and then leaves the queue without a slot.
 */
export class ChannelGate {
  private live = 0;
  private readonly waiting: { grant(): void; fail(reason: unknown): void }[] = [];

  constructor(private readonly limit = MAX_CHANNELS_PER_CONNECTION) {}

  get inUse(): number {
    return this.live;
  }

  /** Resolves with a release function (call it once the channel has closed), or rejects with the signal's reason. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.live < this.limit && this.waiting.length === 0) return Promise.resolve(this.take());
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(this.take());
        },
        fail: (reason: unknown) => {
          signal?.removeEventListener('abort', onAbort);
          reject(reason);
        },
      };
      const onAbort = () => {
        const i = this.waiting.indexOf(waiter);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  /** The connection is gone: nobody waiting gets a slot on it. */
  abortWaiting(reason: unknown): void {
    for (const w of this.waiting.splice(0)) w.fail(reason);
  }

  private take(): () => void {
    this.live++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.live--;
      const next = this.waiting.shift();
      next?.grant();
    };
  }
}
