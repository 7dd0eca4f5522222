import { randomUUID } from 'node:crypto';
import type { Handlers } from '../../shared/contract/dispatch';
import type { EventMessage } from '../../shared/contract/events';
import { CollectorPool } from './collect/collector-pool';
import { createHandlers } from './handlers';
import { createLogger, type Logger } from './log';
import { EngineMetrics } from './metrics/engine-metrics';
import type { SecretBox } from './secrets/secret-box';
import type { Db } from './store/db';
import type { DeviceConnectSpec, DevicesRepo } from './store/devices-repo';
import { openStore } from './store/open-store';
import type { SamplesRepo } from './store/samples-repo';
import { LocalTransport } from './transport/local-transport';
import { SshTransport } from './transport/ssh-transport';
import type { DeviceTransport } from './transport/transport';

export interface EngineOptions {
  dataDir: string;
  /** Electron passes a safeStorage-backed box; headless uses a key file in the data dir. */
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

/** The engine: store, collectors, metrics and the contract's handlers. Plain Node, no Electron. */
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
  private readonly pool: CollectorPool;
  private readonly listeners = new Set<(msg: EventMessage) => void>();
  private watcher: NodeJS.Timeout | null = null;
  private dataVersion = 0;
  private syncing: Promise<void> = Promise.resolve();
  private readonly names = new Map<string, string>();

  constructor(private readonly opts: EngineOptions) {
    this.dataDir = opts.dataDir;
    this.log = opts.log ?? createLogger();
    const store = openStore(opts.dataDir, { ...(opts.secretBox ? { secretBox: opts.secretBox } : {}), ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
    this.db = store.db;
    this.devices = store.devices;
    this.samples = store.samples;
    this.metrics = new EngineMetrics({ processMetrics: opts.processMetrics ?? true });
    this.pool = new CollectorPool({
      connectSpec: (id) => this.devices.connectSpec(id),
      transportFor: (spec) => this.transportFor(spec),
      sinksFor: (spec) => ({
        sample: (s) => {
          this.samples.insert(s);
          this.metrics.recordSample(spec.name, s);
          this.emit({ event: 'ptp.sample', payload: s });
        },
        status: (st) => {
          if (st.lastError) this.log.warn({ device: spec.name, code: st.lastError.code }, st.lastError.message);
          this.emit({ event: 'device.status', payload: st });
        },
        pollDone: (seconds, error) => {
          this.metrics.pollDuration.observe({ device: spec.name }, seconds);
          if (error && error.code !== 'device-output') this.metrics.recordFailure(spec.name, error.code);
        },
      }),
    });
    this.handlers = createHandlers(this);
  }

  /** Starts collecting from every stored device and watching for changes made by other processes. */
  async start(): Promise<void> {
    this.dataVersion = this.readDataVersion();
    await this.devicesChanged();
    const every = this.opts.watchIntervalMs ?? 500;
    this.watcher = setInterval(() => {
      const v = this.readDataVersion();
      if (v !== this.dataVersion) {
        this.dataVersion = v;
        void this.devicesChanged();
      }
    }, every);
    this.watcher.unref();
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
    return this.pool.statuses();
  }

  /** Re-reads the device list, restarts changed collectors and tells every console. Serialized. */
  devicesChanged(): Promise<void> {
    this.syncing = this.syncing.then(async () => {
      const devices = this.devices.list();
      if (this.opts.collect !== false) await this.pool.sync(devices);
      for (const [id, name] of this.names) {
        const now = devices.find((d) => d.id === id);
        if (!now || now.name !== name) this.metrics.forget(name);
      }
      this.names.clear();
      for (const d of devices) this.names.set(d.id, d.name);
      for (const st of this.pool.failedStatuses()) this.emit({ event: 'device.status', payload: st });
      this.emit({ event: 'devices.changed', payload: { devices } });
    });
    return this.syncing.catch((err: unknown) => this.log.error({ err }, 'device sync failed'));
  }

  async close(): Promise<void> {
    if (this.watcher) clearInterval(this.watcher);
    await this.syncing.catch(() => undefined);
    await this.pool.stopAll();
    this.listeners.clear();
    this.db.close();
  }

  private readDataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  private transportFor(spec: DeviceConnectSpec): DeviceTransport {
    if (spec.transport === 'local' || !spec.auth || !spec.host || !spec.user) return new LocalTransport();
    return new SshTransport({
      host: spec.host,
      port: spec.sshPort ?? 22,
      user: spec.user,
      auth: spec.auth,
      deviceId: spec.id,
      knownHostKey: spec.hostKeySha256,
      onNewHostKey: (fp) => {
        this.devices.rememberHostKey(spec.id, fp);
        this.log.info({ device: spec.name, fingerprint: fp }, 'remembered SSH host key on first contact');
      },
    });
  }
}
