import type { Command } from 'commander';
import type { ErrorValue } from '../../../shared/domain/errors';
import { parseEthtoolTimestamping } from '../../../shared/doctor/ethtool-timestamping';
import { catalogError, errorText } from '../../../shared/errors/catalog';
import type { ErrorLanguage } from '../../../shared/errors/catalog-types';
import { taprioFromJson } from '../../../shared/tsn/config/taprio-json';
import { readQdiscShow } from '../../../shared/tsn/config/tc-qdisc-json';
import type { TaprioSchedule } from '../../../shared/tsn/config/taprio-model';
import { detectStatsOutput, type StatsOutputKind } from '../../../shared/tsn/stats/detect-output';
import { parseEthtoolStats } from '../../../shared/tsn/stats/ethtool-stats';
import { parseMacMerge } from '../../../shared/tsn/stats/ethtool-mm';
import { parseLoadavg } from '../../../shared/tsn/stats/proc-loadavg';
import { parseMeminfo } from '../../../shared/tsn/stats/proc-meminfo';
import { parseNetDev } from '../../../shared/tsn/stats/proc-net-dev';
import { parseProcStat } from '../../../shared/tsn/stats/proc-stat';
import { parseClasses, parseQdiscs } from '../../../shared/tsn/stats/tc-parse';
import type { TcCounters } from '../../../shared/tsn/stats/tc-stats';
import { printTable } from './table';
import { tsnCommandGroup } from './tsn-plan-command';
import { cliLanguage, readInputFileOrSay } from './input-file';
import { printMessageLines } from './message-lines';

/** What `tsn parse` exits with: 1 when nothing in the file could be read, 2 when the file itself could not be. */
export const TSN_PARSE_EXIT = { read: 0, unreadable: 1, noFile: 2 } as const;

interface ParseFlags {
  json?: boolean;
  lang: string;
}

interface Parsed {
  kind: StatsOutputKind;
  /** Anything was read. */
  readable: boolean;
  result: unknown;
  problems: ErrorValue[];
  print(): void;
}

const COUNTER_HEAD = ['BYTES', 'PACKETS', 'DROPS', 'OVERLIMITS', 'REQUEUES', 'BACKLOG', 'QLEN', 'EXTRA'];
const counterCells = (c: TcCounters) => [c.bytes, c.packets, c.drops, c.overlimits, c.requeues, `${c.backlogBytes}b`, c.qlen].map(String).concat(Object.entries(c.xstats).map(([k, v]) => `${k}=${v}`).join(' '));

function scheduleLines(which: string, s: TaprioSchedule): string[] {
  return [`  ${which}: base-time ${s.baseTimeNs} cycle-time ${s.cycleTimeNs} cycle-time-extension ${s.cycleTimeExtensionNs}`, ...s.entries.map((e, i) => `    ${i} ${e.command} gates 0x${e.gateMask.toString(16)} ${e.intervalNs} ns`)];
}

/** taprio's oper and admin schedules, read by the config helper's taprio reader (exact 64-bit base times). */
function taprioSchedules(text: string): { handle: string; dev: string | null; oper: TaprioSchedule | null; admin: TaprioSchedule | null }[] {
  if (!text.trimStart().startsWith('[')) return [];
  return readQdiscShow(text)
    .qdiscs.filter((q) => q.kind === 'taprio')
    .flatMap((q) => {
      const { readBack } = taprioFromJson(q);
      return readBack ? [{ handle: q.handle, dev: q.dev, oper: readBack.oper, admin: readBack.admin }] : [];
    });
}

