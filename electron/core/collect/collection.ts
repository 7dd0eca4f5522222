import type { EventMessage } from '../../../shared/contract/events';
import type { DeviceView } from '../../../shared/domain/device';
import { Connection, type DeviceStatus } from '../../../shared/domain/status';
import type { DeviceEvent } from '../../../shared/series/device-event';
import { readingFromSample } from '../../../shared/series/legacy-sample';
import type { Reading } from '../../../shared/series/series';
import type { Logger } from '../log';
import type { EngineMetrics } from '../metrics/engine-metrics';
import type { DeviceConnectSpec, DevicesRepo } from '../store/devices-repo';
import type { SeriesStore } from '../store/series-store';
import type { HostKeys } from '../hostkeys/host-keys';
import { ConsoleLogs } from '../transport/console-log';
import { createTransport } from '../transport/registry';
import type { DeviceTransport } from '../transport/transport';
import { CollectorPool } from './collector-pool';
import { DisconnectedDevices } from './disconnected-devices';
import type { CollectorSinks, DeviceCollector } from './device-collector';

export interface CollectionDeps {
  devices: DevicesRepo;
  series: SeriesStore;
  metrics: EngineMetrics;
  log: Logger;
  emit(msg: EventMessage): void;
  /** Decides first-contact host keys (the operator's answer); absent, a first contact is trusted. */
  hostKeys?: HostKeys;
}

/** Connection states that last (not the passing `idle`/`connecting`): a change between them is a `connection` event. */
const SETTLED: ReadonlySet<DeviceStatus['connection']> = new Set(['online', 'no-data', 'offline', 'awaiting-host-key']);

/** Collection as the engine sees it: one collector per device, wired to the store, /metrics and the event stream. */
export class Collection {
  private readonly pool: CollectorPool;
  /** Serial devices' raw console lines, kept across reconnects and profile edits. */
  readonly consoleLogs = new ConsoleLogs();
  private readonly disconnected = new DisconnectedDevices();

  constructor(private readonly deps: CollectionDeps) {
    this.pool = new CollectorPool({
      connectSpec: (id) => deps.devices.connectSpec(id),
      transportFor: (spec) => this.transportFor(spec),
      sinksFor: (spec) => this.sinksFor(spec),
    });
  }

  /** Brings the running collectors in line with the device list; announces devices that could not start. */
  async sync(devices: DeviceView[]): Promise<void> {
    // A disconnected device is run like a removed one: its collector stops, its transport closes.
    const { running, newly } = this.disconnected.split(devices, (id) => this.pool.collector(id)?.status ?? null);
    await this.pool.sync(running);
    for (const st of this.pool.failedStatuses()) this.deps.emit({ event: 'device.status', payload: st });
    for (const { status, left } of newly) this.announceDisconnected(status, left, devices);
    // Every sync, not only the first: a renamed device's series start over under its new name.
    for (const d of devices) {
      if (!d.disconnected) continue;
      this.deps.metrics.setUp(d.name, false);
      this.deps.metrics.setDisconnected(d.name, true);
    }
  }

  statuses(): DeviceStatus[] {
    return [...this.pool.statuses(), ...this.disconnected.all()];
  }

  /** The running collector of a device (its diagnostics, data sets, connected transport), if any. */
  collector(id: string): DeviceCollector | null {
    return this.pool.collector(id);
  }

  stopAll(): Promise<void> {
    return this.pool.stopAll();
  }

