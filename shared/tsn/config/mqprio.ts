import { queueOfWord, queueWords, validateMapping, type QueueRange } from './tc-mapping';
import type { TsnDeviceSettings } from './device-settings';
import { JsonFields, type TcQdiscJson } from './tc-qdisc-json';
import { tcError, type TcProblem } from './tc-problem';
import type { FramePreemption } from './taprio-model';
import { isIntegerIn } from './tc-values';

/** An mqprio root qdisc (tc-mqprio(8)): traffic classes onto TX queues, optionally shaped by the NIC. */
export interface MqprioModel {
  kind: 'mqprio';
  handle: string;
  numTc: number;
  priorityMap: number[];
  queues: QueueRange[];
  /** 1: the NIC applies the mapping (and shaper). tc does not print it; read back from `offloaded`. */
  hw: 0 | 1;
  mode: 'dcb' | 'channel';
  shaper: 'dcb' | 'bw_rlimit';
  /** Per traffic class, bytes/s (what the kernel keeps and tc's JSON prints); bw_rlimit only. */
  minRateBytesPerSec: number[] | null;
  maxRateBytesPerSec: number[] | null;
  fp: FramePreemption[] | null;
}

export function validateMqprio(m: MqprioModel, d: TsnDeviceSettings = {}): TcProblem[] {
  const out = validateMapping(m, { txQueues: d.txQueues });
  if (m.hw !== 0 && m.hw !== 1) out.push(tcError('tsn-config.number-range', 'hw', { option: 'hw', value: String(m.hw), min: 0, max: 1 }));
  // q_mqprio.c reads `mode` and `shaper` only after hw 1, and the rates only after `shaper bw_rlimit`.
  if (m.hw === 0 && (m.mode !== 'dcb' || m.shaper !== 'dcb')) out.push(tcError('tsn-config.mqprio.needs-hw', m.mode !== 'dcb' ? 'mode' : 'shaper'));
  for (const field of ['minRateBytesPerSec', 'maxRateBytesPerSec'] as const) {
    const rates = m[field];
    if (rates === null) continue;
    if (m.shaper !== 'bw_rlimit') out.push(tcError('tsn-config.mqprio.rates-need-bw-rlimit', field));
    else if (rates.length !== m.numTc) out.push(tcError('tsn-config.mqprio.rate-count', field, { count: rates.length, numTc: m.numTc }));
    rates.forEach((r, tc) => {
      if (!isIntegerIn(r, 0, Number.MAX_SAFE_INTEGER / 8)) out.push(tcError('tsn-config.number-range', `${field}.${tc}`, { option: field === 'minRateBytesPerSec' ? 'min_rate' : 'max_rate', value: String(r), min: 0, max: 'u64' }));
    });
  }
  m.minRateBytesPerSec?.forEach((min, tc) => {
    const max = m.maxRateBytesPerSec?.[tc];
    if (max !== undefined && max > 0 && min > max) out.push(tcError('tsn-config.mqprio.min-above-max', `minRateBytesPerSec.${tc}`, { tc }));
  });
  if (m.fp !== null && (m.fp.length > m.numTc || m.fp.some((v) => v !== 'E' && v !== 'P'))) out.push(tcError('tsn-config.taprio.per-tc-length', 'fp', { option: 'fp', count: m.fp.length, numTc: m.numTc }));
  return out;
}

const RATE_UNITS = [
  { suffix: 'Gbit', bits: 1e9 },
  { suffix: 'Mbit', bits: 1e6 },
  { suffix: 'Kbit', bits: 1e3 },
] as const;

/** A rate for tc (get_rate64): bits with the largest exact SI unit (`1Gbit`, `20Mbit`, `123456bit`). */
export function rateWord(bytesPerSec: number): string {
  const bits = bytesPerSec * 8;
  const unit = RATE_UNITS.find((u) => bits !== 0 && bits % u.bits === 0);
  return unit ? `${bits / unit.bits}${unit.suffix}` : `${bits}bit`;
}

/** tc's rate words back to bytes/s (get_rate64 suffixes: bit, kbit…, Kibit…, bps = bytes/s). */
export function bytesPerSecOf(word: string): number | null {
  const m = /^(\d+(?:\.\d+)?)([A-Za-z]*)$/.exec(word);
  if (!m) return null;
  const scale: Record<string, number> = { '': 1, bit: 1, kbit: 1e3, mbit: 1e6, gbit: 1e9, tbit: 1e12, kibit: 1024, mibit: 1024 ** 2, gibit: 1024 ** 3, tibit: 1024 ** 4, bps: 8, kbps: 8e3, mbps: 8e6, gbps: 8e9, tbps: 8e12 };
  const s = scale[(m[2] ?? '').toLowerCase()];
  return s === undefined ? null : Math.floor((Number(m[1]) * s) / 8);
}

export function mqprioOptionWords(m: MqprioModel): string[] {
  return [
    'num_tc', String(m.numTc),
    'map', ...m.priorityMap.map(String),
    'queues', ...queueWords(m.queues),
    'hw', String(m.hw),
    ...(m.mode !== 'dcb' ? ['mode', m.mode] : []),
    ...(m.shaper !== 'dcb' ? ['shaper', m.shaper] : []),
    ...(m.minRateBytesPerSec !== null ? ['min_rate', ...m.minRateBytesPerSec.map(rateWord)] : []),
    ...(m.maxRateBytesPerSec !== null ? ['max_rate', ...m.maxRateBytesPerSec.map(rateWord)] : []),
    ...(m.fp !== null ? ['fp', ...m.fp] : []),
  ];
}

