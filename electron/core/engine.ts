import { randomUUID } from 'node:crypto';
import type { Handlers } from '../../shared/contract/dispatch';
import type { EventMessage } from '../../shared/contract/events';
import { Collection } from './collect/collection';
import { DeviceSync } from './devices/device-sync';
import { createHandlers } from './handlers';
import { createLogger, type Logger } from './log';
import { EngineMetrics } from './metrics/engine-metrics';
import type { SecretBox } from './secrets/secret-box';
import type { Db } from './store/db';
import type { DevicesRepo } from './store/devices-repo';
import { openStore } from './store/open-store';
import type { SamplesRepo } from './store/samples-repo';

export interface EngineOptions {
  dataDir: string;
  /** Electron passes a keychain-backed box; headless uses a key file in the data dir. */
  secretBox?: SecretBox;
  nativeBinding?: string;
  log?: Logger;
  processMetrics?: boolean;
  /** How often to look for device changes written by another process (the CLI on the same data dir). */
  watchIntervalMs?: number;
  /** false for the CLI working on a data dir: it edits devices but polls nothing. */
  collect?: boolean;
}

export const ENGINE_VERSION = '0.1.0';

/** The engine: composes the store, collection, metrics, device sync and the contract's handlers. Plain Node, no Electron. */
export class Engine {
  readonly engineId = randomUUID();
  readonly dataDir: string;
  readonly db: Db;
  readonly devices: DevicesRepo;
  readonly samples: SamplesRepo;
  readonly metrics: EngineMetrics;
  readonly log: Logger;
  readonly handlers: Handlers;
  metricsUrl: string | null = null;
  private readonly collection: Collection | null;
  private readonly sync: DeviceSync;
  private readonly listeners = new Set<(msg: EventMessage) => void>();

  constructor(private readonly opts: EngineOptions) {
    this.dataDir = opts.dataDir;
    this.log = opts.log ?? createLogger();
    const store = openStore(opts.dataDir, { ...(opts.secretBox ? { secretBox: opts.secretBox } : {}), ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
    this.db = store.db;
    this.devices = store.devices;
    this.samples = store.samples;
    this.metrics = new EngineMetrics({ processMetrics: opts.processMetrics ?? true });
    const emit = (msg: EventMessage) => this.emit(msg);
    const collection = opts.collect === false ? null : new Collection({ devices: this.devices, samples: this.samples, metrics: this.metrics, log: this.log, emit });
    this.collection = collection;
    this.sync = new DeviceSync({
      db: this.db,
      devices: this.devices,
      log: this.log,
      emit,
      ...(collection ? { apply: (devices) => collection.sync(devices) } : {}),
      forget: (names) => names.forEach((n) => this.metrics.forget(n)),
    });
    this.handlers = createHandlers(this);
  }

  /** Starts collecting from every stored device and watching for changes made by other processes. */
  start(): Promise<void> {
    return this.sync.start(this.opts.watchIntervalMs ?? 500);
  }

  subscribe(listener: (msg: EventMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(msg: EventMessage): void {
    for (const fn of this.listeners) {
      try {
        fn(msg);
      } catch (err) {
        this.log.error({ err }, 'event listener failed');
      }
    }
  }

  statuses() {
    return this.collection?.statuses() ?? [];
  }

  /** Re-reads the device list, restarts changed collectors and tells every console. */
  devicesChanged(): Promise<void> {
    return this.sync.changed();
  }

  async close(): Promise<void> {
    await this.sync.stop();
    await this.collection?.stopAll();
    this.listeners.clear();
    this.db.close();
  }
}
