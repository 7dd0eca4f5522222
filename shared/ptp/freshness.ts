import type { PortState } from '../domain/ptp';
import { POINT_FLAGS } from '../series/series';
import type { CurrentDataSet, TimeStatusNp } from './pmc-datasets';

/**
 * When a number ptp4l reports is a measurement (real linuxptp 3.1 behaviour, issue 7):
 * - TIME_STATUS_NP `ingress_time` is the receive time of the Sync the servo last used. When it has not
 *   advanced, master_offset and CURRENT_DATA_SET are the old values again: nothing new was measured.
 *   Polls are faster than Syncs (8 Hz against 1 Hz), so "not advanced" is normal for a while and is
 *   simply not a new point; only past `staleAfterMs` without an advance does it become a gap.
 * - After a master is selected, 3.1 reports offset 0 and delay 0 for 2–3 s: placeholders.
 * - After the master is lost the last offset is repeated until the announce timeout, and a slaveOnly
 *   clock kept `gmPresent true` for a 22 s outage, most of it LISTENING: the port state decides.
 * - A clock that is its own grandmaster (gmPresent false) measures nothing.
 */

export type StaleReason = 'no-data' | 'no-grandmaster' | 'not-slave' | 'no-sync-yet' | 'not-advanced' | 'placeholder-zero';

export type Freshness =
  /** A new measurement, taken at the device's `ingressNs`. */
  | { kind: 'fresh'; ingressNs: string }
  /** Nothing new since the last measurement, but not for long: no point at all. */
  | { kind: 'unchanged' }
  /** No measurement: a gap (value null, flagged stale) with its reason. */
  | { kind: 'gap'; reason: StaleReason; detail: string | null };

export interface FreshnessInput {
  time: TimeStatusNp | null;
  current: CurrentDataSet | null;
  /** State of the port the clock syncs on (SLAVE, else UNCALIBRATED, else the first port). */
  syncPortState: PortState | null;
  /** ingress_time of the last measurement taken, or null. */
  lastIngressNs: string | null;
  /** Engine monotonic ms since ingress_time last advanced (Infinity when it never did). */
  sinceAdvanceMs: number;
  /** How long ingress_time may stand still before that is a gap (a few Sync intervals). */
  staleAfterMs: number;
}

const MEASURING: ReadonlySet<PortState> = new Set(['SLAVE', 'UNCALIBRATED']);

export function judgeFreshness(i: FreshnessInput): Freshness {
  if (!i.time && !i.current) return gap('no-data');
  if (i.time?.gmPresent === false) return gap('no-grandmaster');
  if (i.syncPortState !== null && !MEASURING.has(i.syncPortState)) return gap('not-slave', i.syncPortState);
  const ingress = i.time?.ingressTimeNs ?? null;
  if (ingress === null || ingress === '0') return gap('no-sync-yet');
  if (i.current && i.current.offsetFromMasterNs === 0 && i.current.meanPathDelayNs === 0) return gap('placeholder-zero');
  if (ingress === i.lastIngressNs) return i.sinceAdvanceMs > i.staleAfterMs ? gap('not-advanced', `${Math.round(i.sinceAdvanceMs)} ms`) : { kind: 'unchanged' };
  return { kind: 'fresh', ingressNs: ingress };
}

function gap(reason: StaleReason, detail: string | null = null): Freshness {
  return { kind: 'gap', reason, detail };
}

/**
 * Texts linuxptp prints for "no value": UINT64_MAX / INT64 extremes, UINT32_MAX, INT32_MAX
 * (0x7fffffff: observedParentClockPhaseChangeRate not computed), 0xffff (a variance not computed).
 */
const SENTINEL_TEXTS: ReadonlySet<string> = new Set(['18446744073709551615', '9223372036854775807', '-9223372036854775808', '4294967295', '2147483647', '0x7fffffff', '0xffffffff', '0xffffffffffffffff']);

/** A device number as a point value: exact, flagged inexact beyond 2^53, or n/a (null, flagged sentinel). */
export function pointOf(value: number | null, text?: string | null): { value: number | null; flags: number } {
  if (text != null && SENTINEL_TEXTS.has(text.toLowerCase())) return { value: null, flags: POINT_FLAGS.sentinel };
  if (value === null) return { value: null, flags: 0 };
  return { value, flags: Number.isInteger(value) && !Number.isSafeInteger(value) ? POINT_FLAGS.inexact : 0 };
}

/** A counter's decimal text as a point value (uint64: may pass 2^53). */
export function counterPoint(text: string): { value: number | null; flags: number } {
  return pointOf(Number(text), text);
}
