import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { PORT_STATE_CODES, type PtpSample } from '../../../shared/domain/ptp';

/** Metric definitions: one table-like place for names, units and help. Labelled by device name. */
export class EngineMetrics {
  readonly registry = new Registry();
  private readonly r = [this.registry];

  // Prometheus wants base units: offsets and delays are exported in seconds (ns / 1e9).
  readonly offsetFromMaster = new Gauge({ name: 'syncscope_ptp_offset_from_master_seconds', help: 'Last CURRENT_DATA_SET offsetFromMaster, seconds.', labelNames: ['device'], registers: this.r });
  readonly masterOffset = new Gauge({ name: 'syncscope_ptp_master_offset_seconds', help: 'Last TIME_STATUS_NP master_offset, seconds.', labelNames: ['device'], registers: this.r });
  readonly meanPathDelay = new Gauge({ name: 'syncscope_ptp_mean_path_delay_seconds', help: 'Last CURRENT_DATA_SET meanPathDelay, seconds.', labelNames: ['device'], registers: this.r });
  readonly portState = new Gauge({
    name: 'syncscope_ptp_port_state',
    help: `Port state of the device's sync port, as linuxptp's enum port_state: ${Object.entries(PORT_STATE_CODES).map(([s, code]) => `${code}=${s}`).join(', ')}.`,
    labelNames: ['device'],
    registers: this.r,
  });
  readonly deviceUp = new Gauge({ name: 'syncscope_device_up', help: '1 when the device is online (reachable and measuring: the last poll gave a sample), else 0.', labelNames: ['device'], registers: this.r });
  readonly lastSampleSeconds = new Gauge({ name: 'syncscope_ptp_last_sample_timestamp_seconds', help: 'Wall-clock time of the last sample, seconds since the epoch.', labelNames: ['device'], registers: this.r });
  readonly pollDuration = new Histogram({
    name: 'syncscope_poll_duration_seconds',
    help: 'Time one poll of a device took (connect if needed, run pmc, parse, store).',
    labelNames: ['device'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: this.r,
  });
  readonly pollErrors = new Counter({ name: 'syncscope_poll_errors_total', help: 'Failed polls, by error code.', labelNames: ['device', 'code'], registers: this.r });

  constructor(opts: { processMetrics?: boolean } = {}) {
    if (opts.processMetrics !== false) {
      collectDefaultMetrics({ register: this.registry, prefix: 'syncscope_' });
      // prom-client names these gauges *_total, which Prometheus reserves for counters.
      for (const name of ['active_handles_total', 'active_requests_total', 'active_resources_total']) this.registry.removeSingleMetric(`syncscope_nodejs_${name}`);
    }
  }

  recordSample(device: string, s: PtpSample): void {
    const set = (g: Gauge, v: number | null) => (v === null ? g.remove({ device }) : g.set({ device }, v));
    const seconds = (ns: number | null) => (ns === null ? null : ns / 1e9);
    set(this.offsetFromMaster, seconds(s.offsetFromMasterNs));
    set(this.masterOffset, seconds(s.masterOffsetNs));
    set(this.meanPathDelay, seconds(s.meanPathDelayNs));
    set(this.portState, s.portState === null ? null : PORT_STATE_CODES[s.portState]);
    this.deviceUp.set({ device }, 1);
    this.lastSampleSeconds.set({ device }, s.tMs / 1000);
  }

  /** Gauges that hold a device's last measurement: exported only while it is current. */
  private readonly measurements = [this.offsetFromMaster, this.masterOffset, this.meanPathDelay, this.portState];

  private readonly errorCodes = new Map<string, Set<string>>();

  /** A poll without a sample (unreachable, or ptp4l not measuring): counted, and the last values are no longer current. */
  recordFailure(device: string, code: string): void {
    this.deviceUp.set({ device }, 0);
    for (const g of this.measurements) g.remove({ device });
    this.pollErrors.inc({ device, code });
    let codes = this.errorCodes.get(device);
    if (!codes) this.errorCodes.set(device, (codes = new Set()));
    codes.add(code);
  }

  /** Forgets every series of a device (removed or renamed). */
  forget(device: string): void {
    for (const m of [this.offsetFromMaster, this.masterOffset, this.meanPathDelay, this.portState, this.deviceUp, this.lastSampleSeconds, this.pollDuration]) {
      m.remove({ device });
    }
    for (const code of this.errorCodes.get(device) ?? []) this.pollErrors.remove({ device, code });
    this.errorCodes.delete(device);
  }
}
