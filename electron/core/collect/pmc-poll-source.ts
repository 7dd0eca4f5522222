import { randomBytes } from 'node:crypto';
import { SyncscopeError, type ErrorValue } from '../../../shared/domain/errors';
import type { PtpSample } from '../../../shared/domain/ptp';
import { catalogError } from '../../../shared/errors/catalog';
import type { InstanceStateView, SourceDiagnostics } from '../../../shared/contract/methods-diagnostics';
import { errorValueOf } from '../../../shared/domain/errors';
import { CLIENT_SOCKET_PREFIX, pmcArgv, pmcPollArgv, readPollStderr } from '../../../shared/ptp/pmc-command';
import { parsePmcOutput, type PmcResponse } from '../../../shared/ptp/pmc-parse';
import { currentDataSet, portDataSet, timeStatusNp } from '../../../shared/ptp/pmc-datasets';
import { instanceStateView } from '../../../shared/ptp/instance-state';
import { EMPTY_SNAPSHOT, type PtpSnapshot } from '../../../shared/ptp/ptp-snapshot';
import { sampleFromParse } from '../../../shared/ptp/pmc-sample';
import { readingFromSample } from '../../../shared/series/legacy-sample';
import type { DeviceTransport, ExecResult } from '../transport/transport';
import type { PtpSource, SourcePoll } from './ptp-source';
import { DiagnosticsRecorder } from './source-diagnostics';

export interface PmcSourceSpec {
  id: string;
  name: string;
  udsPath: string;
}

/** What one poll found: a sample (maybe with a warning), or only the problem. Transport failures throw instead. */
export interface PollResult {
  sample: PtpSample | null;
  problem: ErrorValue | null;
  /** Lines pmc printed that the parser could not place (the first one, and how many). */
  junk?: { lines: number; first: string | null };
  /** The command's output as it came and its round trip, for diagnostics. */
  raw?: { output: string; ms: number };
  /** Every data set block of the answer, for the instance's state. */
  responses?: PmcResponse[];
}

/** pmc prints about 2 KB per poll; far more means something else is talking. */
export const POLL_MAX_OUTPUT_BYTES = 256 * 1024;

/** pmc's own socket, fresh per poll (see pmc-command.ts for why, and for who removes it). */
export function clientSocketPath(): string {
  return `${CLIENT_SOCKET_PREFIX}${randomBytes(6).toString('hex')}`;
}

/** Reads one poll's result: the poll script's notes, truncation, and pmc's text. Never throws. */
export function readPollResult(res: ExecResult, spec: PmcSourceSpec, tMs: number, maxOutputBytes = POLL_MAX_OUTPUT_BYTES): PollResult {
  if (res.truncated) return { sample: null, problem: catalogError('pmc.output-truncated', { device: spec.name, bytes: maxOutputBytes }, { deviceId: spec.id }) };
  const { udsAccess, pmcStderr } = readPollStderr(res.stderr);
  // pmc writes its own failures (socket bind, transport) to stderr; the parser reads both.
  const parse = parsePmcOutput(`${res.stdout}\n${pmcStderr}`);
  const { sample, problem } = sampleFromParse(parse, spec.id, tMs, { deviceName: spec.name, udsPath: spec.udsPath, exitCode: res.exitCode, udsAccess });
  return { sample, problem: problem ? withoutKind(problem) : null, junk: { lines: parse.junkLines, first: parse.firstJunkLine }, responses: parse.responses };
}

/** Polls ptp4l's TIME_STATUS_NP, CURRENT_DATA_SET and PORT_DATA_SET through pmc, one command per poll. */
export class PmcPollSource {
  constructor(
    private readonly spec: PmcSourceSpec,
    private readonly deadlineMs: number,
  ) {}

  async poll(transport: DeviceTransport, signal: AbortSignal): Promise<PollResult> {
    let res: ExecResult;
    try {
      res = await transport.exec(pmcPollArgv(this.spec.udsPath, clientSocketPath(), this.deadlineMs), { timeoutMs: this.deadlineMs, maxOutputBytes: POLL_MAX_OUTPUT_BYTES, signal });
    } catch (err) {
      // The device answered the channel but pmc hung: reachable, not measuring.
      if (err instanceof SyncscopeError && err.value.messageId === 'collect.command-timeout') {
        return { sample: null, problem: catalogError('pmc.timeout', { device: this.spec.name, ms: this.deadlineMs }, { deviceId: this.spec.id }) };
      }
      throw err;
    }
    return { ...readPollResult(res, this.spec, Date.now()), raw: { output: res.stderr.trim() ? `${res.stdout}\n${res.stderr}` : res.stdout, ms: res.durationMs } };
  }
}

function withoutKind<T extends { kind: unknown }>(p: T): Omit<T, 'kind'> {
  const { kind: _kind, ...rest } = p;
  return rest;
}

/** The one-shot poll as a PtpSource of one instance: its sample also becomes that instance's reading. */
export class OneShotPmcSource implements PtpSource {
  private readonly poller: PmcPollSource;
  private readonly diag: DiagnosticsRecorder;
  private snapshot: PtpSnapshot = EMPTY_SNAPSHOT;
  private answeredAtMs: number | null = null;
  constructor(
    private readonly spec: PmcSourceSpec,
    readonly instance: string,
    deadlineMs: number,
  ) {
    this.poller = new PmcPollSource(spec, deadlineMs);
    this.diag = new DiagnosticsRecorder('pmc-oneshot', instance);
  }

  async poll(transport: DeviceTransport, signal: AbortSignal): Promise<SourcePoll> {
    let result: PollResult;
    try {
      this.diag.command(pmcArgv(this.spec.udsPath, clientSocketPath()));
      result = await this.poller.poll(transport, signal);
    } catch (err) {
      this.diag.endExchange(null, errorValueOf(err));
      throw err;
    }
    const { sample, problem, junk, raw, responses } = result;
    if (responses && responses.length > 0) {
      const pick = <T>(read: (r: PmcResponse) => T | null): T | null => responses.map(read).find((x) => x !== null) ?? null;
      this.snapshot = { ...EMPTY_SNAPSHOT, time: pick(timeStatusNp), current: pick(currentDataSet), ports: responses.map(portDataSet).filter((p) => p !== null) };
      this.answeredAtMs = Date.now();
    }
    if (raw) this.diag.rawText(raw.output);
    if (junk && junk.lines > 0) {
      this.diag.unreadable(junk.first ?? '');
      this.diag.parseErrors += junk.lines - 1;
    }
    this.diag.endExchange(raw?.ms ?? null, problem);
    return { sample, problem, readings: sample ? [readingFromSample(sample, this.instance)] : [], events: [] };
  }

  diagnostics(): SourceDiagnostics {
    return this.diag.view();
  }

  /** What the one-shot poll reads (time status, current data set, port states); the rest stays empty. */
  state(): InstanceStateView {
    return instanceStateView(this.snapshot, { instance: this.instance, atMs: this.answeredAtMs, linuxptpVersion: null, udsPath: this.spec.udsPath, udsReadOnly: false });
  }

  close(): void {
    // Nothing kept open between polls.
  }
}
