import { randomBytes } from 'node:crypto';
import type { InstanceStateView, SourceDiagnostics } from '../../../shared/contract/methods-diagnostics';
import { errorValueOf, type ErrorValue } from '../../../shared/domain/errors';
import type { PtpInstance } from '../../../shared/domain/device';
import { catalogError } from '../../../shared/errors/catalog';
import { judgeFreshness, type StaleReason } from '../../../shared/ptp/freshness';
import { CLIENT_SOCKET_PREFIX, pmcStreamArgv } from '../../../shared/ptp/pmc-command';
import { currentDataSet, defaultDataSet, parentDataSet, portDataSet, portPropertiesNp, portStats, timeStatusNp, type PortDataSet, type PortStats } from '../../../shared/ptp/pmc-datasets';
import type { PmcParse, PmcResponse } from '../../../shared/ptp/pmc-parse';
import { sampleFromParse, sampleOf } from '../../../shared/ptp/pmc-sample';
import { instanceStateView } from '../../../shared/ptp/instance-state';
import { DATA_SET_FEATURES, offersDataSet, type OptionalDataSet } from '../../../shared/doctor/linuxptp-version';
import { portCorrectionsNp, portHwclockNp, unicastMasterTableNp } from '../../../shared/ptp/pmc-datasets-4x';
import { EMPTY_SNAPSHOT, measurementReading, sameState, stateEvents, stateReading, syncPort, type PtpSnapshot } from '../../../shared/ptp/ptp-snapshot';
import type { DeviceEvent } from '../../../shared/series/device-event';
import type { DeviceTransport } from '../transport/transport';
import { PmcSession, type RequestAnswer } from './pmc-session';
import type { PtpSource, SourcePoll } from './ptp-source';
import { InstanceProbe } from './instance-probe';
import { DiagnosticsRecorder } from './source-diagnostics';
import { ValueGate } from '../../../shared/series/value-gate';

/**
 * ptp4l's data sets through one pmc kept open per instance (issue 7 "pmc kept open").
 *
 * Every poll asks TIME_STATUS_NP and CURRENT_DATA_SET (the measurement), PORT_DATA_SET unless ptp4l
 * pushes port states (SUBSCRIBE_EVENTS_NP, renewed before it lapses; a read-only socket refuses it,
 * then PORT_DATA_SET is polled), and PORT_STATS_NP once a second. DEFAULT_DATA_SET, PARENT_DATA_SET
 * and PORT_PROPERTIES_NP are read on every (re)start, after every state change, after ptp4l was
 * silent, and every 10 s. A data set this linuxptp lacks (`bad command`, MANAGEMENT_ERROR_STATUS) is
 * remembered and not asked again. pmc ended or stopped echoing → a new pmc next poll, a
 * `source-restart` event, and the reason in the status for a while.
 */

export interface StreamSourceSpec {
  id: string;
  name: string;
  instance: PtpInstance;
  /**
   * A missing socket may be replaced by a default path (`/var/run/ptp4l` …). False for a device with
   * several instances, where a default path may be another instance's. Default true.
   */
  defaultSockets?: boolean;
}


export const FULL_READ_EVERY_MS = 10_000;
export const STATS_EVERY_MS = 1_000;
export const SUBSCRIPTION_S = 60;
/** How long the status keeps saying pmc was restarted. */
export const RESTART_NOTICE_MS = 10_000;
/** ingress_time may stand still this long (a few 1 s Syncs) before the measurement is a gap. */
export const STALE_AFTER_MS = 3_500;
/** Polls with no output at all before pmc is presumed hung and restarted (once per silence). */
export const SILENT_POLLS_BEFORE_RESTART = 3;
/** Unchanged state is looked at this often, for the value gate's heartbeat. */
const STATE_CHECK_EVERY_MS = 1_000;

/** Data sets not every linuxptp (or every socket) offers: a refusal is remembered, not reported. */
type OptionalSet = OptionalDataSet | 'SUBSCRIBE_EVENTS_NP';

/** linuxptp 4.x per-port data sets read with the full read (they change with configuration, not with time). */
const FULL_READ_4X = ['PORT_HWCLOCK_NP', 'PORT_CORRECTIONS_NP', 'UNICAST_MASTER_TABLE_NP'] as const satisfies readonly OptionalDataSet[];

