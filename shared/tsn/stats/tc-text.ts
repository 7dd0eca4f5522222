import type { ErrorValue } from '../../domain/errors';
import { catalogError } from '../../errors/catalog';
import { emptyCounters, type ClassStats, type QdiscStats, type TcCounters, type TcParse } from './tc-stats';

/**
 * The text printout of `tc -s qdisc|class show` (iproute2 without -j, and `class show` of versions
 * whose class printer ignores -j). Built from iproute2's print code: tc_qdisc.c/tc_class.c print the
 * header line, tc_util.c print_tcstats2_attr the `Sent … bytes … pkt (dropped …, overlimits …
 * requeues …)` and `[rate …bit …pps ]backlog …b …p requeues …` lines, and each kind's
 * print_xstats what follows (`window_drops N tx_overruns N`, `lended: N borrowed: N giants: N` …).
 */

const SENT = /^\s*Sent (\d+) bytes (\d+) pkt \(dropped (\d+), overlimits (\d+) requeues (\d+)\)/;
const SENT_HW = /^\s*Sent hardware (\d+) bytes (\d+) pkt/;
const SENT_SW = /^\s*Sent software (\d+) bytes (\d+) pkt/;
const BACKLOG = /backlog (\d+(?:\.\d+)?)([KMG]?)b (\d+)p(?: requeues (\d+))?/;
const RATE = /(?:^|\s)rate (\d+(?:\.\d+)?)([KMGT]?)(i?)bit (\d+)pps/;

/** sprint_size: `1514b`, `15Kb`, `2Mb` (powers of 1024). */
function sizeBytes(value: string, prefix: string): number {
  const scale = prefix === 'K' ? 1024 : prefix === 'M' ? 1024 ** 2 : prefix === 'G' ? 1024 ** 3 : 1;
  return Math.round(Number(value) * scale);
}

/** sprint_rate: `12Kbit`, `1Mbit` (powers of 1000; `Kibit` with -iec). */
function rateBps(value: string, prefix: string, iec: string): number {
  const base = iec ? 1024 : 1000;
  const exp = ['', 'K', 'M', 'G', 'T'].indexOf(prefix);
  return Math.round(Number(value) * base ** Math.max(0, exp));
}

/** `name value` and `name: value` pairs of an xstats line (numbers only; units and words are skipped). */
function xstatsOf(line: string, into: Record<string, number>): void {
  const re = /([A-Za-z_][A-Za-z0-9_]*):? (-?\d+)(?=\s|$)/g;
  for (const m of line.matchAll(re)) into[m[1] as string] = Number(m[2]);
}

interface Header {
  kind: string;
  id: string;
  dev: string | null;
  parent: string | null;
  root: boolean;
  leaf: string | null;
  rest: string;
}

function headerOf(line: string, word: 'qdisc' | 'class'): Header | null {
  const m = new RegExp(`^${word} (\\S+) (\\S+)(.*)$`).exec(line);
  if (!m) return null;
  let rest = (m[3] ?? '').trim();
  const take = (re: RegExp): string | null => {
    const t = re.exec(rest);
    if (!t) return null;
    rest = (rest.slice(0, t.index) + rest.slice(t.index + t[0].length)).trim();
    return t[1] ?? '';
  };
  const dev = take(/(?:^|\s)dev (\S+)/);
  const root = take(/(?:^|\s)(root)(?=\s|$)/) !== null;
  const parent = take(/(?:^|\s)parent (\S+)/);
  const leaf = take(/(?:^|\s)leaf (\S+)/);
  take(/(?:^|\s)refcnt (\d+)/);
  return { kind: m[1] as string, id: m[2] as string, dev, parent, root, leaf, rest };
}

interface Block {
  header: Header;
  counters: TcCounters;
  sawSent: boolean;
  offloaded: boolean;
}

function parseBlocks(text: string, word: 'qdisc' | 'class', what: string): { blocks: Block[]; problems: ErrorValue[] } {
  const blocks: Block[] = [];
  const problems: ErrorValue[] = [];
  let current: Block | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.startsWith(`${word} `)) {
      const header = headerOf(line, word);
      if (!header) {
        problems.push(catalogError('tsn.entry-unreadable', { what, detail: line.slice(0, 80) }));
        current = null;
        continue;
      }
      const offloaded = /(?:^|\s)offloaded(?:\s|$)/.test(header.rest);
      current = { header, counters: emptyCounters(), sawSent: false, offloaded };
      blocks.push(current);
      continue;
    }
    if (!current || line.trim() === '') continue;
    const sent = SENT.exec(line);
    if (sent) {
      const c = current.counters;
      [c.bytes, c.packets, c.drops, c.overlimits, c.requeues] = sent.slice(1, 6).map(Number) as [number, number, number, number, number];
      current.sawSent = true;
      continue;
    }
    const hw = SENT_HW.exec(line);
    if (hw) {
      current.counters.hwBytes = Number(hw[1]);
      current.counters.hwPackets = Number(hw[2]);
      continue;
    }
    if (SENT_SW.test(line)) continue;
    const backlog = BACKLOG.exec(line);
    if (backlog) {
      current.counters.backlogBytes = sizeBytes(backlog[1] as string, backlog[2] ?? '');
      current.counters.qlen = Number(backlog[3]);
      const rate = RATE.exec(line);
      if (rate) {
        current.counters.rateBps = rateBps(rate[1] as string, rate[2] ?? '', rate[3] ?? '');
        current.counters.pps = Number(rate[4]);
      }
      continue;
    }
    const rate = RATE.exec(line);
    if (rate && current.sawSent) {
      current.counters.rateBps = rateBps(rate[1] as string, rate[2] ?? '', rate[3] ?? '');
      current.counters.pps = Number(rate[4]);
      continue;
    }
    // Continuation lines of the options (taprio's schedule, mqprio's queues) come before `Sent`; xstats after it.
    if (current.sawSent) xstatsOf(line, current.counters.xstats);
    else current.header.rest += `\n${line.trim()}`;
  }
  return { blocks, problems };
}

export function parseQdiscText(text: string): TcParse<QdiscStats> {
  const { blocks, problems } = parseBlocks(text, 'qdisc', 'tc qdisc');
  const entries = blocks.map(({ header: h, counters, offloaded }) => ({
    ...counters,
    dev: h.dev,
    kind: h.kind,
    handle: h.id,
    parent: h.parent,
    root: h.root,
    offloaded,
    options: h.rest,
  }));
  return { entries, problems, format: 'text' };
}

export function parseClassText(text: string): TcParse<ClassStats> {
  const { blocks, problems } = parseBlocks(text, 'class', 'tc class');
  const entries = blocks.map(({ header: h, counters }) => ({ ...counters, dev: h.dev, kind: h.kind, classid: h.id, parent: h.parent, root: h.root, leaf: h.leaf }));
  return { entries, problems, format: 'text' };
}
