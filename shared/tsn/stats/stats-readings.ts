import type { ClassView, QdiscView, QueueView, TsnInterfaceView, TsnStateView } from '../../contract/methods-tsn';
import type { ErrorValue } from '../../domain/errors';
import type { DeviceEvent } from '../../series/device-event';
import type { MetricKey } from '../../series/metric-catalog';
import type { Reading, ReadingValue } from '../../series/series';
import { CounterRates, type CounterGroup, type CounterLimits } from './counter-rate';
import type { PollOutput } from './poll-output';
import { cpuUsage, type ProcStat } from './proc-stat';
import type { TcCounters } from './tc-stats';

export const TSN_INSTANCE = 'tsn';
export const SYSTEM_INSTANCE = 'system';

/** What the fastest links this console watches can move: a "wrap" needing more was a reset. */
const BYTES: CounterLimits = { maxPerSecond: 100e9 / 8 };
const PACKETS: CounterLimits = { maxPerSecond: 200e6 };

export type InterfaceReason = 'profile' | 'ptp4l' | 'qdisc';

type Labels = Record<string, string>;

/** Metric names per scope as constants: a name made per call would be hashed anew at every lookup. */
const TC_METRICS = {
  qdisc: { bytes: 'tsn.qdisc.bytes', packets: 'tsn.qdisc.packets', drops: 'tsn.qdisc.drops', overlimits: 'tsn.qdisc.overlimits', backlog: 'tsn.qdisc.backlog', qlen: 'tsn.qdisc.qlen', bitRate: 'tsn.qdisc.bit_rate', dropRate: 'tsn.qdisc.drop_rate' },
  class: { bytes: 'tsn.class.bytes', packets: 'tsn.class.packets', drops: 'tsn.class.drops', overlimits: 'tsn.class.overlimits', backlog: 'tsn.class.backlog', qlen: 'tsn.class.qlen', bitRate: 'tsn.class.bit_rate', dropRate: 'tsn.class.drop_rate' },
} as const satisfies Record<'qdisc' | 'class', Record<string, MetricKey>>;


/**
 * Turns one poll's parsed output into readings (counters as they are; per-second rates across
 * wraps and resets), `counter-reset` events (one per object and poll, never a negative rate) and
 * the latest state for `tsn.state`. Keeps the previous counters and /proc/stat between polls.
 */
export class StatsReadings {
  private readonly rates = new CounterRates();
  private prevStat: ProcStat | null = null;
  private bootId: string | null = null;
  private tsn: ReadingValue[] = [];
  private system: ReadingValue[] = [];
  private events: DeviceEvent[] = [];
  private resetObjects = new Set<string>();
  private tMs = 0;

  constructor(private readonly deviceId: string) {}

  build(out: PollOutput, interfaces: ReadonlyMap<string, InterfaceReason[]>, tUs: number, pollProblems: ErrorValue[] = []): { readings: Reading[]; events: DeviceEvent[]; state: TsnStateView } {
    this.tsn = [];
    this.system = [];
    this.events = [];
    this.resetObjects = new Set();
    this.tMs = Math.floor(tUs / 1000);
    this.rates.beginRound();
    // The kernel's boot_id, not /proc/stat's btime: btime is derived from the wall clock, which a
    // PTP lab steps (phc2sys), and would make every step look like a reboot.
    const boot = out.bootId;
    if (boot !== null && this.bootId !== null && boot !== this.bootId) this.event('device', 'all counters', { reason: 'reboot', bootId: boot });
    this.bootId = boot ?? this.bootId;

    const views: TsnInterfaceView[] = [];
    for (const [iface, reasons] of interfaces) views.push(this.interfaceView(out, iface, reasons, tUs));
    const system = this.systemReadings(out, tUs);
    const readings: Reading[] = [];
    if (this.tsn.length > 0) readings.push({ deviceId: this.deviceId, instance: TSN_INSTANCE, tUs, deviceTimeNs: null, values: this.tsn });
    if (this.system.length > 0) readings.push({ deviceId: this.deviceId, instance: SYSTEM_INSTANCE, tUs, deviceTimeNs: null, values: this.system });
    return { readings, events: this.events, state: { deviceId: this.deviceId, atMs: this.tMs, interfaces: views, system, problems: [...pollProblems, ...(out.qdiscs?.problems ?? [])] } };
  }