function parseAs(kind: StatsOutputKind, text: string): Parsed {
  switch (kind) {
    case 'tc-qdisc': {
      const r = parseQdiscs(text);
      const schedules = taprioSchedules(text);
      return {
        kind,
        readable: r.entries.length > 0,
        result: { format: r.format, qdiscs: r.entries, taprioSchedules: schedules },
        problems: r.problems,
        print: () => {
          printTable([['DEV', 'KIND', 'HANDLE', 'PARENT', ...COUNTER_HEAD], ...r.entries.map((q) => [q.dev ?? '-', q.kind, q.handle, q.parent ?? 'root', ...counterCells(q)])]);
          for (const s of schedules) {
            console.log(`taprio ${s.handle}${s.dev ? ` on ${s.dev}` : ''}: ${s.admin ? 'a pending (admin) schedule waits for its base-time' : 'no pending schedule'}`);
            if (s.oper) for (const l of scheduleLines('oper', s.oper)) console.log(l);
            if (s.admin) for (const l of scheduleLines('admin', s.admin)) console.log(l);
          }
        },
      };
    }
    case 'tc-class': {
      const r = parseClasses(text);
      return {
        kind,
        readable: r.entries.length > 0,
        result: { format: r.format, classes: r.entries },
        problems: r.problems,
        print: () => printTable([['DEV', 'KIND', 'CLASS', 'PARENT', 'LEAF', ...COUNTER_HEAD], ...r.entries.map((c) => [c.dev ?? '-', c.kind, c.classid, c.parent ?? 'root', c.leaf ?? '-', ...counterCells(c)])]),
      };
    }
    case 'ethtool-stats': {
      const r = parseEthtoolStats(text);
      return {
        kind,
        readable: r.problems.length === 0,
        result: r,
        problems: r.problems,
        print: () => {
          printTable([['QUEUE', 'DIR', 'COUNTER', 'VALUE', 'DRIVER NAME'], ...r.queues.map((q) => [String(q.queue), q.direction, q.counter, String(q.value), q.raw])]);
          console.log(`${Object.keys(r.device).length} device counters${r.iface ? ` of ${r.iface}` : ''} (not per queue)${Object.keys(r.device).length ? ':' : ''}`);
          for (const [k, v] of Object.entries(r.device)) console.log(`  ${k}: ${v}`);
        },
      };
    }
    case 'ethtool-timestamping': {
      const r = parseEthtoolTimestamping(text);
      return {
        kind,
        readable: r.readable,
        result: r,
        problems: [],
        print: () => {
          console.log(`interface: ${r.iface ?? '?'}`);
          console.log(`PTP hardware clock: ${r.phcIndex === null ? 'none' : `/dev/ptp${r.phcIndex}`}`);
          console.log(`capabilities: ${r.capabilities.join(', ') || 'none'}`);
          console.log(`hardware transmit modes: ${r.txModes.join(', ') || 'none'}`);
          console.log(`hardware receive filters: ${r.rxFilters.join(', ') || 'none'}`);
        },
      };
    }
    case 'ethtool-mac-merge': {
      const r = parseMacMerge(text);
      return {
        kind,
        readable: r.problems.length === 0,
        result: r,
        problems: r.problems,
        print: () => {
          const onOff = (b: boolean | null) => (b === null ? '?' : b ? 'on' : 'off');
          console.log(`interface: ${r.iface ?? '?'}`);
          console.log(`pMAC ${onOff(r.pmacEnabled)}, TX ${onOff(r.txEnabled)}, TX active ${onOff(r.txActive)}, verify ${onOff(r.verifyEnabled)} (${r.verifyStatus ?? '?'})`);
          console.log(`minimum fragment size: TX ${r.txMinFragSize ?? '?'}, RX ${r.rxMinFragSize ?? '?'}; verify time ${r.verifyTimeMs ?? '?'} ms of at most ${r.maxVerifyTimeMs ?? '?'}`);
          for (const [k, v] of Object.entries(r.counters)) console.log(`  ${k}: ${v}`);
        },
      };
    }
    case 'proc-stat': {
      const r = parseProcStat(text);
      return { kind, readable: r.cpus.length > 0, result: r, problems: [], print: () => printTable([['CPU', 'TICKS', 'IDLE', 'IOWAIT'], ...r.cpus.map((c) => [c.cpu, String(c.total), String(c.idle), String(c.iowait)])]) };
    }
    case 'proc-meminfo': {
      const r = parseMeminfo(text);
      return { kind, readable: r.totalBytes !== null, result: r, problems: [], print: () => console.log(`total ${r.totalBytes ?? '?'} bytes, available ${r.availableBytes ?? '?'} bytes`) };
    }
    case 'proc-loadavg': {
      const r = parseLoadavg(text);
      return { kind, readable: r !== null, result: r, problems: [], print: () => console.log(r ? `load ${r.load1} ${r.load5} ${r.load15}, ${r.runnable}/${r.tasks} tasks runnable` : '') };
    }
    case 'proc-net-dev': {
      const r = parseNetDev(text);
      return { kind, readable: r.length > 0, result: r, problems: [], print: () => printTable([['IFACE', 'RX BYTES', 'RX PKTS', 'RX DROPS', 'TX BYTES', 'TX PKTS', 'TX DROPS'], ...r.map((d) => [d.iface, d.rxBytes, d.rxPackets, d.rxDrops, d.txBytes, d.txPackets, d.txDrops].map(String))]) };
    }
  }
}

function printProblems(file: string, problems: readonly ErrorValue[], lang: ErrorLanguage): void {
  for (const p of problems) printMessageLines(file, errorText(p, lang));
}

/** Reads a saved tc/ethtool//proc output and prints it normalized; returns the exit status. */
export function runTsnParse(file: string, o: ParseFlags): number {
  const lang = cliLanguage(o.lang);
  const text = readInputFileOrSay(file);
  if (text === null) return TSN_PARSE_EXIT.noFile;
  const kind = detectStatsOutput(text);
  if (!kind) {
    const problem = catalogError('tsn.unknown-format', { file });
    if (o.json) console.log(JSON.stringify({ file, kind: null, readable: false, problems: [{ ...problem, ...errorText(problem, lang) }] }, null, 2));
    printProblems(file, [problem], lang);
    return TSN_PARSE_EXIT.unreadable;
  }
  const parsed = parseAs(kind, text);
  if (o.json) console.log(JSON.stringify({ file, kind, readable: parsed.readable, ...(parsed.result as object), problems: parsed.problems.map((p) => ({ ...p, ...errorText(p, lang) })) }, null, 2));
  else {
    console.log(`${file}: ${kind}`);
    if (parsed.readable) parsed.print();
  }
  printProblems(file, parsed.problems, lang);
  return parsed.readable ? TSN_PARSE_EXIT.read : TSN_PARSE_EXIT.unreadable;
}

/** `syncscope tsn parse FILE [--json]`. */
export function registerTsnParseCommand(program: Command, outcome: { status: number }): void {
  tsnCommandGroup(program)
    .command('parse')
    .description('read a saved tc -s [-j] qdisc|class show, ethtool -S/-T/--show-mm or /proc output and print it normalized (taprio schedules too); exit 0 read, 1 nothing readable, 2 no such file')
    .argument('<file>', 'the saved output (- reads standard input)')
    .option('--lang <en|zh-CN>', 'language of the messages', 'en')
    .option('--json', 'print JSON')
    .action((file: string, o: ParseFlags) => {
      outcome.status = runTsnParse(file, o);
    });
}
