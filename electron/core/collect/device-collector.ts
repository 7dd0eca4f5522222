import type { InstanceStateView, SourceDiagnostics } from '../../../shared/contract/methods-diagnostics';
import { DEFAULT_SSH_PORT } from '../../../shared/domain/device';
import { errorValueOf, SyncscopeError, type ErrorValue } from '../../../shared/domain/errors';
import type { PtpSample } from '../../../shared/domain/ptp';
import type { DeviceStatus } from '../../../shared/domain/status';
import { catalogError } from '../../../shared/errors/catalog';
import type { DeviceConnectSpec } from '../store/devices-repo';
import { sshError } from '../transport/ssh-errors';
import type { DeviceTransport } from '../transport/transport';
import type { DeviceEvent } from '../../../shared/series/device-event';
import { connectionAfterConnectError } from '../../../shared/hostkeys/host-key-prompt';
import type { Reading } from '../../../shared/series/series';
import { backoffMs } from './backoff';
import { LogFollowSource } from './log-follow-source';
import { OneShotPmcSource } from './pmc-poll-source';
import { PmcStreamSource } from './pmc-stream-source';
import type { PtpSource, SourcePoll } from './ptp-source';
import { TsnStatsSource } from '../tsn/tsn-stats-source';
import type { TsnStateView } from '../../../shared/contract/methods-tsn';

export interface CollectorSinks {
  /** The first instance's legacy sample, once per poll cycle (the UI's live chart and status). */
  sample(s: PtpSample): void;
  /** Every reading of the cycle, of every instance, in one batch. */
  readings(r: Reading[]): void;
  /** Events of the cycle (port states, grandmaster changes, pmc restarts …), in one batch. */
  events(e: DeviceEvent[]): void;
  /** One call per real change of what a device row shows (connection, port state, error, retry time). */
  status(s: DeviceStatus): void;
  pollDone(durationS: number, error: ErrorValue | null): void;
}

export interface CollectorOptions {
  /** One deadline for each poll: channel open, pmc, output. */
  pollDeadlineMs?: number;
  /** Math.random's contract; retry jitter draws from it. */
  random?: () => number;
  /** First retry delay; later ones double up to 30 s. */
  retryBaseMs?: number;
  /**
   * How pmc runs: kept open per instance (default), or one-shot per poll (the fallback for a
   * transport that cannot stream).
   */
  pmc?: 'stream' | 'one-shot';
}

export const POLL_DEADLINE_MS = 5_000;
/** How often sources with their own interval are checked for being due. */
const BESIDE_TICK_MS = 100;
/** A kept-open pmc answers in well under a millisecond; one that does not answer within this is not answering. */
export const STREAM_ANSWER_DEADLINE_MS = 1_000;

type Step = { kind: 'sampled' } | { kind: 'failed' };


/**
 * Supervises one device: connects, polls at a fixed rate on the monotonic clock, backs off with
 * jitter after failures, and publishes each change of status once. Everything it starts is
 * cancelled by stop(), after which nothing more connects or runs.
 *
 * Wall time (Date.now()) only stamps samples and the retry time shown to people; every wait is
 * measured with performance.now() and setTimeout, so a stepped host clock cannot stall it.
 */
export class DeviceCollector {
  private readonly stopping = new AbortController();
  private readonly sources: PtpSource[];
  private readonly tsn: TsnStatsSource | null = null;
  /** When each source with its own interval last polled (performance.now()), and which are polling now. */
  private readonly lastPolledMs = new Map<PtpSource, number>();
  private readonly inFlight = new Set<PtpSource>();
  /** The sources each cycle awaits (pmc first: the device's status follows it), and those with their own interval. */
  private readonly cycleSources: PtpSource[];
  private readonly besideSources: PtpSource[];
  private besideTimer: ReturnType<typeof setInterval> | null = null;
  private readonly random: () => number;
  private readonly retryBaseMs: number | undefined;
  private failures = 0;
  private polling = false;
  private wake: (() => void) | null = null;
  private current: DeviceStatus;
  /** The last status sinks saw. */
  private published: DeviceStatus | null = null;
  readonly done: Promise<void>;