export class PmcStreamSource implements PtpSource {
  readonly instance: string;
  private session: PmcSession | null = null;
  private starts = 0;
  private lastExit: string | null = null;
  private restartedAtMs = -Infinity;
  private restartReason = '';
  private snapshot: PtpSnapshot = EMPTY_SNAPSHOT;
  /** The snapshot events were last computed against; null right after a (re)start. */
  private eventBase: PtpSnapshot | null = null;
  private portResponses = new Map<string, PmcResponse>();
  private pushedPorts = false;
  private needFull = true;
  private lastFullMs = -Infinity;
  private lastStatsMs = -Infinity;
  private subscribedUntilMs = 0;
  private readonly unavailable = new Set<OptionalSet>();
  private lastIngressNs: string | null = null;
  private lastAdvanceMs = -Infinity;
  private lastGap: StaleReason | null = null;
  /** State values (port states, GM data set, counters …) are kept when they change, not on every 8 Hz poll. */
  private readonly stateGate = new ValueGate();
  private stateCheckedMs = -Infinity;
  private portsDirty = false;
  /** PORT_SERVICE_STATS_NP as last read (with the full read); PORT_STATS_NP is read every second. */
  private serviceStats: PortStats[] = [];
  private silentPolls = 0;
  /** A restart for silence happened and nothing was heard since. */
  private unheardSinceRestart = false;
  /** Round trip of the last poll (first request written → last answer), ms. */
  lastPollMs: number | null = null;
  /** Engine wall clock of the last poll that heard ptp4l. */
  private heardAtMs: number | null = null;
  private readonly diag: DiagnosticsRecorder;
  /** The version and the socket pmc talks to (maybe the read-only one), probed before each start. */
  private readonly probe: InstanceProbe;

  constructor(
    private readonly spec: StreamSourceSpec,
    private readonly deadlineMs: number,
  ) {
    this.instance = spec.instance.name;
    this.diag = new DiagnosticsRecorder('pmc-stream', this.instance);
    this.probe = new InstanceProbe({ deviceId: spec.id, instance: spec.instance, defaultSockets: spec.defaultSockets !== false });
  }

  diagnostics(): SourceDiagnostics {
    return this.diag.view();
  }

  state(): InstanceStateView {
    return instanceStateView(this.snapshot, { instance: this.instance, atMs: this.heardAtMs, linuxptpVersion: this.probe.versionText, udsPath: this.probe.socket.path, udsReadOnly: this.probe.socket.readOnly });
  }

  /** How many times pmc was started (1 after the first poll; more means restarts). */
  get pmcStarts(): number {
    return this.starts;
  }

  close(): void {
    this.session?.close();
    this.session = null;
  }

