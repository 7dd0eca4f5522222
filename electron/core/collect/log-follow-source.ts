import type { SourceDiagnostics } from '../../../shared/contract/methods-diagnostics';
import type { InstanceLog } from '../../../shared/domain/device';
import type { ErrorValue } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import { parseJournalJsonLine } from '../../../shared/ptp/log/journal-json';
import { LogToSeries, type LogLineIn } from '../../../shared/ptp/log/log-to-series';
import { parseLogLineBytes } from '../../../shared/ptp/log/parse-log-line-bytes';
import type { DeviceEvent } from '../../../shared/series/device-event';
import { LineStream } from '../transport/line-stream';
import type { DeviceStream, DeviceTransport } from '../transport/transport';
import type { PtpSource, SourcePoll } from './ptp-source';
import { DiagnosticsRecorder, RAW_OUTPUT_MAX_CHARS } from './source-diagnostics';

/**
 * Follows one instance's log live — a file across rotation (`tail -F`) or its systemd unit's journal
 * (`journalctl -f -o json`, wall times from __REALTIME_TIMESTAMP) — and turns what arrives into
 * readings and events (shared/ptp/log). Lines are queued as they arrive and taken on each poll of
 * the device supervisor. Only new lines are read: what was logged while the device was unreachable
 * stays a gap. If the follower ends (file gone, journalctl missing), it is started again on the next
 * poll and a `source-restart` event says why.
 */

export interface LogSourceSpec {
  id: string;
  /** The device's name, as messages show it (its id when absent). */
  name?: string;
  instance: string;
  log: InstanceLog;
}

/** A poll's worth of lines is small; more than this between two polls means a runaway log. */
export const MAX_QUEUED_LINES = 20_000;

export function followArgv(log: InstanceLog): string[] {
  // Both are validated profile fields (absolute path without `..`; a systemd unit name); argv is quoted by the transport.
  return log.kind === 'file' ? ['tail', '-n', '0', '-F', '--', log.path] : ['journalctl', '-f', '-n', '0', '-o', 'json', '-u', log.unit];
}

const utf8 = (bytes: Buffer, start: number, end: number) => bytes.toString('utf8', start, end);

export class LogFollowSource implements PtpSource {
  readonly instance: string;
  private stream: DeviceStream | null = null;
  private queue: LogLineIn[] = [];
  private dropped = 0;
  private stderr: string[] = [];
  private starts = 0;
  private lastExit: string | null = null;
  private endedWith: ErrorValue | null = null;
  private lastStderr: string | null = null;
  private readonly toSeries: LogToSeries;
  /** Totals since the source was made, for the diagnostics panel and doctor. */
  readonly totals = { lines: 0, unparsed: 0, dropped: 0, txTimestampTimeouts: 0 };
  unparsedSamples: string[] = [];
  private readonly diag: DiagnosticsRecorder;
  /** What this poll's lines gave diag.rawLine so far, counted as it counts them (it keeps RAW_OUTPUT_MAX_CHARS). */
  private rawChars = 0;
  private pollStartedMs = performance.now();

  constructor(private readonly spec: LogSourceSpec) {
    this.instance = spec.instance;
    this.toSeries = new LogToSeries(spec.id, spec.instance);
    this.diag = new DiagnosticsRecorder('log-follow', spec.instance);
  }

  diagnostics(): SourceDiagnostics {
    return this.diag.view();
  }

  async poll(transport: DeviceTransport, signal: AbortSignal): Promise<SourcePoll> {
    const events: DeviceEvent[] = [];
    if (!this.stream) {
      // A journal follower never says anything about a unit it has no entries for: ask once first.
      if (this.spec.log.kind === 'journal') {
        const probe = await this.probeJournal(transport, signal);
        if (probe) events.push(this.notice(probe.code, probe.detail));
      }
      await this.start(transport, signal);
      if (this.starts > 1) {
        events.push(this.restartEvent());
        // Why it had ended stays the source's last error until lines flow again.
        this.endedWith = this.endedError();
      }
    }
    // What the follower itself says (`tail: cannot open …`), once per line.
    for (const line of this.stderr.splice(0)) events.push(this.notice('log-source-message', line));
    const lines = this.queue;
    this.queue = [];
    const batch = this.toSeries.convert(lines);
    this.totals.lines += lines.length;
    this.totals.unparsed += batch.unparsed;
    this.totals.txTimestampTimeouts += batch.txTimestampTimeouts;
    if (batch.unparsedSamples.length > 0) this.unparsedSamples = batch.unparsedSamples;
    for (const line of batch.unparsedSamples) this.diag.unreadable(line);
    this.diag.parseErrors += Math.max(0, batch.unparsed - batch.unparsedSamples.length);
    if (this.dropped > 0) {
      this.totals.dropped += this.dropped;
      events.push(this.notice('log-lines-dropped', `${this.dropped} lines`));
      this.dropped = 0;
    }
    // Latency of a follower: how long its lines waited for this poll at most (the poll interval, while lines flow).
    const now = performance.now();
    if (lines.length > 0) this.endedWith = null;
    this.diag.endExchange(lines.length > 0 ? Math.round(now - this.pollStartedMs) : null, this.endedWith);
    this.rawChars = 0;
    this.pollStartedMs = now;
    return { sample: null, problem: null, readings: batch.readings, events: [...events, ...batch.events] };
  }

