import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import type { DoctorReport, InstanceStateView, SourceDiagnostics } from '../../../shared/contract/methods-diagnostics';
import type { Collection } from '../collect/collection';
import type { HostKeys } from '../hostkeys/host-keys';
import type { Logger } from '../log';
import type { DevicesRepo } from '../store/devices-repo';
import type { SeriesStore } from '../store/series-store';
import { createTransport } from '../transport/registry';
import type { DeviceTransport } from '../transport/transport';
import { runDoctor } from './doctor-runner';

export interface DiagnosticsDeps {
  devices: Pick<DevicesRepo, 'get' | 'connectSpec'>;
  series: Pick<SeriesStore, 'queryEvents'>;
  /** null in an engine that collects nothing (the CLI on a data folder): no live state, doctor connects itself. */
  collection: Pick<Collection, 'collector'> | null;
  hostKeys?: Pick<HostKeys, 'verifierFor'>;
  log: Logger;
}

/** How far back tx-timestamp-timeout notices count. */
export const TX_TIMEOUT_WINDOW_MS = 24 * 3_600_000;
export const DOCTOR_CONNECT_TIMEOUT_MS = 15_000;

/**
 * What the engine knows of a device beyond its series: each instance's latest data sets, each
 * source's diagnostics, and the doctor's health checks run on demand.
 */
export class DiagnosticsService {
  constructor(private readonly deps: DiagnosticsDeps) {}

  states(deviceId: string): InstanceStateView[] {
    this.deps.devices.get(deviceId);
    return this.deps.collection?.collector(deviceId)?.states() ?? [];
  }

  sources(deviceId: string): SourceDiagnostics[] {
    this.deps.devices.get(deviceId);
    return this.deps.collection?.collector(deviceId)?.diagnostics() ?? [];
  }

  /**
   * Runs the checks over the collector's connection when it is up; otherwise over a connection of
   * its own (same profile, same host-key decisions), closed afterwards. A connection that cannot be
   * made rejects with the reason, as a poll would.
   */
  async doctor(deviceId: string): Promise<DoctorReport> {
    const spec = this.deps.devices.connectSpec(deviceId);
    // A board being flashed is not contacted, not even for a check.
    if (spec.disconnected) throw new SyncscopeError(catalogError('device.disconnected', { name: spec.name }, { deviceId }));
    const collector = this.deps.collection?.collector(deviceId) ?? null;
    const ranAtMs = Date.now();
    const subject = {
      instances: spec.instances,
      states: collector?.states() ?? [],
      txTimeouts: spec.instances.some((i) => i.log) ? this.txTimeouts(deviceId, ranAtMs) : null,
      nowMs: ranAtMs,
    };
    const live = collector?.connectedTransport() ?? null;
    let own: DeviceTransport | null = null;
    try {
      if (!live) {
        own = createTransport(spec, {
          // A key is remembered by the collector's own connection, never by a check.
          onNewHostKey: () => undefined,
          ...(this.deps.hostKeys ? { verifyHostKey: this.deps.hostKeys.verifierFor(spec) } : {}),
        });
        await own.connect({ signal: AbortSignal.timeout(DOCTOR_CONNECT_TIMEOUT_MS) });
      }
      const findings = await runDoctor((live ?? own) as DeviceTransport, subject);
      this.deps.log.info({ device: spec.name, failed: findings.filter((f) => f.status === 'fail').map((f) => f.check) }, 'health checks ran');
      return { deviceId, ranAtMs, findings };
    } finally {
      own?.close();
    }
  }

  private txTimeouts(deviceId: string, nowMs: number): number {
    const events = this.deps.series.queryEvents({ deviceId, sinceMs: nowMs - TX_TIMEOUT_WINDOW_MS, kinds: ['notice'], limit: 100_000 });
    return events.filter((e) => e.to === 'tx-timestamp-timeout').length;
  }
}
