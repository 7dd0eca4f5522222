import { randomUUID } from 'node:crypto';
import type { Handlers } from '../../shared/contract/dispatch';
import type { EventMessage } from '../../shared/contract/events';
import { errorValueOf, SyncscopeError } from '../../shared/domain/errors';
import { catalogError } from '../../shared/errors/catalog';
import { createAlarms, type Alarms } from './alarms/alarms';
import { Collection } from './collect/collection';
import { createConfigPushService } from './config-push/config-push-wiring';
import type { ConfigPushService } from './config-push/config-push-service';
import { DeviceSync } from './devices/device-sync';
import { DiagnosticsService } from './doctor/diagnostics-service';
import { createHandlers } from './handlers';
import { liveHistoryReader, noSessions, type HistoryReader, type SessionHistoryResolver } from './history/history-reader';
import { ReportScheduler } from './history/report-scheduler';
import { ReportSchedulesRepo } from './history/report-schedules-repo';
import { HostKeys } from './hostkeys/host-keys';
import { createLogger, type Logger } from './log';
import { EngineMetrics } from './metrics/engine-metrics';
import type { SecretBox } from './secrets/secret-box';
import { lockDataDir, type DataDirLock, type EngineHolder } from './store/data-dir-lock';
import type { Db } from './store/db';
import type { DevicesRepo } from './store/devices-repo';
import { HistoryPurge } from './store/history-purge';
import { createSessionService } from './sessions/session-handlers';
import type { SessionService } from './sessions/session-service';
import { HostKeyRejections } from './store/host-key-rejections';
import { openStore, type HistoryStore, type Store } from './store/open-store';
import { storeError } from './store/store-errors';
import { StoreHealthWatch } from './store/store-health';
import { StoreMetrics } from './metrics/store-metrics';
import { DEFAULT_MAX_QUEUED_ROWS } from './store/write-queue';

export interface EngineOptions {
  dataDir: string;
  /** Electron passes a keychain-backed box; headless uses a key file in the data dir. */
  secretBox?: SecretBox;
  nativeBinding?: string;
  log?: Logger;
  processMetrics?: boolean;
  /** How often to look for device changes written by another process (the CLI on the same data dir). */
  watchIntervalMs?: number;
  /**
   * false for the CLI working on a data dir: it edits devices but polls nothing, takes no lock, and
   * leaves history purges to the collecting engine (which sees the change through `data_version`).
   */
  collect?: boolean;
  /** Named in the data-dir lock, so a second engine can say who holds the folder. */
  holder?: EngineHolder;
  /** How long a write waits for another process's write lock. */
  busyTimeoutMs?: number;
}

export const ENGINE_VERSION = '0.1.0';

/** The engine: composes the store, collection, metrics, device sync and the contract's handlers. Plain Node, no Electron. */
export class Engine {
  readonly engineId = randomUUID();
  readonly dataDir: string;
  readonly db: Db;
  readonly devices: DevicesRepo;
  readonly series: HistoryStore;
  readonly metrics: EngineMetrics;
  readonly log: Logger;
  readonly handlers: Handlers;
  readonly hostKeys: HostKeys;
  readonly diagnostics: DiagnosticsService;
  /** Sessions of this data folder (captured or imported history in portable files). */
  readonly sessions: SessionService;
  /** Scheduled compliance reports: configured by any engine, run by the collecting one. */
  readonly reportScheduler: ReportScheduler;
  /** Reading, previewing and safely pushing device configs, and the audit log of every push. */
  readonly configPush: ConfigPushService;
  /** Whether history writes succeed (a full disk pauses them): store.health events, engine.storeHealth, /metrics. */
  readonly storeHealth: StoreHealthWatch;
  /** Alarm rules, alarms and notifications (evaluated by the collecting engine, from its own event stream). */
  readonly alarms: Alarms;
  metricsUrl: string | null = null;
  private readonly store: Store;
  private readonly lock: DataDirLock | null;
  private readonly purge: HistoryPurge | null;
  private readonly collection: Collection | null;
  private readonly sync: DeviceSync;
  private readonly listeners = new Set<(msg: EventMessage) => void>();
  private readonly liveHistory: HistoryReader;
  private sessionHistory: SessionHistoryResolver = noSessions;