  close(): void {
    this.stream?.close();
    this.stream = null;
  }

  private async start(transport: DeviceTransport, signal: AbortSignal): Promise<void> {
    this.starts++;
    this.diag.restarts = this.starts - 1;
    const argv = followArgv(this.spec.log);
    this.diag.command(argv);
    const stream = await transport.stream(argv, { signal, maxLineBytes: 16 * 1024 });
    this.stream = stream;
    this.toSeries.restart();
    const journal = this.spec.log.kind === 'journal';
    const onLine = (bytes: Buffer, start: number, end: number, from: 'stdout' | 'stderr') => {
      // A string is made only where one is needed: the diagnostics panel's share of a poll's lines, stderr, journal JSON.
      const line = this.rawChars < RAW_OUTPUT_MAX_CHARS || from === 'stderr' || journal ? utf8(bytes, start, end) : null;
      if (line !== null && this.rawChars < RAW_OUTPUT_MAX_CHARS) {
        this.rawChars += Math.min(line.length, RAW_OUTPUT_MAX_CHARS - this.rawChars) + 1;
        this.diag.rawLine(line);
      }
      if (from === 'stderr') {
        const text = line ?? '';
        if (this.stderr.length < 8) this.stderr.push(text.slice(0, 200));
        this.lastStderr = text.slice(0, 200);
        return;
      }
      if (this.queue.length >= MAX_QUEUED_LINES) {
        this.dropped++;
        return;
      }
      const arrivedMs = Date.now();
      if (journal) {
        const entry = parseJournalJsonLine(line ?? '');
        if (entry) this.queue.push({ parsed: entry, wallTimeMs: entry.wallTimeMs ?? arrivedMs });
      } else {
        this.queue.push({ parsed: parseLogLineBytes(bytes, start, end, utf8), wallTimeMs: arrivedMs });
      }
    };
    // Every transport's stream is a LineStream, which hands over lines as bytes; another DeviceStream's lines are encoded back.
    if (stream instanceof LineStream) stream.onLineBytes(onLine);
    else
      stream.onLine((text, from) => {
        const bytes = Buffer.from(text);
        onLine(bytes, 0, bytes.length, from);
      });
    void stream.ended.then((exit) => {
      if (this.stream !== stream) return;
      this.lastExit = this.lastStderr ? `${exit.reason}: ${this.lastStderr}` : exit.reason;
      this.stream = null;
    });
  }

  /** `journalctl -n 1` for the unit: missing journalctl, or no entries for the unit, is worth saying. */
  private async probeJournal(transport: DeviceTransport, signal: AbortSignal): Promise<{ code: string; detail: string } | null> {
    if (this.spec.log.kind !== 'journal') return null;
    const unit = this.spec.log.unit;
    const res = await transport.exec(['journalctl', '-n', '1', '-q', '-o', 'json', '-u', unit], { timeoutMs: 5_000, signal, maxOutputBytes: 64 * 1024 });
    if (res.exitCode === 127) return { code: 'log-source-missing', detail: 'journalctl is not installed on the device' };
    if (res.stdout.trim() === '') return { code: 'log-source-empty', detail: `the journal has no entries for ${unit}${res.stderr.trim() ? ` (${res.stderr.trim().slice(0, 160)})` : ''}` };
    return null;
  }

  private endedError(): ErrorValue {
    const what = this.spec.log.kind === 'file' ? this.spec.log.path : `the journal of ${this.spec.log.unit}`;
    return catalogError('log.follower-ended', { device: this.spec.name ?? this.spec.id, what, reason: this.lastExit ?? 'ended' }, { deviceId: this.spec.id });
  }

  private notice(code: string, subject: string): DeviceEvent {
    return { deviceId: this.spec.id, instance: this.instance, kind: 'notice', from: null, to: code, detail: { severity: 'warning', subject, source: `log ${this.spec.log.kind}` }, tMs: Date.now() };
  }

  private restartEvent(): DeviceEvent {
    return { deviceId: this.spec.id, instance: this.instance, kind: 'source-restart', from: this.lastExit ?? 'ended', to: 'running', detail: { source: `log ${this.spec.log.kind}`, starts: this.starts }, tMs: Date.now() };
  }
}