  private interfaceView(out: PollOutput, iface: string, reasons: InterfaceReason[], tUs: number): TsnInterfaceView {
    const io = out.interfaces.get(iface);
    const problems: ErrorValue[] = [];
    const qdiscs: QdiscView[] = [];
    for (const q of out.qdiscs?.entries ?? []) {
      if (q.dev !== null && q.dev !== iface) continue;
      const labels = { interface: iface, handle: q.handle, parent: q.parent ?? 'root', kind: q.kind };
      const rates = this.tc('qdisc', labels, `qdisc ${q.handle}`, q, tUs);
      this.value('tsn.qdisc.requeues', labels, q.requeues);
      if (q.xstats.window_drops !== undefined) this.value('tsn.qdisc.window_drops', labels, q.xstats.window_drops);
      if (q.xstats.tx_overruns !== undefined) this.value('tsn.qdisc.tx_overruns', labels, q.xstats.tx_overruns);
      qdiscs.push({ kind: q.kind, handle: q.handle, parent: q.parent, root: q.root, offloaded: q.offloaded, bytes: q.bytes, packets: q.packets, drops: q.drops, overlimits: q.overlimits, requeues: q.requeues, backlogBytes: q.backlogBytes, qlen: q.qlen, xstats: q.xstats, rates });
    }
    const classes: ClassView[] = [];
    if (io?.classes) {
      problems.push(...io.classes.problems);
      for (const c of io.classes.entries) {
        const labels = { interface: iface, class: c.classid, parent: c.parent ?? 'root', kind: c.kind };
        const rates = this.tc('class', labels, `class ${c.classid}`, c, tUs);
        if (c.xstats.window_drops !== undefined) this.value('tsn.class.window_drops', labels, c.xstats.window_drops);
        if (c.xstats.tx_overruns !== undefined) this.value('tsn.class.tx_overruns', labels, c.xstats.tx_overruns);
        classes.push({ kind: c.kind, classid: c.classid, parent: c.parent, root: c.root, leaf: c.leaf, bytes: c.bytes, packets: c.packets, drops: c.drops, overlimits: c.overlimits, requeues: c.requeues, backlogBytes: c.backlogBytes, qlen: c.qlen, xstats: c.xstats, rates });
      }
    }
    const queues = io?.ethtool ? this.queues(iface, io.ethtool.queues, tUs) : [];
    if (io?.ethtool) problems.push(...io.ethtool.problems);
    const deviceCounters: Record<string, number> = {};
    let kept = 0;
    for (const [k, v] of Object.entries(io?.ethtool?.device ?? {})) if (kept++ < 512) deviceCounters[k] = v;
    const mm = io?.macMerge ?? null;
    if (mm) {
      problems.push(...mm.problems);
      if (mm.txActive !== null) this.value('tsn.mm.tx_active', { interface: iface }, mm.txActive ? 1 : 0);
      if (mm.verifyStatus !== null) this.value('tsn.mm.verified', { interface: iface }, mm.verifyStatus === 'SUCCEEDED' ? 1 : 0);
      const g = this.rates.group(`mm|${iface}`);
      for (const [name, v] of Object.entries(mm.counters)) this.counter(g, 'tsn.mm.counter', { interface: iface, counter: name }, v, tUs, PACKETS, 'mac merge');
    }
    const ts = io?.timestamping;
    return {
      interface: iface,
      reasons,
      qdiscs,
      classes,
      queues,
      deviceCounters,
      timestamping: ts && ts.readable ? { capabilities: ts.capabilities, phcIndex: ts.phcIndex, txModes: ts.txModes, rxFilters: ts.rxFilters } : null,
      macMerge: mm && mm.problems.length === 0 ? { pmacEnabled: mm.pmacEnabled, txEnabled: mm.txEnabled, txActive: mm.txActive, verifyEnabled: mm.verifyEnabled, verifyStatus: mm.verifyStatus, txMinFragSize: mm.txMinFragSize, rxMinFragSize: mm.rxMinFragSize, verifyTimeMs: mm.verifyTimeMs, counters: mm.counters } : null,
      problems,
    };
  }

