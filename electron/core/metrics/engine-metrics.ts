import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { PTP_METRICS } from '../../../shared/series/catalog-ptp';
import { SERVO_METRICS } from '../../../shared/series/catalog-servo';
import { isMeasurement, type Reading, type ReadingValue } from '../../../shared/series/series';
import { CatalogMetrics } from './catalog-metrics';

/**
 * /metrics: the catalog's measurements (catalog-metrics.ts) plus the engine's own view of each device
 * (up, last sample, poll duration, errors). Labelled by device name.
 */
export class EngineMetrics {
  readonly registry = new Registry();
  private readonly r = [this.registry];
  readonly catalog = new CatalogMetrics(this.registry);

  readonly deviceUp = new Gauge({ name: 'syncscope_device_up', help: '1 when the device is online (reachable and measuring: the last poll gave a sample), else 0.', labelNames: ['device'], registers: this.r });
  readonly deviceDisconnected = new Gauge({
    name: 'syncscope_device_disconnected',
    help: '1 while an operator has disconnected the device (connection closed, nothing polled; a deliberate gap, not an outage), else 0.',
    labelNames: ['device'],
    registers: this.r,
  });
  readonly lastSampleSeconds = new Gauge({ name: 'syncscope_ptp_last_sample_timestamp_seconds', help: 'Wall-clock time of the last reading, seconds since the epoch.', labelNames: ['device'], registers: this.r });
  readonly pollDuration = new Histogram({
    name: 'syncscope_poll_duration_seconds',
    help: 'Time one poll of a device took (connect if needed, run pmc, parse, store).',
    labelNames: ['device'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: this.r,
  });
  readonly pollErrors = new Counter({ name: 'syncscope_poll_errors_total', help: 'Failed polls, by error code.', labelNames: ['device', 'code'], registers: this.r });

  private readonly errorCodes = new Map<string, Set<string>>();

  constructor(opts: { processMetrics?: boolean } = {}) {
    if (opts.processMetrics !== false) {
      collectDefaultMetrics({ register: this.registry, prefix: 'syncscope_' });
      // prom-client names these gauges *_total, which Prometheus reserves for counters.
      for (const name of ['active_handles_total', 'active_requests_total', 'active_resources_total']) this.registry.removeSingleMetric(`syncscope_nodejs_${name}`);
    }
  }

  recordReadings(device: string, readings: readonly Reading[]): void {
    if (readings.length === 0) return;
    this.catalog.record(device, readings);
    // Only a PTP measurement moves the last-sample time: readings that are all gaps (ptp4l silent,
    // values not fresh), or the TSN and system figures a device gives while ptp4l does not answer,
    // must not make a device that measures no time look current.
    let newestUs = 0;
    for (const r of readings) if (r.values.some(isPtpMeasurement)) newestUs = Math.max(newestUs, r.tUs);
    if (newestUs > 0) this.lastSampleSeconds.set({ device }, newestUs / 1e6);
  }

  /** Whether the device is online (reachable and measuring); when it is not, its last measurements are no longer current. */
  setUp(device: string, up: boolean): void {
    this.deviceUp.set({ device }, up ? 1 : 0);
    if (!up) this.catalog.dropGauges(device);
  }

  /** Whether an operator disconnected the device: alert rules tell a deliberate gap from an outage by it. */
  setDisconnected(device: string, disconnected: boolean): void {
    this.deviceDisconnected.set({ device }, disconnected ? 1 : 0);
  }

  /** A poll without a sample (unreachable, or ptp4l not measuring): counted, and the device is down. */
  recordFailure(device: string, code: string): void {
    this.setUp(device, false);
    this.pollErrors.inc({ device, code });
    let codes = this.errorCodes.get(device);
    if (!codes) this.errorCodes.set(device, (codes = new Set()));
    codes.add(code);
  }

  /** Forgets every series of a device (removed or renamed). */
  forget(device: string): void {
    this.catalog.forget(device);
    for (const m of [this.deviceUp, this.deviceDisconnected, this.lastSampleSeconds, this.pollDuration]) m.remove({ device });
    for (const code of this.errorCodes.get(device) ?? []) this.pollErrors.remove({ device, code });
    this.errorCodes.delete(device);
  }
}

const isPtpMeasurement = (v: ReadingValue): boolean => (Object.hasOwn(PTP_METRICS, v.metric) || Object.hasOwn(SERVO_METRICS, v.metric)) && isMeasurement(v);
