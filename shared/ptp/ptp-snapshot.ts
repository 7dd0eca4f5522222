import { PORT_STATE_CODES, type PortState } from '../domain/ptp';
import type { DeviceEvent } from '../series/device-event';
import type { MetricKey } from '../series/metric-catalog';
import { POINT_FLAGS, type Reading, type ReadingValue } from '../series/series';
import { counterPoint, pointOf, type Freshness } from './freshness';
import type { CurrentDataSet, DefaultDataSet, ParentDataSet, PortDataSet, PortPropertiesNp, PortStats, TimeStatusNp } from './pmc-datasets';
import type { PortCorrectionsNp, PortHwclockNp, UnicastMasterTableNp } from './pmc-datasets-4x';

/**
 * What one ptp4l instance's data sets say at one time, and what it becomes: readings of the metric
 * catalog and events for what changed. Pure: the pmc source (electron/core/collect) keeps the
 * previous snapshot and the freshness state.
 */
export interface PtpSnapshot {
  time: TimeStatusNp | null;
  current: CurrentDataSet | null;
  /** Latest PORT_DATA_SET per port, in port order. */
  ports: PortDataSet[];
  parent: ParentDataSet | null;
  defaults: DefaultDataSet | null;
  properties: PortPropertiesNp[];
  stats: PortStats[];
  /** linuxptp 4.x, per port; empty where this linuxptp or this socket does not answer them. */
  hwclocks: PortHwclockNp[];
  corrections: PortCorrectionsNp[];
  unicastTables: UnicastMasterTableNp[];
}

export const EMPTY_SNAPSHOT: PtpSnapshot = { time: null, current: null, ports: [], parent: null, defaults: null, properties: [], stats: [], hwclocks: [], corrections: [], unicastTables: [] };

/**
 * Whether two snapshots say the same about state (everything but the measurement): the data sets
 * read less often than every poll are the same objects (a source keeps them until it reads them
 * again), and the per-poll values states and events use are equal.
 */
export function sameState(a: PtpSnapshot, b: PtpSnapshot): boolean {
  return (
    a.ports === b.ports &&
    a.parent === b.parent &&
    a.defaults === b.defaults &&
    a.properties === b.properties &&
    a.stats === b.stats &&
    a.hwclocks === b.hwclocks &&
    a.corrections === b.corrections &&
    a.unicastTables === b.unicastTables &&
    (a.current?.stepsRemoved ?? null) === (b.current?.stepsRemoved ?? null) &&
    (a.time?.gmPresent ?? null) === (b.time?.gmPresent ?? null) &&
    (a.time?.gmIdentity ?? null) === (b.time?.gmIdentity ?? null)
  );
}

export interface ReadingBase {
  deviceId: string;
  instance: string;
  tMs: number;
}

/** The port a clock syncs on: a boundary clock has MASTER ports too, so SLAVE, then UNCALIBRATED, then the first. */
export function syncPort(ports: readonly PortDataSet[]): PortDataSet | null {
  const net = ports.filter((p) => p.portNumber !== 0);
  return net.find((p) => p.portState === 'SLAVE') ?? net.find((p) => p.portState === 'UNCALIBRATED') ?? net[0] ?? null;
}

/** The grandmaster this instance follows; its own clockIdentity when it is the grandmaster itself. */
export function grandmasterOf(s: PtpSnapshot): string | null {
  return s.parent?.grandmasterIdentity ?? s.time?.gmIdentity ?? null;
}

const MEASUREMENTS = ['ptp.offset_from_master', 'ptp.master_offset', 'ptp.mean_path_delay', 'ptp.rate_offset'] as const satisfies readonly MetricKey[];

/**
 * The servo's measurement as a reading: values with the device's ingress time when fresh, a gap
 * (null, stale) with its reason otherwise, nothing when the measurement is unchanged.
 */
export function measurementReading(s: PtpSnapshot, freshness: Freshness, base: ReadingBase): Reading | null {
  if (freshness.kind === 'unchanged') return null;
  const tUs = base.tMs * 1000;
  if (freshness.kind === 'gap') {
    return { deviceId: base.deviceId, instance: base.instance, tUs, deviceTimeNs: null, values: MEASUREMENTS.map((metric) => ({ metric, value: null, flags: POINT_FLAGS.stale })) };
  }
  const rate = s.time?.cumulativeScaledRateOffset;
  const values: ReadingValue[] = [
    { metric: 'ptp.offset_from_master', ...pointOf(s.current?.offsetFromMasterNs ?? null) },
    { metric: 'ptp.master_offset', ...pointOf(s.time?.masterOffsetNs ?? null) },
    { metric: 'ptp.mean_path_delay', ...pointOf(s.current?.meanPathDelayNs ?? null) },
    { metric: 'ptp.rate_offset', ...pointOf(rate == null ? null : rate * 1e9) },
  ];
  return { deviceId: base.deviceId, instance: base.instance, tUs, deviceTimeNs: freshness.ingressNs, values: values.filter((v) => v.value !== null || v.flags !== 0) };
}

