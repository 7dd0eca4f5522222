import type { QueueRange } from './tc-mapping';
import type { ClockId } from './tc-values';

/**
 * A taprio (IEEE 802.1Qbv time-aware shaper) qdisc as Syncscope edits, pushes and reads it back.
 * Field names follow tc-taprio(8); 64-bit times are decimal strings (a TAI base-time exceeds 2^53).
 */
export const GATE_COMMANDS = ['S', 'H', 'R'] as const;
/** S SetGateStates; H Set-And-Hold-MAC and R Set-And-Release-MAC (frame preemption). */
export type GateCommand = (typeof GATE_COMMANDS)[number];

export interface GateEntry {
  command: GateCommand;
  /** Bit n open = traffic class n may transmit. */
  gateMask: number;
  intervalNs: number;
}

export interface TaprioSchedule {
  /** When the schedule starts, in ns on the qdisc's clock (decimal string; "0" = as soon as possible). */
  baseTimeNs: string;
  /** null: the sum of the intervals (what the kernel computes). */
  cycleTimeNs: string | null;
  /** null or "0": none. */
  cycleTimeExtensionNs: string | null;
  entries: GateEntry[];
}

/** `flags`: bit 0 txtime-assist, bit 1 full hardware offload (never both). */
export const TAPRIO_FLAG_TXTIME_ASSIST = 0x1;
export const TAPRIO_FLAG_FULL_OFFLOAD = 0x2;

export type FramePreemption = 'E' | 'P';

export interface TaprioModel {
  kind: 'taprio';
  /** Handle major in hex (`100` → `100:`). taprio is always the root qdisc. */
  handle: string;
  numTc: number;
  priorityMap: number[];
  queues: QueueRange[];
  /** Required unless full offload (the NIC's PHC is used then). */
  clockid: ClockId | null;
  flags: number;
  /** txtime-assist only: how long before its txtime a packet is handed to the NIC. */
  txtimeDelayNs: number | null;
  /** Per traffic class, bytes; 0 = no limit. null = none set. */
  maxSdu: number[] | null;
  /** Per traffic class, express or preemptible (kernel ≥ 6.5). null = none set. */
  fp: FramePreemption[] | null;
  schedule: TaprioSchedule;
}

/** Sum of a schedule's intervals, exact. */
export const intervalSum = (entries: readonly GateEntry[]): bigint => entries.reduce((sum, e) => sum + BigInt(e.intervalNs), 0n);

/** The cycle the kernel runs: the given cycle-time, else the sum of the intervals. */
export const effectiveCycleNs = (s: TaprioSchedule): bigint => (s.cycleTimeNs !== null ? BigInt(s.cycleTimeNs) : intervalSum(s.entries));

/**
 * One form for two models that configure the same thing, so a model read back from the device can
 * be compared with the one pushed: cycle-time explicit, a zero extension absent, max-sdu/fp per
 * traffic class and null when all default (tc reads them back for all 16 classes).
 */
export function canonicalTaprio(m: TaprioModel): TaprioModel {
  const perTc = <T>(list: T[] | null, none: T): T[] | null => {
    if (list === null) return null;
    const sized = Array.from({ length: m.numTc }, (_, tc) => list[tc] ?? none);
    return sized.every((v) => v === none) ? null : sized;
  };
  const s = m.schedule;
  return {
    ...m,
    handle: Number.parseInt(m.handle, 16).toString(16),
    txtimeDelayNs: m.txtimeDelayNs === 0 ? null : m.txtimeDelayNs,
    maxSdu: perTc(m.maxSdu, 0),
    fp: perTc<FramePreemption>(m.fp, 'E'),
    schedule: { ...s, cycleTimeNs: effectiveCycleNs(s).toString(), cycleTimeExtensionNs: s.cycleTimeExtensionNs === '0' ? null : s.cycleTimeExtensionNs, entries: s.entries.map((e) => ({ ...e })) },
  };
}

/** A starting point for an editor: 3 classes (PTP's priority 0 → class 0), 1 ms cycle. */
export function exampleTaprio(): TaprioModel {
  return {
    kind: 'taprio',
    handle: '100',
    numTc: 3,
    priorityMap: [0, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2],
    queues: [
      { count: 1, offset: 0 },
      { count: 1, offset: 1 },
      { count: 2, offset: 2 },
    ],
    clockid: 'TAI',
    flags: 0,
    txtimeDelayNs: null,
    maxSdu: null,
    fp: null,
    schedule: {
      baseTimeNs: '0',
      cycleTimeNs: '1000000',
      cycleTimeExtensionNs: null,
      entries: [
        { command: 'S', gateMask: 0x1, intervalNs: 300000 },
        { command: 'S', gateMask: 0x2, intervalNs: 300000 },
        { command: 'S', gateMask: 0x5, intervalNs: 400000 },
      ],
    },
  };
}