  constructor(private readonly opts: EngineOptions) {
    this.dataDir = opts.dataDir;
    const log = (this.log = opts.log ?? createLogger());
    const collect = opts.collect !== false;
    let storeMetrics: StoreMetrics | null = null;
    this.storeHealth = new StoreHealthWatch({
      limit: DEFAULT_MAX_QUEUED_ROWS,
      queued: () => this.store.series.queued,
      onChange: (health) => {
        storeMetrics?.set(health);
        this.emit({ event: 'store.health', payload: health });
        if (health.state === 'ok') log.info('history writes resumed; everything waiting is saved');
      },
    });
    // One collecting engine per folder: two would both poll and write duplicates.
    this.lock = collect ? lockDataDir(opts.dataDir, opts.holder ?? (process.versions.electron ? 'Syncscope desktop app' : 'syncscope serve')) : null;
    try {
      this.store = openStore(opts.dataDir, {
        ...(opts.secretBox ? { secretBox: opts.secretBox } : {}),
        ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
        ...(opts.busyTimeoutMs !== undefined ? { busyTimeoutMs: opts.busyTimeoutMs } : {}),
        seriesWrites: {
          onFlushError: (err, queuedRows) => {
            log.warn({ err: errorValueOf(storeError(err, opts.dataDir, { queued: queuedRows, limit: DEFAULT_MAX_QUEUED_ROWS })), queuedRows }, 'readings and events not written yet; will retry');
            this.storeHealth.failed(err);
          },
          onRecovered: () => this.storeHealth.recovered(),
        },
        // Only the collecting engine writes history, so only it seals chunks, rolls up and applies retention.
        series: { background: collect, maintenance: { onError: (err) => log.warn({ err: errorValueOf(storeError(err, opts.dataDir)) }, 'history maintenance paused; will retry') } },
      });
    } catch (err) {
      this.lock?.release();
      throw err;
    }
    this.db = this.store.db;
    this.devices = this.store.devices;
    this.series = this.store.series;
    this.liveHistory = liveHistoryReader(this.devices, this.series, opts.dataDir);
    this.reportScheduler = new ReportScheduler({ repo: new ReportSchedulesRepo(this.db), history: () => this.liveHistory, log });
    const purge = (this.purge = collect ? new HistoryPurge(this.db, { onError: (err) => log.warn({ err: errorValueOf(storeError(err, opts.dataDir)) }, 'history purge paused; will retry') }) : null);
    this.metrics = new EngineMetrics({ processMetrics: opts.processMetrics ?? true });
    storeMetrics = new StoreMetrics(this.metrics.registry, () => this.storeHealth.current());
    const emit = (msg: EventMessage) => this.emit(msg);
    const hostKeys = (this.hostKeys = new HostKeys({
      devices: this.devices,
      rejections: new HostKeyRejections(this.db),
      series: this.series,
      log,
      emit,
      changeDevices: (write, nameOf) => this.changeDevices(write, nameOf),
      statuses: () => this.statuses(),
    }));
    const collection = collect ? new Collection({ devices: this.devices, series: this.series, metrics: this.metrics, log, emit, hostKeys }) : null;
    this.collection = collection;
    this.diagnostics = new DiagnosticsService({ devices: this.devices, series: this.series, collection, hostKeys, log });
    this.sync = new DeviceSync({
      db: this.db,
      devices: this.devices,
      log,
      emit,
      ...(collection ? { apply: (devices) => collection.sync(devices) } : {}),
      forget: (names) => names.forEach((n) => this.metrics.forget(n)),
      ...(purge ? { synced: () => purge.kick() } : {}),
    });
    this.sessions = createSessionService(this);
    this.configPush = createConfigPushService({ db: this.db, devices: this.devices, collection, hostKeys, log, emit });
    this.alarms = createAlarms({ db: this.db, series: this.series, devices: () => this.devices.list(), registry: this.metrics.registry, log, emit, collect });
    const alarmService = this.alarms.service;
    if (alarmService) this.subscribe((msg) => alarmService.onMessage(msg));
    this.handlers = createHandlers(this);
  }

  /** Starts collecting from every stored device and watching for changes made by other processes. */
  start(): Promise<void> {
    if (this.opts.collect !== false) this.reportScheduler.start();
    this.alarms.service?.start();
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

  /** The newest lines of a serial device's raw console (empty for other devices, or a CLI-only engine). */
  consoleLog(deviceId: string, limit: number) {
    this.devices.get(deviceId);
    return this.collection?.consoleLogs.lines(deviceId, limit) ?? [];
  }

  /** A device's latest TSN and system statistics, from its running collector (null when none runs). */
  tsnState(deviceId: string) {
    return this.collection?.collector(deviceId)?.tsnState() ?? null;
  }

  /** A device's live connection (its collector's), or null when it is not connected now. */
  liveTransport(deviceId: string) {
    return this.collection?.collector(deviceId)?.connectedTransport() ?? null;
  }

  /** History to analyse or export: the live store, or a session's (by the id or name a request gave). */
  historyReader(sessionId?: string): HistoryReader {
    return sessionId === undefined ? this.liveHistory : this.sessionHistory(sessionId);
  }

  /** The sessions module registers how a session id finds its history (until then: no such session). */
  setSessionHistoryResolver(resolver: SessionHistoryResolver): void {
    this.sessionHistory = resolver;
  }

  statuses() {
    return this.collection?.statuses() ?? [];
  }

  /** Re-reads the device list, restarts changed collectors and tells every console. */
  devicesChanged(): Promise<void> {
    return this.sync.changed();
  }

  /**
   * A device write, then the sync that applies it. Answers only once both ran: a refused write is a
   * 'database' error (nothing changed); a saved change the engine could not apply says so.
   */
  async changeDevices<T>(write: () => T, nameOf: (value: T) => string): Promise<T> {
    const done: { value?: T; written: boolean } = { written: false };
    try {
      return await this.sync.mutate(() => {
        done.value = write();
        done.written = true;
        return done.value;
      });
    } catch (err) {
      if (!done.written) throw storeError(err, this.dataDir);
      throw new SyncscopeError(catalogError('engine.apply-failed', { name: nameOf(done.value as T), detail: errorValueOf(err).message }));
    }
  }

  async close(): Promise<void> {
    await this.sync.stop();
    await this.reportScheduler.stop();
    this.purge?.stop();
    // An import still running stops here, keeping what it read; session files are closed.
    await this.sessions.close();
    await this.collection?.stopAll();
    await this.alarms.service?.stop();
    this.listeners.clear();
    try {
      this.store.close();
    } finally {
      this.lock?.release();
    }
  }
}
