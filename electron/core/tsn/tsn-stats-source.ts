import type { SourceDiagnostics } from '../../../shared/contract/methods-diagnostics';
import type { TsnStateView } from '../../../shared/contract/methods-tsn';
import { errorValueOf, type ErrorValue } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import { isInterfaceName } from '../../../shared/tsn/stats/interface-name';
import { parsePollOutput } from '../../../shared/tsn/stats/poll-output';
import { StatsReadings, TSN_INSTANCE, type InterfaceReason } from '../../../shared/tsn/stats/stats-readings';
import { isConfiguredRoot } from '../../../shared/tsn/stats/tc-stats';
import type { PtpSource, SourcePoll } from '../collect/ptp-source';
import { DiagnosticsRecorder } from '../collect/source-diagnostics';
import type { DeviceTransport } from '../transport/transport';
import { pollCommand } from './tsn-poll-command';

export const DEFAULT_TSN_INTERVAL_MS = 1000;
/** ethtool -T and --show-mm every this many polls (and on the first). */
const CAPABILITY_EVERY = 60;
const MAX_OUTPUT_BYTES = 2 * 1024 * 1024;
/** At most this many interfaces per poll: a switch with 50 ports is not polled 50 × ethtool a second. */
const MAX_INTERFACES = 16;

export interface TsnSourceSpec {
  id: string;
  name: string;
  /** The profile's list; null: the interfaces ptp4l runs on plus every one with a configured root qdisc. */
  interfaces: readonly string[] | null;
  /** The interfaces ptp4l's ports run on (PORT_PROPERTIES_NP), as the pmc sources last read them. */
  ptpInterfaces(): string[];
  intervalMs?: number;
}

const NOTHING: SourcePoll = { sample: null, problem: null, readings: [], events: [] };

/**
 * TSN and device-system statistics of one device: one command per poll (tc qdisc and class,
 * ethtool per interface, /proc), run by the device supervisor at its own interval beside the pmc
 * sources. It never decides the device's status: whatever goes wrong is its own problem, kept in
 * its state and diagnostics, and the PTP polls go on.
 */
export class TsnStatsSource implements PtpSource {
  readonly instance = TSN_INSTANCE;
  readonly intervalMs: number;
  private readonly diag = new DiagnosticsRecorder('tsn-stats', TSN_INSTANCE);
  private readonly builder: StatsReadings;
  private polls = 0;
  /** Interfaces whose root qdisc was configured, as the last poll's `tc qdisc show` said. */
  private configured: string[] = [];
  private latest: TsnStateView;
  private closed = false;
  private lastProblems = new Set<string>();

  constructor(private readonly spec: TsnSourceSpec) {
    this.intervalMs = spec.intervalMs ?? DEFAULT_TSN_INTERVAL_MS;
    this.builder = new StatsReadings(spec.id);
    this.latest = { deviceId: spec.id, atMs: null, interfaces: [], system: null, problems: [] };
  }

  /** Which interfaces to read now, and why each. */
  interfaces(): Map<string, InterfaceReason[]> {
    const chosen = new Map<string, InterfaceReason[]>();
    const add = (iface: string, why: InterfaceReason) => {
      if (!isInterfaceName(iface)) return;
      const reasons = chosen.get(iface);
      if (reasons) {
        if (!reasons.includes(why)) reasons.push(why);
      } else if (chosen.size < MAX_INTERFACES) chosen.set(iface, [why]);
    };
    if (this.spec.interfaces) for (const i of this.spec.interfaces) add(i, 'profile');
    else {
      for (const i of this.spec.ptpInterfaces()) add(i, 'ptp4l');
      for (const i of this.configured) add(i, 'qdisc');
    }
    return chosen;
  }

  async poll(transport: DeviceTransport, signal: AbortSignal): Promise<SourcePoll> {
    if (this.closed) return NOTHING;
    const chosen = this.interfaces();
    const names = [...chosen.keys()];
    const capabilities = this.polls++ % CAPABILITY_EVERY === 0;
    const problems: ErrorValue[] = [];
    let output = '';
    const t0 = performance.now();
    try {
      const argv = pollCommand({ interfaces: names, capabilities });
      this.diag.command(['sh', '-c', `<tsn poll of ${names.join(', ') || 'no interface'}>`]);
      const res = await transport.exec(argv, { timeoutMs: Math.max(2000, Math.min(10_000, this.intervalMs * 5)), maxOutputBytes: MAX_OUTPUT_BYTES, signal });
      output = res.stdout;
      if (res.truncated) problems.push(catalogError('tsn.poll-failed', { device: this.spec.name, detail: `the output passed ${MAX_OUTPUT_BYTES} bytes and was cut` }, { deviceId: this.spec.id }));
      if (res.exitCode !== 0) problems.push(catalogError('tsn.poll-failed', { device: this.spec.name, detail: (res.stderr.trim() || `exit status ${String(res.exitCode)}`).slice(0, 300) }, { deviceId: this.spec.id }));
    } catch (err) {
      if (signal.aborted) return NOTHING;
      const why = errorValueOf(err);
      problems.push(catalogError('tsn.poll-failed', { device: this.spec.name, detail: why.message }, { deviceId: this.spec.id }));
    }
    const latencyMs = performance.now() - t0;
    this.diag.rawText(output);
    const parsed = parsePollOutput(output, names);
    if (parsed.qdiscs) this.configured = [...new Set(parsed.qdiscs.entries.filter(isConfiguredRoot).flatMap((q) => (q.dev ? [q.dev] : [])))];
    const { readings, events, state } = this.builder.build(parsed, chosen, Date.now() * 1000, problems);
    // Interfaces that were read carry their old capabilities forward between capability rounds.
    if (!capabilities) for (const view of state.interfaces) {
      const before = this.latest.interfaces.find((i) => i.interface === view.interface);
      if (before) {
        view.timestamping ??= before.timestamping;
        view.macMerge ??= before.macMerge;
      }
    }
    this.latest = state;
    const firstProblem = problems[0] ?? state.problems[0] ?? null;
    this.diag.endExchange(latencyMs, firstProblem);
    // A problem is counted when it appears, not again every second while it lasts.
    const now = [...state.problems, ...state.interfaces.flatMap((i) => i.problems)].map((p) => p.message);
    for (const message of now) if (!this.lastProblems.has(message)) this.diag.unreadable(message);
    this.lastProblems = new Set(now);
    this.diag.setNotes([`interfaces: ${names.map((n) => `${n} (${(chosen.get(n) ?? []).join('+')})`).join(', ') || 'none yet'}`]);
    return { sample: null, problem: null, readings, events };
  }

  /** Named apart from PtpSource.state (an instance's data sets): this is the device's TSN/system view. */
  tsnState(): TsnStateView {
    return this.latest;
  }

  diagnostics(): SourceDiagnostics {
    return this.diag.view();
  }

  close(): void {
    this.closed = true;
  }
}
