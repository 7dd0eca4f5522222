import { randomBytes } from 'node:crypto';
import { errorValueOf, type ErrorValue } from '../../../shared/domain/errors';
import type { PtpSample } from '../../../shared/domain/ptp';
import type { DeviceStatus } from '../../../shared/domain/status';
import { pmcPollArgv } from '../../../shared/ptp/pmc-command';
import type { DeviceConnectSpec } from '../store/devices-repo';
import type { DeviceTransport } from '../transport/transport';
import { backoffMs } from './backoff';
import { pollOutcome } from './poll-outcome';

export interface CollectorSinks {
  sample(s: PtpSample): void;
  status(s: DeviceStatus): void;
  pollDone(durationS: number, error: ErrorValue | null): void;
}

const PMC_TIMEOUT_MS = 5_000;

/**
 * pmc's own socket. Its default, /var/run/pmc.<pid>, only root may create; /tmp works for any login.
 * Fresh per poll, so a pmc killed on timeout cannot leave a stale socket that blocks the next one.
 */
export function clientSocketPath(): string {
  return `/tmp/syncscope-pmc-${randomBytes(6).toString('hex')}`;
}

/**
 * Polls one device's ptp4l through pmc at a fixed rate over one persistent transport.
 * Failures back off exponentially; the loop never throws and stops only when told.
 */
export class DeviceCollector {
  private stopped = false;
  private failures = 0;
  private wake: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private current: DeviceStatus;
  readonly done: Promise<void>;

  constructor(
    private readonly spec: DeviceConnectSpec,
    private readonly transport: DeviceTransport,
    private readonly sinks: CollectorSinks,
  ) {
    this.current = { deviceId: spec.id, connection: 'idle', portState: null, lastError: null, lastSampleAtMs: null, nextRetryAtMs: null };
    this.done = this.loop();
  }

  get status(): DeviceStatus {
    return this.current;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.wake?.();
    this.transport.close();
    await this.done;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const started = Date.now();
      const ok = await this.pollOnce();
      if (this.stopped) break;
      const delay = ok ? Math.max(0, started + this.spec.pollIntervalMs - Date.now()) : backoffMs(this.failures);
      if (!ok) this.setStatus({ nextRetryAtMs: Date.now() + delay });
      await this.sleep(delay);
    }
  }

  /** One poll; true when a sample was taken. */
  private async pollOnce(): Promise<boolean> {
    const t0 = performance.now();
    let error: ErrorValue | null = null;
    let sampled = false;
    try {
      if (this.transport.state !== 'connected') {
        this.setStatus({ connection: 'connecting' });
        await this.transport.connect();
      }
      const res = await this.transport.exec(pmcPollArgv(this.spec.udsPath, { clientSocketPath: clientSocketPath() }), { timeoutMs: PMC_TIMEOUT_MS });
      const { sample, problem } = pollOutcome(res, this.spec.id, this.spec.name, this.spec.udsPath, Date.now());
      if (this.stopped) return false;
      error = problem;
      if (sample) {
        sampled = true;
        this.failures = 0;
        this.sinks.sample(sample);
        this.setStatus({ connection: 'online', portState: sample.portState, lastError: problem, lastSampleAtMs: sample.tMs, nextRetryAtMs: null });
      } else {
        this.failures++;
        this.setStatus({ connection: 'online', portState: null, lastError: problem });
      }
    } catch (err) {
      if (this.stopped) return false;
      error = { ...errorValueOf(err), deviceId: this.spec.id };
      this.failures++;
      this.setStatus({ connection: 'offline', lastError: error });
    }
    this.sinks.pollDone((performance.now() - t0) / 1000, sampled ? null : error);
    return sampled;
  }

  /** Publishes only real changes: a new sample time alone travels with the sample, not as a status. */
  private setStatus(patch: Partial<DeviceStatus>): void {
    const next = { ...this.current, ...patch };
    const changed = (Object.keys(patch) as (keyof DeviceStatus)[]).some(
      (k) => k !== 'lastSampleAtMs' && JSON.stringify(next[k]) !== JSON.stringify(this.current[k]),
    );
    this.current = next;
    if (changed) this.sinks.status(next);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(resolve, ms);
    });
  }
}
