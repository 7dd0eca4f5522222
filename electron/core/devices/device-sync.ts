import type { EventMessage } from '../../../shared/contract/events';
import type { DeviceView } from '../../../shared/domain/device';
import type { Logger } from '../log';
import type { Db } from '../store/db';
import type { DevicesRepo } from '../store/devices-repo';

export interface DeviceSyncDeps {
  db: Db;
  devices: DevicesRepo;
  log: Logger;
  emit(msg: EventMessage): void;
  /** Applies a device list (restarts changed collectors); absent when the engine collects nothing. */
  apply?(devices: DeviceView[]): Promise<void>;
  /** Called with the names of devices that were removed or renamed. */
  forget(names: string[]): void;
  /** Called after every successful sync (the engine starts purging removed devices' history). */
  synced?(): void;
}

/**
 * Keeps collectors and consoles in line with the device table, whoever changed it: this engine's
 * handlers, or another process on the same data dir (seen through SQLite's `data_version`).
 *
 * Syncs run one at a time, and each stands alone: one that fails (a write refused under another
 * process's lock, a collector that cannot restart) is logged and reported to its caller, the
 * watcher retries it, and every later sync still runs.
 */
export class DeviceSync {
  private watcher: NodeJS.Timeout | null = null;
  private dataVersion = 0;
  private tail: Promise<unknown> = Promise.resolve();
  private retryNeeded = false;
  private watching = false;
  private readonly names = new Map<string, string>();

  constructor(private readonly deps: DeviceSyncDeps) {}

  async start(watchIntervalMs: number): Promise<void> {
    this.dataVersion = this.readDataVersion();
    // A first sync that fails is retried by the watcher like any other.
    await this.changed().catch(() => undefined);
    this.watcher = setInterval(() => this.watch(), watchIntervalMs);
    this.watcher.unref();
  }

  /** Re-reads the device list, restarts changed collectors and tells every console. */
  changed(): Promise<void> {
    return this.enqueue(() => this.apply());
  }

  /**
   * Runs a device write, then syncs, in the same turn of the queue (so consoles see changes in the
   * order they were made). Rejects with the write's error (nothing changed) or the sync's (saved,
   * not yet applied; the watcher retries).
   */
  mutate<T>(write: () => T): Promise<T> {
    return this.enqueue(async () => {
      const value = write();
      await this.apply();
      return value;
    });
  }

  async stop(): Promise<void> {
    if (this.watcher) clearInterval(this.watcher);
    this.watcher = null;
    await this.tail;
  }

  private enqueue<T>(step: () => Promise<T>): Promise<T> {
    const result = this.tail.then(step);
    // The next step waits for this one to settle, never for it to succeed.
    this.tail = result.catch(() => undefined);
    return result;
  }

  private watch(): void {
    if (this.watching) return;
    let v: number;
    try {
      v = this.readDataVersion();
    } catch (err) {
      this.deps.log.warn({ err }, 'cannot read the database version; will look again');
      return;
    }
    if (v === this.dataVersion && !this.retryNeeded) return;
    this.dataVersion = v;
    this.watching = true;
    void this.changed()
      .catch(() => undefined)
      .finally(() => (this.watching = false));
  }

  private async apply(): Promise<void> {
    try {
      const devices = this.deps.devices.list();
      if (this.deps.apply) await this.deps.apply(devices);
      const gone: string[] = [];
      for (const [id, name] of this.names) {
        const now = devices.find((d) => d.id === id);
        if (!now || now.name !== name) gone.push(name);
      }
      if (gone.length > 0) this.deps.forget(gone);
      this.names.clear();
      for (const d of devices) this.names.set(d.id, d.name);
      this.retryNeeded = false;
      this.deps.emit({ event: 'devices.changed', payload: { devices } });
      this.deps.synced?.();
    } catch (err) {
      this.retryNeeded = true;
      this.deps.log.error({ err }, 'device sync failed; retrying shortly');
      throw err;
    }
  }

  private readDataVersion(): number {
    return this.deps.db.pragma('data_version', { simple: true }) as number;
  }
}