  async poll(transport: DeviceTransport, signal: AbortSignal): Promise<SourcePoll> {
    const events: DeviceEvent[] = [];
    if (!this.session?.alive) {
      try {
        events.push(...(await this.start(transport, signal)));
      } catch (err) {
        this.diag.endExchange(null, errorValueOf(err));
        throw err;
      }
    }
    const session = this.session as PmcSession;
    session.newCycle();
    const now = performance.now();
    const full = this.needFull || now - this.lastFullMs > FULL_READ_EVERY_MS;
    const subscribe = !this.unavailable.has('SUBSCRIBE_EVENTS_NP') && Date.now() > this.subscribedUntilMs - SUBSCRIPTION_S * 250;
    const stats = !this.unavailable.has('PORT_STATS_NP') && (full || now - this.lastStatsMs >= STATS_EVERY_MS);
    const ports = Math.max(1, this.snapshot.defaults?.numberPorts ?? 1);
    const ask = (request: string, expect = 1) => session.request(request, { expect, deadlineMs: this.deadlineMs });

    const t0 = performance.now();
    const pending: Promise<RequestAnswer>[] = [];
    // DEFAULT_DATA_SET first: its numberPorts says how many answers a PORT_* request gets.
    const defaults = full ? await ask('GET DEFAULT_DATA_SET') : null;
    const portCount = Math.max(1, (defaults && first(defaults, defaultDataSet)?.numberPorts) || ports);
    if (full) pending.push(ask('GET PARENT_DATA_SET'), ask('GET PORT_PROPERTIES_NP', portCount));
    const time = ask('GET TIME_STATUS_NP');
    const current = ask('GET CURRENT_DATA_SET');
    const portData = full || !this.pushedPorts || subscribe ? ask('GET PORT_DATA_SET', portCount) : null;
    const portStatsAnswer = stats ? ask('GET PORT_STATS_NP', portCount) : null;
    const serviceStats = full && !this.unavailable.has('PORT_SERVICE_STATS_NP') ? ask('GET PORT_SERVICE_STATS_NP', portCount) : null;
    // Port states only. Where pmc knows NOTIFY_TIME_SYNC (after 3.1), `on` made ptp4l push a TIME_STATUS_NP on
    // every Sync, which each poll reads anyway: a packet each way per Sync, parsed and dropped, whose seq could
    // match a polled request's. pmc 3.1 parses only duration and NOTIFY_PORT_STATE and ignores the rest.
    const sub = subscribe ? ask(`SET SUBSCRIBE_EVENTS_NP duration ${SUBSCRIPTION_S} NOTIFY_PORT_STATE on NOTIFY_TIME_SYNC off`) : null;
    const extras = full ? FULL_READ_4X.filter((tlv) => !this.unavailable.has(tlv)).map((tlv) => ask(`GET ${tlv}`, portCount)) : [];
    const [timeA, currentA, portA, statsA, serviceA, subA, ...rest] = await Promise.all([time, current, portData, portStatsAnswer, serviceStats, sub, ...pending]);
    const extraA = await Promise.all(extras);
    this.lastPollMs = performance.now() - t0;
    const tMs = Date.now();

    const answers = [defaults, timeA, currentA, portA, statsA, serviceA, subA, ...rest, ...extraA].filter((a): a is RequestAnswer => a !== null);
    const silent = answers.every((a) => a.timedOut !== null);
    this.silentPolls = silent ? this.silentPolls + 1 : 0;
    if (!silent) this.unheardSinceRestart = false;
    if (this.silentPolls >= SILENT_POLLS_BEFORE_RESTART && !this.unheardSinceRestart) {
      // Nothing at all came back for a while: pmc may hang. A new one next poll, but only once per
      // silence: a ptp4l that is down stays silent for a new pmc too, and that is no news.
      this.lastExit = 'stopped answering';
      this.unheardSinceRestart = true;
      this.close();
    }
    for (const a of [statsA, serviceA, subA, ...extraA]) if (a) this.remember(a);
    const heard = timeA.responses.length > 0 || currentA.responses.length > 0;
    if (!heard) {
      // ptp4l was silent (restarting, or gone): its subscriptions are gone with it; read everything when it is back.
      this.subscribedUntilMs = 0;
      this.needFull = true;
    } else if (subA && subA.responses.length > 0) {
      this.subscribedUntilMs = tMs + SUBSCRIPTION_S * 1000;
    }

    const next: PtpSnapshot = { ...this.snapshot };
    const timeRead = first(timeA, timeStatusNp);
    const currentRead = first(currentA, currentDataSet);
    next.time = timeRead ?? (heard ? this.snapshot.time : null);
    next.current = currentRead ?? (heard ? this.snapshot.current : null);
    if (portA) for (const r of portA.responses) this.setPortResponse(r);
    if (this.portsDirty) {
      this.portsDirty = false;
      const ports = [...this.portResponses.values()].map(portDataSet).flatMap((p) => (p ? [p] : []));
      // Unchanged port states keep their array: the state below is computed again only when something changed.
      if (!samePorts(ports, next.ports)) next.ports = ports;
    }
    if (defaults) next.defaults = first(defaults, defaultDataSet) ?? next.defaults;
    const [parentA, propsA] = rest;
    if (parentA) next.parent = first(parentA, parentDataSet) ?? next.parent;
    if (propsA && propsA.responses.length > 0) next.properties = propsA.responses.map(portPropertiesNp).flatMap((p) => (p ? [p] : []));
    if (serviceA) this.serviceStats = serviceA.responses.map(portStats).flatMap((p) => (p ? [p] : []));
    if (statsA || serviceA) next.stats = [...(statsA?.responses ?? []).map(portStats).flatMap((p) => (p ? [p] : [])), ...this.serviceStats];
    for (const a of extraA) {
      if (a.responses.length === 0) continue;
      if (a.request === 'GET PORT_HWCLOCK_NP') next.hwclocks = a.responses.map(portHwclockNp).flatMap((p) => (p ? [p] : []));
      else if (a.request === 'GET PORT_CORRECTIONS_NP') next.corrections = a.responses.map(portCorrectionsNp).flatMap((p) => (p ? [p] : []));
      else next.unicastTables = a.responses.map(unicastMasterTableNp).flatMap((p) => (p ? [p] : []));
    }
    if (statsA) this.lastStatsMs = now;
    if (heard) this.heardAtMs = tMs;
    if (full && heard) {
      this.lastFullMs = now;
      this.needFull = false;
    }
    const stateChanged = this.eventBase === null || !sameState(this.snapshot, next);
    this.snapshot = next;

    const base = { deviceId: this.spec.id, instance: this.instance, tMs };
    if (heard && stateChanged) {
      const stateChanges = stateEvents(this.eventBase, next, base);
      this.eventBase = next;
      events.push(...stateChanges);
      if (stateChanges.some((e) => e.kind !== 'port-state' || e.from !== null)) this.needFull = true;
    }

    const freshness = judgeFreshness({
      time: heard ? next.time : null,
      current: heard ? next.current : null,
      syncPortState: syncPort(next.ports)?.portState ?? null,
      lastIngressNs: this.lastIngressNs,
      sinceAdvanceMs: now - this.lastAdvanceMs,
      staleAfterMs: STALE_AFTER_MS,
    });
    if (freshness.kind === 'fresh') {
      this.lastIngressNs = freshness.ingressNs;
      this.lastAdvanceMs = now;
    }
    const readings = [];
    const repeatGap = freshness.kind === 'gap' && freshness.reason === this.lastGap;
    this.lastGap = freshness.kind === 'gap' ? freshness.reason : null;
    const measured = repeatGap ? null : measurementReading(next, freshness, base);
    if (measured) readings.push(measured);
    if (!heard) this.stateGate.reset();
    else if (stateChanged || now - this.stateCheckedMs >= STATE_CHECK_EVERY_MS) {
      // Unchanged state is looked at again only for the gate's heartbeat (a value not sent for 10 s).
      this.stateCheckedMs = now;
      const state = this.stateGate.filter(stateReading(next, base), now);
      if (state) readings.push(state);
    }

    const answeredAll = timeA.responses.length > 0 && currentA.responses.length > 0 && this.portResponses.size > 0;
    const { sample, problem } = answeredAll
      ? { sample: sampleOf(next.time, next.current, next.ports, this.spec.id, tMs), problem: null }
      : sampleFromParse(this.pollParse(timeA, currentA), this.spec.id, tMs, { deviceName: this.spec.name, udsPath: this.probe.socket.path, exitCode: null, udsAccess: session.udsAccess });
    if (sample && freshness.kind === 'gap') {
      sample.masterOffsetNs = null;
      sample.offsetFromMasterNs = null;
      sample.meanPathDelayNs = null;
    }
    // A data set that read is readable; only one that did not is looked at again for why.
    const reported = this.notice(problem, timeRead && readable(timeRead) ? null : timeA, currentRead && readable(currentRead) ? null : currentA, portA);
    this.diag.endExchange(this.lastPollMs, reported);
    return { sample, problem: reported, readings, events };
  }