export function mqprioFromWords(words: readonly string[], handle: string | null): { model: MqprioModel | null; problems: TcProblem[] } {
  const bad = (detail: string) => ({ model: null, problems: [tcError('tsn-config.command-unreadable', 'command', { detail: `mqprio: ${detail}` })] });
  // q_mqprio.c's defaults when a word is not given.
  const m: MqprioModel = { kind: 'mqprio', handle: handle ?? '100', numTc: 8, priorityMap: [0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 1, 1, 3, 3, 3, 3], queues: [], hw: 1, mode: 'dcb', shaper: 'dcb', minRateBytesPerSec: null, maxRateBytesPerSec: null, fp: null };
  const isNum = (w: string | undefined) => w !== undefined && /^\d{1,10}$/.test(w);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === 'num_tc' && isNum(words[i + 1])) m.numTc = Number(words[++i]);
    else if (w === 'map') {
      m.priorityMap = [];
      while (m.priorityMap.length < 16 && isNum(words[i + 1])) m.priorityMap.push(Number(words[++i]));
      while (m.priorityMap.length < 16) m.priorityMap.push(0);
    } else if (w === 'queues') {
      for (let q = queueOfWord(words[i + 1] ?? ''); q && m.queues.length < 16; q = queueOfWord(words[i + 1] ?? '')) {
        m.queues.push(q);
        i++;
      }
    } else if (w === 'hw' && (words[i + 1] === '0' || words[i + 1] === '1')) m.hw = words[++i] === '1' ? 1 : 0;
    else if (w === 'mode' && (words[i + 1] === 'dcb' || words[i + 1] === 'channel')) m.mode = words[++i] as MqprioModel['mode'];
    else if (w === 'shaper' && (words[i + 1] === 'dcb' || words[i + 1] === 'bw_rlimit')) m.shaper = words[++i] as MqprioModel['shaper'];
    else if (w === 'min_rate' || w === 'max_rate') {
      const rates: number[] = [];
      for (let r = bytesPerSecOf(words[i + 1] ?? ''); r !== null && rates.length < 16; r = bytesPerSecOf(words[i + 1] ?? '')) {
        rates.push(r);
        i++;
      }
      if (w === 'min_rate') m.minRateBytesPerSec = rates;
      else m.maxRateBytesPerSec = rates;
    } else if (w === 'fp') {
      m.fp = [];
      while (m.fp.length < 16 && (words[i + 1] === 'E' || words[i + 1] === 'P')) m.fp.push(words[++i] as FramePreemption);
    } else return bad(`unknown or incomplete argument "${w}"`);
  }
  return { model: m, problems: [] };
}

/**
 * q_mqprio.c mqprio_print_opt with JSON (iproute2 ≥ 5.11): queues as [first, last] pairs, mode and
 * shaper only when the kernel sent extended attributes, rates in bytes/s. `hw` is not printed: it is
 * read from the qdisc's `offloaded` flag (the kernel sets it when the NIC took the mapping) [inferred].
 */
export function mqprioFromJson(q: TcQdiscJson, where = 'mqprio'): { model: MqprioModel | null; problems: TcProblem[] } {
  const f = new JsonFields(`${where}.options`, q.options);
  const numTc = f.uint('tc', 16);
  const priorityMap = f.uintList('map');
  const rawQueues = f.raw('queues');
  const queues: QueueRange[] = [];
  if (Array.isArray(rawQueues) && rawQueues.every((p) => Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === 'number'))) {
    for (const pair of rawQueues as number[][]) queues.push({ offset: pair[0] ?? 0, count: (pair[1] ?? 0) - (pair[0] ?? 0) + 1 });
  } else f.problems.push(tcError('tsn-config.json-field', `${where}.options.queues`, { field: 'queues', detail: 'not a list of [first, last] pairs' }));
  const mode = f.has('mode') ? f.string('mode') : 'dcb';
  const shaper = f.has('shaper') ? f.string('shaper') : 'dcb';
  const minRate = f.has('min_rate') ? f.uintList('min_rate') : null;
  const maxRate = f.has('max_rate') ? f.uintList('max_rate') : null;
  const fpRaw = f.raw('fp');
  const fp = Array.isArray(fpRaw) && fpRaw.every((v) => v === 'E' || v === 'P') ? (fpRaw as FramePreemption[]) : null;
  if (numTc === null || priorityMap === null || (mode !== 'dcb' && mode !== 'channel') || (shaper !== 'dcb' && shaper !== 'bw_rlimit') || f.problems.length > 0) return { model: null, problems: f.problems };
  return {
    model: { kind: 'mqprio', handle: q.handle.replace(/:$/, ''), numTc, priorityMap, queues, hw: q.offloaded ? 1 : 0, mode, shaper, minRateBytesPerSec: minRate, maxRateBytesPerSec: maxRate, fp },
    problems: [],
  };
}
