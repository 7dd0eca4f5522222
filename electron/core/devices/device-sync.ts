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
}

/**
 * Keeps collectors and consoles in line with the device table, whoever changed it: this engine's
 * handlers, or another process on the same data dir (seen through SQLite's `data_version`).
 */
export class DeviceSync {
  private watcher: NodeJS.Timeout | null = null;
  private dataVersion = 0;
  private syncing: Promise<void> = Promise.resolve();
  private readonly names = new Map<string, string>();

  constructor(private readonly deps: DeviceSyncDeps) {}

  async start(watchIntervalMs: number): Promise<void> {
    this.dataVersion = this.readDataVersion();
    await this.changed();
    this.watcher = setInterval(() => {
      const v = this.readDataVersion();
      if (v !== this.dataVersion) {
        this.dataVersion = v;
        void this.changed();
      }
    }, watchIntervalMs);
    this.watcher.unref();
  }

  /** Re-reads the device list, restarts changed collectors and tells every console. Serialized. */
  changed(): Promise<void> {
    this.syncing = this.syncing.then(async () => {
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
      this.deps.emit({ event: 'devices.changed', payload: { devices } });
    });
    return this.syncing.catch((err: unknown) => this.deps.log.error({ err }, 'device sync failed'));
  }

  async stop(): Promise<void> {
    if (this.watcher) clearInterval(this.watcher);
    await this.syncing.catch(() => undefined);
  }

  private readDataVersion(): number {
    return this.deps.db.pragma('data_version', { simple: true }) as number;
  }
}
