import type { DeviceView } from '../../../shared/domain/device';
import { errorValueOf } from '../../../shared/domain/errors';
import type { DeviceStatus } from '../../../shared/domain/status';
import type { DeviceConnectSpec } from '../store/devices-repo';
import type { DeviceTransport } from '../transport/transport';
import { DeviceCollector, type CollectorSinks } from './device-collector';

export interface PoolDeps {
  connectSpec(id: string): DeviceConnectSpec;
  transportFor(spec: DeviceConnectSpec): DeviceTransport;
  sinksFor(spec: DeviceConnectSpec): CollectorSinks;
}

/** Keeps exactly one collector per device, restarting one whose profile changed. */
export class CollectorPool {
  private readonly collectors = new Map<string, { collector: DeviceCollector; updatedAtMs: number }>();
  private readonly failed = new Map<string, DeviceStatus>();

  constructor(private readonly deps: PoolDeps) {}

  /** Brings the running collectors in line with the device list. */
  async sync(devices: DeviceView[]): Promise<void> {
    const wanted = new Map(devices.map((d) => [d.id, d]));
    for (const [id, entry] of this.collectors) {
      const d = wanted.get(id);
      if (!d || d.updatedAtMs !== entry.updatedAtMs) {
        this.collectors.delete(id);
        await entry.collector.stop();
      }
    }
    for (const id of this.failed.keys()) if (!wanted.has(id)) this.failed.delete(id);
    for (const d of devices) {
      if (this.collectors.has(d.id)) continue;
      this.failed.delete(d.id);
      try {
        const spec = this.deps.connectSpec(d.id);
        const collector = new DeviceCollector(spec, this.deps.transportFor(spec), this.deps.sinksFor(spec));
        this.collectors.set(d.id, { collector, updatedAtMs: d.updatedAtMs });
      } catch (err) {
        // A device whose secret cannot be read still shows up, with the reason.
        this.failed.set(d.id, { deviceId: d.id, connection: 'offline', portState: null, lastError: { ...errorValueOf(err), deviceId: d.id }, lastSampleAtMs: null, nextRetryAtMs: null });
      }
    }
  }

  /** The running collector of a device, if any. */
  collector(id: string): DeviceCollector | null {
    return this.collectors.get(id)?.collector ?? null;
  }

  statuses(): DeviceStatus[] {
    return [...[...this.collectors.values()].map((e) => e.collector.status), ...this.failed.values()];
  }

  /** Devices that could not start a collector (e.g. unreadable credentials), with the reason. */
  failedStatuses(): DeviceStatus[] {
    return [...this.failed.values()];
  }

  async stopAll(): Promise<void> {
    const all = [...this.collectors.values()];
    this.collectors.clear();
    await Promise.all(all.map((e) => e.collector.stop()));
  }
}
