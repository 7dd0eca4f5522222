import { byteTimeNs, DEFAULT_PTP_SOCKET_PRIORITY, DEFAULT_TX_TIMESTAMP_TIMEOUT_MS, type TsnDeviceSettings } from './device-settings';
import { gateTimeline, longestClosedNs, shortestOpenNs } from './gate-timeline';
import { tcWarning, type TcProblem } from './tc-problem';
import { effectiveCycleNs, type TaprioModel } from './taprio-model';
import { isS64Decimal } from './tc-values';

/**
 * Schedules the kernel accepts but the field says will fail (reference §6): a gate-control list
 * longer than the NIC holds, a base-time in the past that is not on a cycle boundary, and the
 * traffic class PTP leaves by kept shut long enough that ptp4l's TX timestamps time out ("timed out
 * while polling for tx timestamp", "missing timestamp on transmitted peer delay response").
 * Call on a model without errors.
 */

/** The largest PTP event frame on the wire: Pdelay_Resp (54) over UDP/IPv6 with a VLAN tag, FCS and preamble/IPG. */
export const PTP_FRAME_WIRE_BYTES = 144;

type Warning = (m: TaprioModel, d: TsnDeviceSettings) => TcProblem[];

const WARNINGS: readonly Warning[] = [
  (m, d) =>
    d.gclCapacity !== undefined && m.schedule.entries.length > d.gclCapacity
      ? [tcWarning('tsn-config.taprio.gcl-too-long', 'schedule.entries', { entries: m.schedule.entries.length, capacity: d.gclCapacity })]
      : [],
  (m, d) => {
    if (d.nowTaiNs === undefined || !isS64Decimal(d.nowTaiNs)) return [];
    const base = BigInt(m.schedule.baseTimeNs);
    const now = BigInt(d.nowTaiNs);
    const cycle = effectiveCycleNs(m.schedule);
    if (base >= now || cycle <= 0n || base % cycle === 0n) return [];
    const next = base + ((now - base + cycle - 1n) / cycle) * cycle;
    return [tcWarning('tsn-config.taprio.base-time-past-unaligned', 'schedule.baseTimeNs', { baseTimeNs: base.toString(), startNs: next.toString(), cycleNs: cycle.toString() })];
  },
  (m) => {
    const timeline = gateTimeline(m.schedule, m.numTc);
    return timeline.open.flatMap((spans, tc) => (spans.length === 0 && m.priorityMap.includes(tc) ? [tcWarning('tsn-config.taprio.gate-never-opens', 'schedule.entries', { tc })] : []));
  },
  (m, d) => {
    const prio = d.ptpSocketPriority ?? DEFAULT_PTP_SOCKET_PRIORITY;
    const tc = m.priorityMap[prio];
    if (tc === undefined) return [];
    const timeline = gateTimeline(m.schedule, m.numTc);
    if ((timeline.open[tc] ?? []).length === 0) return [tcWarning('tsn-config.taprio.ptp-gate-never-opens', 'schedule.entries', { tc, prio })];
    const out: TcProblem[] = [];
    const timeoutMs = d.txTimestampTimeoutMs ?? DEFAULT_TX_TIMESTAMP_TIMEOUT_MS;
    const closedNs = longestClosedNs(timeline, tc);
    const frameNs = d.linkSpeedMbps ? Math.ceil(PTP_FRAME_WIRE_BYTES * byteTimeNs(d.linkSpeedMbps)) : 0;
    if (closedNs + frameNs >= timeoutMs * 1e6) out.push(tcWarning('tsn-config.taprio.ptp-gate-starves', 'schedule.entries', { tc, prio, closedNs, timeoutMs }));
    const openNs = shortestOpenNs(timeline, tc);
    if (frameNs > 0 && openNs !== null && openNs < frameNs) out.push(tcWarning('tsn-config.taprio.ptp-window-too-short', 'schedule.entries', { tc, openNs, frameNs }));
    return out;
  },
];

export function taprioFieldWarnings(m: TaprioModel, d: TsnDeviceSettings): TcProblem[] {
  return WARNINGS.flatMap((w) => w(m, d));
}