  private sinksFor(spec: DeviceConnectSpec): CollectorSinks & { readings(r: Reading[]): void; events(e: DeviceEvent[]): void } {
    const { deps } = this;
    // A dead device fails every retry with the same error: the log says it once, and again only when it changes.
    let lastLogged: string | null = null;
    let settled: DeviceStatus['connection'] | null = null;
    if (this.disconnected.takeResumed(spec.id)) {
      settled = 'disconnected';
      deps.metrics.setDisconnected(spec.name, false);
      deps.log.info({ device: spec.name }, 'connected again by an operator');
    }
    // A source that emits readings itself makes the legacy sample a UI-only event (see `sample`).
    let readingsSeen = false;
    const readings = (batch: Reading[]) => {
      if (batch.length === 0) return;
      deps.series.appendReadings(batch);
      deps.metrics.recordReadings(spec.name, batch);
      deps.emit({ event: 'series.readings', payload: { deviceId: spec.id, readings: batch } });
    };
    const events = (batch: DeviceEvent[]) => {
      if (batch.length === 0) return;
      deps.series.appendEvents(batch);
      deps.emit({ event: 'device.events', payload: { deviceId: spec.id, events: batch } });
    };
    return {
      readings: (batch) => {
        readingsSeen = true;
        readings(batch);
      },
      events,
      sample: (s) => {
        // The one-shot poll source gives only a PtpSample: it becomes a reading of the first instance.
        if (!readingsSeen) readings([readingFromSample(s, spec.instances[0]?.name ?? 'ptp4l')]);
        deps.emit({ event: 'ptp.sample', payload: s });
      },
      status: (st) => {
        // A 'connecting' status still carries the last error, for the row to show: it is not news.
        if (st.connection !== 'connecting') {
          const news = st.lastError ? `${st.lastError.code}|${st.lastError.message}` : null;
          if (st.lastError && news !== lastLogged) deps.log.warn({ device: spec.name, code: st.lastError.code }, st.lastError.message);
          if (news === null && lastLogged !== null) deps.log.info({ device: spec.name }, 'measuring again');
          lastLogged = news;
        }
        if (SETTLED.has(st.connection) && st.connection !== settled) {
          deps.metrics.setUp(spec.name, st.connection === 'online');
          events([connectionEvent(spec.id, settled, st)]);
          settled = st.connection;
        }
        deps.emit({ event: 'device.status', payload: st });
      },
      pollDone: (seconds, error) => {
        deps.metrics.pollDuration.observe({ device: spec.name }, seconds);
        if (error) deps.metrics.recordFailure(spec.name, error.code);
      },
    };
  }

  /**
   * A deliberate gap: the history gets a `connection` event from the state the device `left` (its
   * running collector's), or at start-up from the last stored one, and none when that was this gap
   * already (a restart while disconnected).
   */
  private announceDisconnected(st: DeviceStatus, left: DeviceStatus | null, devices: readonly DeviceView[]): void {
    const { deps } = this;
    const name = devices.find((d) => d.id === st.deviceId)?.name ?? st.deviceId;
    const from = left && SETTLED.has(left.connection) ? left.connection : Connection.safeParse(deps.series.queryEvents({ deviceId: st.deviceId, kinds: ['connection'], limit: 1 })[0]?.to).data ?? null;
    if (from !== 'disconnected') {
      const event = connectionEvent(st.deviceId, from, st);
      deps.series.appendEvents([event]);
      deps.emit({ event: 'device.events', payload: { deviceId: st.deviceId, events: [event] } });
    }
    deps.log.info({ device: name }, 'disconnected by an operator: connection closed, nothing polled until connected');
    deps.emit({ event: 'device.status', payload: st });
  }

  private transportFor(spec: DeviceConnectSpec): DeviceTransport {
    return createTransport(spec, {
      // Called only after a login with this key succeeded (see SshTransport).
      onNewHostKey: (fp) => {
        this.deps.devices.rememberHostKey(spec.id, fp);
        this.deps.log.info({ device: spec.name, fingerprint: fp }, 'remembered SSH host key on first contact');
      },
      ...(this.deps.hostKeys ? { verifyHostKey: this.deps.hostKeys.verifierFor(spec) } : {}),
      onNewJumpHostKey: (fp) => {
        this.deps.devices.rememberJumpHostKey(spec.id, fp);
        this.deps.log.info({ device: spec.name, fingerprint: fp }, "remembered the jump host's SSH host key on first contact");
      },
      consoleLogFor: () => this.consoleLogs.of(spec.id),
    });
  }
}

/** A change of a device's lasting connection state, with the reason when it is not online. */
function connectionEvent(deviceId: string, from: DeviceStatus['connection'] | null, st: DeviceStatus): DeviceEvent {
  return {
    deviceId,
    instance: null,
    kind: 'connection',
    from,
    to: st.connection,
    detail: st.lastError && st.connection !== 'online' ? { code: st.lastError.code, message: st.lastError.message.slice(0, 200) } : {},
    tMs: Date.now(),
  };
}
