import type { ErrorValue } from '../../domain/errors';
import { catalogError } from '../../errors/catalog';
import { queueCounterName, type QueueDirection } from './ethtool-queue-names';

/** One per-queue counter of `ethtool -S`, normalized, with the driver's own name kept. */
export interface QueueCounter {
  queue: number;
  direction: QueueDirection;
  counter: string;
  raw: string;
  value: number;
}

export interface EthtoolStats {
  iface: string | null;
  queues: QueueCounter[];
  /** Every other counter under the driver's name; standard groups as `group.Name` (`eth-mac.FramesTransmittedOK`). */
  device: Record<string, number>;
  problems: ErrorValue[];
}

const MAX_COUNTERS = 8192;

/** Counters read so far, per result (a driver printing thousands is cut at MAX_COUNTERS). */
const counted = new WeakMap<EthtoolStats, number>();

function add(stats: EthtoolStats, raw: string, value: number): void {
  const n = counted.get(stats) ?? 0;
  if (n >= MAX_COUNTERS) return;
  counted.set(stats, n + 1);
  const q = queueCounterName(raw);
  if (q) stats.queues.push({ queue: q.queue, direction: q.direction, counter: q.counter, raw, value });
  else stats.device[raw] = value;
}

/**
 * `ethtool -S IF` text: `NIC statistics:` then `     name: value` lines (names may hold spaces:
 * enetc's `Tx ring  0 frames`). `--all-groups` text adds `Standard stats for IF:` and
 * `eth-mac-FramesTransmittedOK: N` lines, kept as device counters. Never throws.
 */
export function parseEthtoolStatsText(text: string): EthtoolStats {
  const stats: EthtoolStats = { iface: null, queues: [], device: {}, problems: [] };
  let sawHeading = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (/^NIC statistics:/.test(line)) {
      sawHeading = true;
      continue;
    }
    const std = /^Standard stats for (\S+?):?$/.exec(line);
    if (std) {
      stats.iface = std[1] ?? null;
      sawHeading = true;
      continue;
    }
    const m = /^\s*(.+?):\s+(-?\d+)\s*$/.exec(line);
    if (m && sawHeading) add(stats, (m[1] as string).trim(), Number(m[2]));
  }
  if (!sawHeading) {
    const first = text.trim().split('\n')[0] ?? '';
    stats.problems.push(first ? catalogError('tsn.tool-failed', { what: 'ethtool -S', detail: first.slice(0, 160) }) : catalogError('tsn.no-entries', { what: 'ethtool -S' }));
  }
  return stats;
}

/**
 * `ethtool --json -S IF [--groups …|--all-groups]`: `[{"ifname": …, "eth-mac": {…}, "rmon": {…}}]`,
 * and where ethtool prints the driver's counters in JSON too, a flat or `statistics` object of
 * them. Histograms (rmon `rx-pktsNtoM`: [{low, high, val}]) become `rmon.rx-pkts64to64` counters.
 */
export function parseEthtoolStatsJson(text: string): EthtoolStats {
  const stats: EthtoolStats = { iface: null, queues: [], device: {}, problems: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.trim());
  } catch (err) {
    stats.problems.push(catalogError('tsn.not-json', { what: 'ethtool --json -S', detail: err instanceof Error ? err.message : String(err) }));
    return stats;
  }
  const first = Array.isArray(parsed) ? parsed[0] : parsed;
  if (typeof first !== 'object' || first === null) {
    stats.problems.push(catalogError('tsn.no-entries', { what: 'ethtool --json -S' }));
    return stats;
  }
  for (const [key, value] of Object.entries(first as Record<string, unknown>)) {
    if (key === 'ifname' && typeof value === 'string') stats.iface = value;
    else if (typeof value === 'number') add(stats, key, value);
    else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const flat = key === 'statistics' || key === 'driver';
      for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
        if (typeof v === 'number') add(stats, flat ? name : `${key}.${name}`, v);
        else if (Array.isArray(v)) for (const bucket of v as { low?: unknown; high?: unknown; val?: unknown }[]) if (typeof bucket?.val === 'number') add(stats, `${key}.${name.replace(/NtoM$/, '')}${String(bucket.low)}to${String(bucket.high)}`, bucket.val);
      }
    }
  }
  return stats;
}

export function parseEthtoolStats(text: string): EthtoolStats {
  return /^\s*[[{]/.test(text) ? parseEthtoolStatsJson(text) : parseEthtoolStatsText(text);
}