  private setPortResponse(r: PmcResponse): void {
    this.portResponses.set(r.portIdentity, r);
    this.portsDirty = true;
  }

  /**
   * Probes the device (version, sockets), then starts pmc on the socket chosen; returns the event
   * saying pmc was restarted and why (after the first start) and a notice when the socket is not
   * the configured read-write one (once per change).
   */
  private async start(transport: DeviceTransport, signal: AbortSignal): Promise<DeviceEvent[]> {
    this.session?.close();
    const events: DeviceEvent[] = [];
    const notice = await this.probe.run(transport, signal);
    this.diag.setNotes(this.probe.notes);
    if (notice) events.push(notice);
    const client = `${CLIENT_SOCKET_PREFIX}${randomBytes(6).toString('hex')}`;
    const argv = pmcStreamArgv(this.probe.socket.path, client, this.spec.instance.configPath);
    this.diag.command(argv.slice(argv.indexOf('pmc')));
    const stream = await transport.stream(argv, { signal, startTimeoutMs: this.deadlineMs });
    stream.onLine((line) => this.diag.rawLine(line));
    const session = new PmcSession(stream);
    session.onUnreadable = (line) => this.diag.unreadable(line);
    this.session = session;
    void session.ended.then((exit) => {
      if (this.session === session) this.lastExit = exit.reason;
    });
    this.starts++;
    this.diag.restarts = this.starts - 1;
    this.reset();
    if (this.starts === 1) return events;
    this.restartedAtMs = performance.now();
    const reason = this.lastExit ?? 'ended';
    this.restartReason = reason;
    this.lastExit = null;
    return [...events, { deviceId: this.spec.id, instance: this.instance, kind: 'source-restart', from: reason, to: 'running', detail: { source: 'pmc', starts: this.starts }, tMs: Date.now() }];
  }

