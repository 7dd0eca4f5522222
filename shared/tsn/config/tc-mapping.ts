import { tcError, type TcProblem } from './tc-problem';
import { isIntegerIn } from './tc-values';

/**
 * The traffic-class mapping taprio and mqprio share (`struct tc_mqprio_qopt`): how many traffic
 * classes, which class each of the 16 socket priorities goes to, and which TX queues (count@offset)
 * serve each class. Checked as the kernel's taprio/mqprio option parsing checks it, plus the
 * contiguity the reference asks for (a gap leaves TX queues no class uses).
 */
export interface QueueRange {
  count: number;
  offset: number;
}

export interface TcMapping {
  numTc: number;
  /** 16 entries: socket priority → traffic class. */
  priorityMap: number[];
  /** One per traffic class. */
  queues: QueueRange[];
}

/** TC_QOPT_MAX_QUEUE and TC_PRIO_MAX + 1. */
export const MAX_TRAFFIC_CLASSES = 16;
export const PRIORITY_COUNT = 16;

export interface MappingOptions {
  /** TX queues the device has (`ethtool -l`), when known. */
  txQueues?: number | undefined;
  /** taprio in txtime-assist mode lets classes share queues (the kernel skips its overlap check). */
  allowShared?: boolean;
}

export function validateMapping(m: TcMapping, o: MappingOptions = {}): TcProblem[] {
  const out: TcProblem[] = [];
  if (!isIntegerIn(m.numTc, 1, MAX_TRAFFIC_CLASSES)) return [tcError('tsn-config.num-tc-range', 'numTc', { numTc: String(m.numTc), max: MAX_TRAFFIC_CLASSES })];
  if (m.priorityMap.length !== PRIORITY_COUNT) out.push(tcError('tsn-config.map-length', 'priorityMap', { count: m.priorityMap.length }));
  m.priorityMap.forEach((tc, prio) => {
    if (!isIntegerIn(tc, 0, m.numTc - 1)) out.push(tcError('tsn-config.map-entry-range', `priorityMap.${prio}`, { prio, tc: String(tc), numTc: m.numTc }));
  });
  if (m.queues.length !== m.numTc) {
    out.push(tcError('tsn-config.queues-count', 'queues', { count: m.queues.length, numTc: m.numTc }));
    return out;
  }
  m.queues.forEach((q, tc) => {
    if (!isIntegerIn(q.count, 1, 0xffff) || !isIntegerIn(q.offset, 0, 0xffff)) out.push(tcError('tsn-config.queue-empty', `queues.${tc}`, { tc }));
    else if (o.txQueues !== undefined && q.offset + q.count > o.txQueues) out.push(tcError('tsn-config.queues-beyond-device', `queues.${tc}`, { tc, last: q.offset + q.count - 1, txQueues: o.txQueues }));
  });
  if (out.length > 0 || o.allowShared) return out;
  // The kernel's check (`last > offset[j]` for every later class): ranges ascend and do not overlap.
  let next = 0;
  m.queues.forEach((q, tc) => {
    if (q.offset < next) out.push(tcError('tsn-config.queues-overlap', `queues.${tc}`, { tc, first: q.offset, last: q.offset + q.count - 1 }));
    else if (q.offset > next) out.push(tcError('tsn-config.queues-gap', `queues.${tc}`, { tc, first: next, last: q.offset - 1 }));
    next = Math.max(next, q.offset + q.count);
  });
  return out;
}

/** `queues 1@0 1@1 2@2` words. */
export const queueWords = (queues: readonly QueueRange[]): string[] => queues.map((q) => `${q.count}@${q.offset}`);

export function queueOfWord(word: string): QueueRange | null {
  const m = /^(\d{1,5})@(\d{1,5})$/.exec(word);
  return m ? { count: Number(m[1]), offset: Number(m[2]) } : null;
}