  /** A qdisc's or class's counters, gauges and rates. */
  private tc(scope: 'qdisc' | 'class', labels: Labels, object: string, c: TcCounters, tUs: number): QdiscView['rates'] {
    const m = TC_METRICS[scope];
    const g = this.rates.group(`${scope}|${object}|${labels.interface}|${labels.parent}|${labels.kind}`);
    const bytes = this.counter(g, m.bytes, labels, c.bytes, tUs, BYTES, object);
    const packets = this.counter(g, m.packets, labels, c.packets, tUs, PACKETS, object);
    const drops = this.counter(g, m.drops, labels, c.drops, tUs, PACKETS, object);
    this.counter(g, m.overlimits, labels, c.overlimits, tUs, PACKETS, object);
    this.value(m.backlog, labels, c.backlogBytes);
    this.value(m.qlen, labels, c.qlen);
    const bitRate = bytes === null ? null : bytes * 8;
    if (bitRate !== null) this.value(m.bitRate, labels, bitRate);
    if (scope === 'qdisc' && packets !== null) this.value('tsn.qdisc.packet_rate', labels, packets);
    if (drops !== null) this.value(m.dropRate, labels, drops);
    return { bitRate, packetRate: packets, dropRate: drops };
  }

  private queues(iface: string, counters: readonly { queue: number; direction: 'tx' | 'rx'; counter: string; raw: string; value: number }[], tUs: number): QueueView[] {
    const byQueue = new Map<string, { view: QueueView; labels: Labels; group: CounterGroup; object: string }>();
    for (const c of counters) {
      const id = `${c.direction}${c.queue}`;
      let q = byQueue.get(id);
      if (!q) {
        const view: QueueView = { queue: c.queue, direction: c.direction, counters: {}, rawNames: {}, rates: { bitRate: null, packetRate: null, dropRate: null } };
        q = { view, labels: { interface: iface, queue: String(c.queue), direction: c.direction }, group: this.rates.group(`queue|${iface}|${id}`), object: `${c.direction} queue ${c.queue}` };
        byQueue.set(id, q);
      }
      const { view, labels, group, object } = q;
      view.counters[c.counter] = c.value;
      view.rawNames[c.counter] = c.raw;
      if (c.counter === 'packets') {
        view.rates.packetRate = this.counter(group, 'tsn.queue.packets', labels, c.value, tUs, PACKETS, object);
        if (view.rates.packetRate !== null) this.value('tsn.queue.packet_rate', labels, view.rates.packetRate);
      } else if (c.counter === 'bytes') {
        const perSecond = this.counter(group, 'tsn.queue.bytes', labels, c.value, tUs, BYTES, object);
        view.rates.bitRate = perSecond === null ? null : perSecond * 8;
        if (view.rates.bitRate !== null) this.value('tsn.queue.bit_rate', labels, view.rates.bitRate);
      } else if (c.counter === 'drops') view.rates.dropRate = this.counter(group, 'tsn.queue.drops', labels, c.value, tUs, PACKETS, object);
      else if (c.counter === 'window_drops') this.counter(group, 'tsn.queue.window_drops', labels, c.value, tUs, PACKETS, object);
    }
    return [...byQueue.values()].map((q) => q.view);
  }