  constructor(
    private readonly spec: DeviceConnectSpec,
    private readonly transport: DeviceTransport,
    private readonly sinks: CollectorSinks,
    opts: CollectorOptions = {},
  ) {
    const deadlineMs = opts.pollDeadlineMs ?? POLL_DEADLINE_MS;
    // A serial console is one shell: a kept-open pmc would hold it, so it is polled one command at a time.
    const streams = (opts.pmc ?? 'stream') === 'stream' && typeof transport.stream === 'function' && !transport.exclusiveStream;
    // Until every profile lists its instances, the short form is one instance named ptp4l at udsPath.
    const instances = spec.instances?.length ? spec.instances : [{ name: 'ptp4l', udsPath: spec.udsPath }];
    this.sources = instances.map((instance) =>
      streams ? new PmcStreamSource({ id: spec.id, name: spec.name, instance, defaultSockets: instances.length === 1 }, Math.min(deadlineMs, STREAM_ANSWER_DEADLINE_MS)) : new OneShotPmcSource({ id: spec.id, name: spec.name, udsPath: instance.udsPath }, instance.name, deadlineMs),
    );
    // Log followers come after every pmc source: the device's status follows the first pmc source.
    if (streams) for (const instance of instances) if (instance.log) this.sources.push(new LogFollowSource({ id: spec.id, name: spec.name, instance: instance.name, log: instance.log }));
    // TSN and system statistics at their own interval; a serial console is one shell, kept for the polls.
    if (spec.transport !== 'serial') {
      this.tsn = new TsnStatsSource({ id: spec.id, name: spec.name, interfaces: spec.tsnInterfaces ?? null, ptpInterfaces: () => this.states().flatMap((s) => s.ports.flatMap((p) => (p.interface ? [p.interface] : []))) });
      this.sources.push(this.tsn);
    }
    this.cycleSources = this.sources.filter((s) => s.intervalMs === undefined);
    this.besideSources = this.sources.filter((s) => s.intervalMs !== undefined);
    this.random = opts.random ?? Math.random;
    this.retryBaseMs = opts.retryBaseMs;
    this.current = { deviceId: spec.id, connection: 'idle', portState: null, lastError: null, lastSampleAtMs: null, nextRetryAtMs: null };
    // Sources with their own interval run on their own clock while connected, beside the cycle: a
    // slow tc/ethtool never holds up pmc, and a device whose ptp4l is down (backing off) is still read.
    if (this.besideSources.length > 0) {
      this.besideTimer = setInterval(() => this.tickBeside(), BESIDE_TICK_MS);
      this.besideTimer.unref?.();
    }
    this.done = this.loop();
  }

  get status(): DeviceStatus {
    return this.current;
  }

  /** Each source's diagnostics, pmc sources first. */
  diagnostics(): SourceDiagnostics[] {
    return this.sources.map((s) => s.diagnostics());
  }

  /** The latest data sets of each instance whose source reads them. */
  states(): InstanceStateView[] {
    return this.sources.flatMap((s) => (s.state ? [s.state()] : []));
  }

  /** The latest TSN and system statistics, or null when the device has no such source (serial). */
  tsnState(): TsnStateView | null {
    return this.tsn?.tsnState() ?? null;
  }

  /** The device's transport while it is connected (for read-only probes beside the polls), else null. */
  connectedTransport(): DeviceTransport | null {
    return this.transport.state === 'connected' && !this.stopped ? this.transport : null;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (!this.stopping.signal.aborted) this.stopping.abort(new SyncscopeError(catalogError('collect.cancelled', { device: this.spec.name }, { deviceId: this.spec.id })));
    this.wake?.();
    this.transport.close();
    await this.done;
  }

  /** stop() was called (a plain field: AbortSignal.aborted is a slow getter, asked several times a poll). */
  private stopped = false;

  private async loop(): Promise<void> {
    const unsubscribe = this.transport.onDisconnect(() => this.connectionDropped());
    try {
      while (!this.stopped) {
        const startedMs = performance.now();
        const step = await this.step();
        if (this.stopped) break;
        if (step.kind === 'sampled') {
          this.failures = 0;
          await this.sleep(startedMs + this.spec.pollIntervalMs - performance.now());
        } else {
          const delayMs = backoffMs(++this.failures, this.random, this.retryBaseMs);
          this.publish({ nextRetryAtMs: Date.now() + delayMs });
          await this.sleep(delayMs);
        }
      }
    } finally {
      unsubscribe();
      if (this.besideTimer) clearInterval(this.besideTimer);
      for (const s of this.sources) s.close();
    }
  }