  private reset(): void {
    // What this linuxptp and this socket offer: a read-only socket takes no SET, an older ptp4l lacks some data sets.
    this.unavailable.clear();
    if (this.probe.socket.readOnly) this.unavailable.add('SUBSCRIBE_EVENTS_NP');
    for (const tlv of Object.keys(DATA_SET_FEATURES) as OptionalDataSet[]) if (!offersDataSet(this.probe.version, tlv)) this.unavailable.add(tlv);
    this.silentPolls = 0;
    this.stateGate.reset();
    this.snapshot = EMPTY_SNAPSHOT;
    this.eventBase = null;
    this.portResponses.clear();
    this.portsDirty = false;
    this.serviceStats = [];
    this.stateCheckedMs = -Infinity;
    this.pushedPorts = false;
    this.needFull = true;
    this.subscribedUntilMs = 0;
    this.session?.onPush((r) => {
      if (r.tlv === 'PORT_DATA_SET') {
        this.setPortResponse(r);
        this.pushedPorts = true;
      }
    });
  }

  /** A data set this linuxptp lacks, or a socket that refuses SET, is remembered: not an error, not asked again. */
  private remember(a: RequestAnswer): void {
    const tlv = a.request.split(' ')[1] as OptionalSet;
    if (a.unsupported !== null || a.refused !== null) this.unavailable.add(tlv);
  }

  /** The poll's three data sets as a parse, for the legacy sample and its classified problem. */
  private pollParse(...answers: RequestAnswer[]): PmcParse {
    const responses = [...answers.flatMap((a) => a.responses), ...this.portResponses.values()];
    return {
      responses,
      errors: answers.flatMap((a) => (a.refused ? [a.refused] : [])),
      // Requests written: pmc's echo of them stays in its stdout buffer while ptp4l is silent.
      sent: [...answers.map((a) => a.request), ...(this.portResponses.size > 0 ? ['GET PORT_DATA_SET'] : [])],
      notices: this.session?.notices ?? [],
      junkLines: 0,
      firstJunkLine: null,
      truncated: false,
    };
  }

  /** The poll's problem, else a data set with no readable field, else a recent pmc restart. */
  private notice(problem: ErrorValue | null, ...polled: (RequestAnswer | null)[]): ErrorValue | null {
    if (problem) return withoutKind(problem);
    const params = { device: this.spec.name, instance: this.instance };
    for (const a of polled) {
      const tlv = a ? unreadableTlv(a) : null;
      if (tlv) return catalogError('pmc.unreadable', { ...params, tlv }, { deviceId: this.spec.id });
    }
    if (performance.now() - this.restartedAtMs < RESTART_NOTICE_MS) return catalogError('pmc.restarted', { ...params, reason: this.restartReason }, { deviceId: this.spec.id });
    return null;
  }
}

function first<T>(a: RequestAnswer, read: (r: PmcResponse) => T | null): T | null {
  for (const r of a.responses) {
    const v = read(r);
    if (v !== null) return v;
  }
  return null;
}

const READERS: Record<string, (r: PmcResponse) => object | null> = { TIME_STATUS_NP: timeStatusNp, CURRENT_DATA_SET: currentDataSet, PORT_DATA_SET: portDataSet };

/** The poll data set of an answer that came back with fields, none of which the reader knows: answered in a form this console cannot read. */
function unreadableTlv(a: RequestAnswer): string | null {
  for (const r of a.responses) {
    const read = READERS[r.tlv];
    if (!read || !hasFields(r)) continue;
    const v = read(r);
    if (v && !readable(v)) return r.tlv;
  }
  return null;
}

/** Some field besides the identity read as a value. */
function readable(v: object): boolean {
  for (const [k, x] of Object.entries(v)) if (k !== 'portIdentity' && k !== 'portNumber' && x !== null) return true;
  return false;
}

function hasFields(r: PmcResponse): boolean {
  for (const _ in r.fields) return true;
  return false;
}

/** Same port data sets, field for field (a re-read that changed nothing). */
function samePorts(a: readonly PortDataSet[], b: readonly PortDataSet[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    for (const k in x) if (x[k as keyof PortDataSet] !== y[k as keyof PortDataSet]) return false;
  }
  return true;
}

function withoutKind(p: ErrorValue & { kind?: unknown }): ErrorValue {
  const { kind: _kind, ...rest } = p;
  return rest;
}