  private systemReadings(out: PollOutput, tUs: number): TsnStateView['system'] {
    const st = out.procStat;
    let busy: number | null = null;
    let iowait: number | null = null;
    if (st && this.prevStat) {
      for (const u of cpuUsage(this.prevStat, st)) {
        this.value('system.cpu_busy', { cpu: u.cpu }, u.busy, SYSTEM_INSTANCE);
        this.value('system.cpu_iowait', { cpu: u.cpu }, u.iowait, SYSTEM_INSTANCE);
        if (u.cpu === 'all') [busy, iowait] = [u.busy, u.iowait];
      }
    }
    if (st) this.prevStat = st;
    const mem = out.meminfo;
    if (mem?.totalBytes != null) this.value('system.mem_total', {}, mem.totalBytes, SYSTEM_INSTANCE);
    if (mem?.availableBytes != null) this.value('system.mem_available', {}, mem.availableBytes, SYSTEM_INSTANCE);
    const load = out.loadavg;
    if (load) {
      this.value('system.load1', {}, load.load1, SYSTEM_INSTANCE);
      this.value('system.load5', {}, load.load5, SYSTEM_INSTANCE);
      this.value('system.load15', {}, load.load15, SYSTEM_INSTANCE);
    }
    for (const d of (out.netdev ?? []).slice(0, 64)) {
      const labels = { interface: d.iface };
      const object = `interface ${d.iface}`;
      const g = this.rates.group(`net|${d.iface}`);
      const rx = this.counter(g, 'system.net.rx_bytes', labels, d.rxBytes, tUs, BYTES, object, SYSTEM_INSTANCE);
      const tx = this.counter(g, 'system.net.tx_bytes', labels, d.txBytes, tUs, BYTES, object, SYSTEM_INSTANCE);
      if (rx !== null) this.value('system.net.rx_bit_rate', labels, rx * 8, SYSTEM_INSTANCE);
      if (tx !== null) this.value('system.net.tx_bit_rate', labels, tx * 8, SYSTEM_INSTANCE);
      this.counter(g, 'system.net.rx_drops', labels, d.rxDrops, tUs, PACKETS, object, SYSTEM_INSTANCE);
      this.counter(g, 'system.net.tx_drops', labels, d.txDrops, tUs, PACKETS, object, SYSTEM_INSTANCE);
      this.counter(g, 'system.net.rx_errors', labels, d.rxErrors, tUs, PACKETS, object, SYSTEM_INSTANCE);
      this.counter(g, 'system.net.tx_errors', labels, d.txErrors, tUs, PACKETS, object, SYSTEM_INSTANCE);
    }
    if (!st && !mem && !load) return null;
    return { cpuBusy: busy, cpuIowait: iowait, memTotalBytes: mem?.totalBytes ?? null, memAvailableBytes: mem?.availableBytes ?? null, load1: load?.load1 ?? null, load5: load?.load5 ?? null, load15: load?.load15 ?? null, bootTimeS: st?.bootTimeS ?? null };
  }

  private value(metric: MetricKey, labels: Labels, value: number, instance: string = TSN_INSTANCE): void {
    (instance === TSN_INSTANCE ? this.tsn : this.system).push(value > Number.MAX_SAFE_INTEGER ? { metric, labels, value, flags: 8 } : { metric, labels, value });
  }

  /** Records a counter and steps its rate (per second, null on a first reading or a reset); a reset becomes one event per object and poll. */
  private counter(group: CounterGroup, metric: MetricKey, labels: Labels, value: number, tUs: number, limits: CounterLimits, object: string, instance: string = TSN_INSTANCE): number | null {
    this.value(metric, labels, value, instance);
    const s = this.rates.step(group, metric, value, tUs, limits, this.bootId);
    if (s.kind === 'rate' || s.kind === 'wrap') return s.perSecond;
    if (s.kind === 'reset' && s.reason === 'went-back') {
      const iface = labels.interface ?? '';
      if (!this.resetObjects.has(`${iface}|${object}`)) {
        this.resetObjects.add(`${iface}|${object}`);
        this.event(iface, object, { reason: s.reason, counter: metric, from: s.from, to: s.to }, instance);
      }
    }
    return null;
  }

  private event(iface: string, object: string, detail: Record<string, string | number>, instance: string = TSN_INSTANCE): void {
    this.events.push({ deviceId: this.deviceId, instance, kind: 'counter-reset', from: null, to: object, detail: { interface: iface, ...detail }, tMs: this.tMs });
  }
}