  /** Connects if needed, then polls once. Never throws. */
  private async step(): Promise<Step> {
    const t0 = performance.now();
    if (this.transport.state !== 'connected') {
      this.publish({ connection: 'connecting', portState: null, nextRetryAtMs: null });
      try {
        await this.transport.connect({ signal: this.stopping.signal });
      } catch (err) {
        const why = errorValueOf(err);
        return this.failed(t0, connectionAfterConnectError(why), why);
      }
      if (this.stopped) return { kind: 'failed' };
    }
    this.polling = true;
    try {
      const polls = await Promise.all(this.cycleSources.map((s) => s.poll(this.transport, this.stopping.signal)));
      if (this.stopped) return { kind: 'failed' };
      this.deliver(polls);
      // The device's status follows its first instance; the others speak through readings and events.
      const { sample, problem } = polls[0] as SourcePoll;
      if (!sample) return this.failed(t0, 'no-data', problem ?? errorValueOf(new Error('a poll gave neither a sample nor a reason')));
      this.sinks.sample(sample);
      this.current = { ...this.current, lastSampleAtMs: sample.tMs };
      this.publish({ connection: 'online', portState: sample.portState, lastError: problem, nextRetryAtMs: null });
      this.sinks.pollDone((performance.now() - t0) / 1000, null);
      return { kind: 'sampled' };
    } catch (err) {
      return this.failed(t0, 'offline', errorValueOf(err));
    } finally {
      this.polling = false;
    }
  }

  /** A source with its own interval polls when that much passed since its last start (to the nearest tick) and its last poll is over. */
  private due(source: PtpSource): boolean {
    if (source.intervalMs === undefined || this.inFlight.has(source)) return false;
    const now = performance.now();
    const last = this.lastPolledMs.get(source);
    if (last !== undefined && now - last < source.intervalMs - BESIDE_TICK_MS / 2) return false;
    this.lastPolledMs.set(source, now);
    return true;
  }

  private tickBeside(): void {
    if (this.stopped || this.transport.state !== 'connected') return;
    for (const s of this.besideSources) if (this.due(s)) this.pollBeside(s);
  }

  /** Polls a source beside the cycle; what it found is delivered when it ends, unless the collector stopped. */
  private pollBeside(source: PtpSource): void {
    this.inFlight.add(source);
    source
      .poll(this.transport, this.stopping.signal)
      .then((p) => {
        if (!this.stopped) this.deliver([p]);
      })
      // Its own problems are in its result; a transport failure is the cycle's to notice.
      .catch(() => undefined)
      .finally(() => this.inFlight.delete(source));
  }

  private deliver(polls: SourcePoll[]): void {
    const readings = polls.flatMap((p) => p.readings);
    const events = polls.flatMap((p) => p.events);
    if (readings.length > 0) this.sinks.readings(readings);
    if (events.length > 0) this.sinks.events(events);
  }

  private failed(t0: number, connection: 'offline' | 'no-data' | 'awaiting-host-key', why: ErrorValue): Step {
    if (this.stopped) return { kind: 'failed' };
    const error: ErrorValue = { ...why, deviceId: this.spec.id };
    this.sinks.pollDone((performance.now() - t0) / 1000, error);
    // The status goes out with its retry time, once (see loop): here only the state is recorded.
    this.current = { ...this.current, connection, portState: null, lastError: error };
    return { kind: 'failed' };
  }

  /** An established connection went away between polls: say so now, and retry at once. */
  private connectionDropped(): void {
    if (this.stopped || this.polling) return;
    const why =
      this.spec.transport === 'serial'
        ? catalogError('serial.dropped', { path: this.spec.serial?.path ?? '' })
        : sshError('ssh.dropped', { host: this.spec.host ?? '', port: this.spec.sshPort ?? DEFAULT_SSH_PORT, user: this.spec.user ?? '' });
    this.publish({ connection: 'offline', portState: null, lastError: { ...why, deviceId: this.spec.id }, nextRetryAtMs: null });
    this.wake?.();
  }

  /** Publishes a status when anything a person sees changed; a new sample time alone travels with the sample. */
  private publish(patch: Partial<DeviceStatus>): void {
    if (this.stopped) return;
    const before = this.published;
    this.current = { ...this.current, ...patch };
    const next = this.current;
    const changed = !before || (Object.keys(next) as (keyof DeviceStatus)[]).some((k) => k !== 'lastSampleAtMs' && next[k] !== before[k] && JSON.stringify(next[k]) !== JSON.stringify(before[k]));
    if (!changed) return;
    this.published = next;
    this.sinks.status(next);
  }

  private sleep(ms: number): Promise<void> {
    if (ms <= 0 || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
