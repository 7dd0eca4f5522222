import { z } from 'zod';
import { DeviceId } from '../domain/device';
import { ErrorValue } from '../domain/errors';

/**
 * TSN and device-system statistics as the engine last collected them (joined into methods.ts): per
 * interface its qdiscs, classes and hardware queues with counters and the rates computed across
 * wraps and resets, its timestamping capabilities and MAC merge state; the device's CPU, memory and
 * load. The history of each number is in the series (`tsn.*`, `system.*` metrics).
 */
const n = z.number().nullable();

/** Per second, over the last poll interval; null on a first reading or after a reset. */
export const RatesView = z.object({ bitRate: n, packetRate: n, dropRate: n });

export const TcCountersView = z.object({
  kind: z.string(),
  parent: z.string().nullable(),
  root: z.boolean(),
  bytes: z.number(),
  packets: z.number(),
  drops: z.number(),
  overlimits: z.number(),
  requeues: z.number(),
  backlogBytes: z.number(),
  qlen: z.number(),
  /** The kind's own statistics (taprio window_drops/tx_overruns, htb lended/borrowed …). */
  xstats: z.record(z.string(), z.number()),
  rates: RatesView,
});

export const QdiscView = TcCountersView.extend({ handle: z.string(), offloaded: z.boolean() });
export type QdiscView = z.infer<typeof QdiscView>;
export const ClassView = TcCountersView.extend({ classid: z.string(), leaf: z.string().nullable() });
export type ClassView = z.infer<typeof ClassView>;

/** One hardware queue's counters from `ethtool -S`, normalized (`packets`, `bytes`, `drops` …), each with the driver's raw name. */
export const QueueView = z.object({
  queue: z.number().int(),
  direction: z.enum(['tx', 'rx']),
  counters: z.record(z.string(), z.number()),
  rawNames: z.record(z.string(), z.string()),
  rates: RatesView,
});
export type QueueView = z.infer<typeof QueueView>;

export const TimestampingView = z.object({
  capabilities: z.array(z.string()),
  phcIndex: n,
  txModes: z.array(z.string()),
  rxFilters: z.array(z.string()),
});

export const MacMergeView = z.object({
  pmacEnabled: z.boolean().nullable(),
  txEnabled: z.boolean().nullable(),
  txActive: z.boolean().nullable(),
  verifyEnabled: z.boolean().nullable(),
  verifyStatus: z.string().nullable(),
  txMinFragSize: n,
  rxMinFragSize: n,
  verifyTimeMs: n,
  counters: z.record(z.string(), z.number()),
});

export const TsnInterfaceView = z.object({
  interface: z.string(),
  /** Why it is collected: named in the profile, ptp4l runs on it, or its root qdisc was configured. */
  reasons: z.array(z.enum(['profile', 'ptp4l', 'qdisc'])),
  qdiscs: z.array(QdiscView),
  classes: z.array(ClassView),
  queues: z.array(QueueView),
  /** ethtool -S counters that are not per queue, by the driver's name (at most 512). */
  deviceCounters: z.record(z.string(), z.number()),
  timestamping: TimestampingView.nullable(),
  macMerge: MacMergeView.nullable(),
  /** What could not be read for this interface (the rest was kept). */
  problems: z.array(ErrorValue),
});
export type TsnInterfaceView = z.infer<typeof TsnInterfaceView>;

export const SystemView = z.object({
  cpuBusy: n,
  cpuIowait: n,
  memTotalBytes: n,
  memAvailableBytes: n,
  load1: n,
  load5: n,
  load15: n,
  bootTimeS: n,
});

export const TsnStateView = z.object({
  deviceId: z.string(),
  /** Engine wall clock of the poll, ms; null before the first. */
  atMs: n,
  interfaces: z.array(TsnInterfaceView),
  system: SystemView.nullable(),
  /** Problems of the poll as a whole (the command failed, a tool is missing). */
  problems: z.array(ErrorValue),
});
export type TsnStateView = z.infer<typeof TsnStateView>;

export const tsnMethods = {
  /** The latest TSN and system statistics of a device (empty before its first poll, or when it is not collecting). */
  'tsn.state': {
    params: z.object({ deviceId: DeviceId }),
    result: TsnStateView,
  },
} as const;