/** Everything else the data sets say (states, the grandmaster's data set, counters), at poll time. */
export function stateReading(s: PtpSnapshot, base: ReadingBase): Reading {
  const values: ReadingValue[] = [];
  const put = (metric: MetricKey, value: number | null | undefined, labels?: Record<string, string>) => {
    if (value === null || value === undefined) return;
    values.push(labels ? { metric, labels, ...pointOf(value) } : { metric, ...pointOf(value) });
  };
  put('ptp.steps_removed', s.current?.stepsRemoved);
  if (s.time?.gmPresent != null) put('ptp.gm_present', s.time.gmPresent ? 1 : 0);
  for (const p of s.ports) if (p.portState !== null && p.portNumber !== null) put('ptp.port_state', PORT_STATE_CODES[p.portState], { port: String(p.portNumber) });
  put('ptp.gm_clock_class', s.parent?.gmClockClass);
  put('ptp.gm_clock_accuracy', s.parent?.gmClockAccuracy);
  put('ptp.gm_offset_scaled_log_variance', s.parent?.gmOffsetScaledLogVariance);
  put('ptp.gm_priority1', s.parent?.grandmasterPriority1);
  put('ptp.gm_priority2', s.parent?.grandmasterPriority2);
  put('ptp.clock_class', s.defaults?.clockClass);
  for (const c of s.corrections) {
    if (c.portNumber === null) continue;
    const port = String(c.portNumber);
    put('ptp.port_correction', c.egressLatencyNs, { port, correction: 'egress_latency' });
    put('ptp.port_correction', c.ingressLatencyNs, { port, correction: 'ingress_latency' });
    put('ptp.port_correction', c.delayAsymmetryNs, { port, correction: 'delay_asymmetry' });
  }
  for (const u of s.unicastTables) if (u.portNumber !== null) put('ptp.unicast_masters', u.actualTableSize, { port: String(u.portNumber) });
  for (const st of s.stats) {
    if (st.portNumber === null) continue;
    const port = String(st.portNumber);
    for (const c of st.counters) values.push({ metric: c.name.startsWith('rx_') || c.name.startsWith('tx_') ? 'ptp.port_messages' : 'ptp.port_service_stats', labels: { port, counter: c.name }, ...counterPoint(c.valueText) });
  }
  return { deviceId: base.deviceId, instance: base.instance, tUs: base.tMs * 1000, deviceTimeNs: null, values };
}

/**
 * Events for what changed between two snapshots of one instance. The first snapshot after a
 * (re)connect (prev null) starts each port's timeline (from null); grandmaster, class and steps
 * events need a previous value to differ from.
 */
export function stateEvents(prev: PtpSnapshot | null, next: PtpSnapshot, base: ReadingBase): DeviceEvent[] {
  const events: DeviceEvent[] = [];
  const ev = (kind: DeviceEvent['kind'], from: string | null, to: string | null, detail: DeviceEvent['detail'] = {}) =>
    events.push({ deviceId: base.deviceId, instance: base.instance, kind, from, to, detail, tMs: base.tMs });
  const before = new Map<number, PortState | null>((prev?.ports ?? []).flatMap((p) => (p.portNumber === null ? [] : [[p.portNumber, p.portState] as const])));
  for (const p of next.ports) {
    if (p.portNumber === null || p.portState === null) continue;
    const was = before.get(p.portNumber) ?? null;
    if (was === p.portState) continue;
    const iface = next.properties.find((x) => x.portNumber === p.portNumber)?.interface ?? null;
    ev('port-state', was, p.portState, { port: p.portNumber, interface: iface });
  }
  if (!prev) return events;
  const gmWas = grandmasterOf(prev);
  const gmNow = grandmasterOf(next);
  if (gmWas !== null && gmNow !== null && gmWas !== gmNow) {
    const own = next.defaults?.clockIdentity ?? null;
    ev('gm-change', gmWas, gmNow, { localClock: own !== null && gmNow === own, gmClockClass: next.parent?.gmClockClass ?? null, gmPriority1: next.parent?.grandmasterPriority1 ?? null });
  }
  const classWas = prev.parent?.gmClockClass ?? null;
  const classNow = next.parent?.gmClockClass ?? null;
  if (classWas !== null && classNow !== null && classWas !== classNow) ev('clock-class', String(classWas), String(classNow), { grandmaster: gmNow });
  const stepsWas = prev.current?.stepsRemoved ?? null;
  const stepsNow = next.current?.stepsRemoved ?? null;
  if (stepsWas !== null && stepsNow !== null && stepsWas !== stepsNow) ev('steps-removed', String(stepsWas), String(stepsNow));
  return events;
}
