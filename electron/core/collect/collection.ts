import type { EventMessage } from '../../../shared/contract/events';
import type { DeviceView } from '../../../shared/domain/device';
import type { DeviceStatus } from '../../../shared/domain/status';
import type { Logger } from '../log';
import type { EngineMetrics } from '../metrics/engine-metrics';
import type { DeviceConnectSpec, DevicesRepo } from '../store/devices-repo';
import type { SamplesRepo } from '../store/samples-repo';
import { createTransport } from '../transport/registry';
import type { DeviceTransport } from '../transport/transport';
import { CollectorPool } from './collector-pool';

export interface CollectionDeps {
  devices: DevicesRepo;
  samples: SamplesRepo;
  metrics: EngineMetrics;
  log: Logger;
  emit(msg: EventMessage): void;
}

/** Collection as the engine sees it: one collector per device, wired to the store, /metrics and the event stream. */
export class Collection {
  private readonly pool: CollectorPool;

  constructor(private readonly deps: CollectionDeps) {
    this.pool = new CollectorPool({
      connectSpec: (id) => deps.devices.connectSpec(id),
      transportFor: (spec) => this.transportFor(spec),
      sinksFor: (spec) => {
        // A dead device fails every retry with the same error: the log says it once, and again only when it changes.
        let lastLogged: string | null = null;
        return {
          sample: (s) => {
            deps.samples.insert(s);
            deps.metrics.recordSample(spec.name, s);
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
            deps.emit({ event: 'device.status', payload: st });
          },
          pollDone: (seconds, error) => {
            deps.metrics.pollDuration.observe({ device: spec.name }, seconds);
            if (error) deps.metrics.recordFailure(spec.name, error.code);
          },
        };
      },
    });
  }

  /** Brings the running collectors in line with the device list; announces devices that could not start. */
  async sync(devices: DeviceView[]): Promise<void> {
    await this.pool.sync(devices);
    for (const st of this.pool.failedStatuses()) this.deps.emit({ event: 'device.status', payload: st });
  }

  statuses(): DeviceStatus[] {
    return this.pool.statuses();
  }

  stopAll(): Promise<void> {
    return this.pool.stopAll();
  }

  private transportFor(spec: DeviceConnectSpec): DeviceTransport {
    return createTransport(spec, {
      // Called only after a login with this key succeeded (see SshTransport).
      onNewHostKey: (fp) => {
        this.deps.devices.rememberHostKey(spec.id, fp);
        this.deps.log.info({ device: spec.name, fingerprint: fp }, 'remembered SSH host key on first contact');
      },
    });
  }
}
