import { parseEthtoolTimestamping, type TimestampingCaps } from '../../doctor/ethtool-timestamping';
import { parseEthtoolStats, parseEthtoolStatsJson, type EthtoolStats } from './ethtool-stats';
import { parseMacMerge, type MacMergeState } from './ethtool-mm';
import { parseLoadavg, type LoadAvg } from './proc-loadavg';
import { parseMeminfo, type MemInfo } from './proc-meminfo';
import { parseNetDev, type NetDevCounters } from './proc-net-dev';
import { parseProcStat, type ProcStat } from './proc-stat';
import { parseClasses, parseQdiscs } from './tc-parse';
import type { ClassStats, QdiscStats, TcParse } from './tc-stats';

/**
 * One poll's output: every section a single command printed, each after a marker line
 * `@@SS <section> [interface]` (tc qdisc for all interfaces; per interface tc class, ethtool -S and
 * its standard groups, and now and then ethtool -T and --show-mm; the /proc files). A `-text` section is the text
 * fallback of the JSON attempt before it and wins over it.
 */
export const SECTION_MARK = '@@SS';

export interface InterfaceOutput {
  classes: TcParse<ClassStats> | null;
  ethtool: EthtoolStats | null;
  timestamping: TimestampingCaps | null;
  macMerge: MacMergeState | null;
}

export interface PollOutput {
  qdiscs: TcParse<QdiscStats> | null;
  interfaces: Map<string, InterfaceOutput>;
  procStat: ProcStat | null;
  meminfo: MemInfo | null;
  loadavg: LoadAvg | null;
  netdev: NetDevCounters[] | null;
  /** /proc/sys/kernel/random/boot_id: new at every boot of the device. */
  bootId: string | null;
}

export function splitSections(text: string): Map<string, string> {
  const sections = new Map<string, string>();
  const re = new RegExp(`^${SECTION_MARK} (\\S+)(?: (\\S+))?$`, 'gm');
  let prev: { key: string; start: number } | null = null;
  for (const m of text.matchAll(re)) {
    if (prev) sections.set(prev.key, text.slice(prev.start, m.index).replace(/\n$/, ''));
    prev = { key: m[2] ? `${m[1]} ${m[2]}` : (m[1] as string), start: (m.index ?? 0) + m[0].length + 1 };
  }
  if (prev) sections.set(prev.key, text.slice(prev.start).replace(/\n$/, ''));
  return sections;
}

/** A section's text, its text fallback preferred when the JSON attempt failed. */
function pick(sections: Map<string, string>, name: string, iface?: string): string | undefined {
  const suffix = iface ? ` ${iface}` : '';
  return sections.get(`${name}-text${suffix}`) ?? sections.get(`${name}${suffix}`);
}

/** ethtool without --show-mm (before 6.3) or a driver without MAC merge: not a problem, just nothing to show. */
const NOT_SUPPORTED = /bad command line argument|Operation not supported|not supported|unrecognized option|Unknown option/i;

/** The standard groups' counters join the driver's device counters (`eth-mac.FramesTransmittedOK`); an ethtool without them adds nothing. */
function withStandardGroups(stats: EthtoolStats, groups: string | undefined): EthtoolStats {
  if (groups === undefined || !/^\s*\[/.test(groups)) return stats;
  const standard = parseEthtoolStatsJson(groups);
  if (standard.problems.length === 0) Object.assign(stats.device, standard.device);
  return stats;
}

export function parsePollOutput(text: string, interfaces: readonly string[]): PollOutput {
  const sections = splitSections(text);
  const qdiscText = pick(sections, 'qdisc');
  const out: PollOutput = {
    qdiscs: qdiscText === undefined ? null : parseQdiscs(qdiscText),
    interfaces: new Map(),
    procStat: null,
    meminfo: null,
    loadavg: null,
    netdev: null,
    bootId: /^[0-9a-f-]{36}$/.exec(sections.get('bootid')?.trim() ?? '')?.[0] ?? null,
  };
  for (const iface of interfaces) {
    const classes = pick(sections, 'class', iface);
    const stats = pick(sections, 'ethtool-S', iface);
    const groups = sections.get(`ethtool-groups ${iface}`);
    const ts = pick(sections, 'ethtool-T', iface);
    const mm = pick(sections, 'ethtool-mm', iface);
    out.interfaces.set(iface, {
      classes: classes === undefined ? null : parseClasses(classes),
      ethtool: stats === undefined ? null : withStandardGroups(parseEthtoolStats(stats), groups),
      timestamping: ts === undefined ? null : parseEthtoolTimestamping(ts),
      macMerge: mm === undefined || NOT_SUPPORTED.test(mm) ? null : parseMacMerge(mm),
    });
  }
  const stat = sections.get('stat');
  if (stat !== undefined) out.procStat = parseProcStat(stat);
  const mem = sections.get('meminfo');
  if (mem !== undefined) out.meminfo = parseMeminfo(mem);
  const load = sections.get('loadavg');
  if (load !== undefined) out.loadavg = parseLoadavg(load);
  const netdev = sections.get('netdev');
  if (netdev !== undefined) out.netdev = parseNetDev(netdev);
  return out;
}
