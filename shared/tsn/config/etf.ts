import { JsonFields, type TcQdiscJson } from './tc-qdisc-json';
import { tcError, type TcProblem } from './tc-problem';
import { clockIdOf, isIntegerIn, printedClassId, S32_MAX, type ClockId } from './tc-values';

/** An etf (earliest txtime first) qdisc, tc-etf(8): usually one per TX queue under mqprio/taprio. */
export interface EtfModel {
  kind: 'etf';
  parent: string;
  handle: string | null;
  clockid: ClockId;
  /** How long before its txtime a packet is dequeued, ns. */
  deltaNs: number;
  deadlineMode: boolean;
  offload: boolean;
  skipSockCheck: boolean;
}

/** The boolean flags, in q_etf.c's order: the tc word and the JSON key are the same. */
const ETF_FLAGS = [
  { word: 'offload', field: 'offload' },
  { word: 'deadline_mode', field: 'deadlineMode' },
  { word: 'skip_sock_check', field: 'skipSockCheck' },
] as const;

export function validateEtf(m: EtfModel): TcProblem[] {
  const out: TcProblem[] = [];
  // q_etf.c knows REALTIME, TAI, BOOTTIME, MONOTONIC; the kernel's etf takes CLOCK_TAI only.
  if (m.clockid !== 'TAI') out.push(tcError('tsn-config.etf.clockid-tai', 'clockid', { clockid: String(m.clockid) }));
  if (!isIntegerIn(m.deltaNs, 0, S32_MAX)) out.push(tcError('tsn-config.number-range', 'deltaNs', { option: 'delta', value: String(m.deltaNs), min: 0, max: S32_MAX }));
  return out;
}

export function etfOptionWords(m: EtfModel): string[] {
  return ['clockid', `CLOCK_${m.clockid}`, 'delta', String(m.deltaNs), ...ETF_FLAGS.filter((f) => m[f.field]).map((f) => f.word)];
}

export function etfFromWords(words: readonly string[], parent: string, handle: string | null): { model: EtfModel | null; problems: TcProblem[] } {
  const bad = (detail: string) => ({ model: null, problems: [tcError('tsn-config.command-unreadable', 'command', { detail: `etf: ${detail}` })] });
  const model: EtfModel = { kind: 'etf', parent, handle, clockid: 'TAI', deltaNs: 0, deadlineMode: false, offload: false, skipSockCheck: false };
  let clock: ClockId | null = null;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const flag = ETF_FLAGS.find((f) => f.word === w);
    if (flag) model[flag.field] = true;
    else if (w === 'delta' && /^\d{1,10}$/.test(words[i + 1] ?? '')) model.deltaNs = Number(words[++i]);
    else if (w === 'clockid') {
      clock = clockIdOf(words[++i] ?? '');
      if (clock === null) return bad(`clockid ${words[i] ?? ''} is not a SYS-V clock`);
    } else return bad(`unknown parameter "${w}"`);
  }
  if (clock === null) return bad('no clockid');
  return { model: { ...model, clockid: clock }, problems: [] };
}

/** q_etf.c etf_print_opt: clockid name, delta, and on/off strings. */
export function etfFromJson(q: TcQdiscJson, where = 'etf'): { model: EtfModel | null; problems: TcProblem[] } {
  const f = new JsonFields(`${where}.options`, q.options);
  const clockName = f.string('clockid');
  const deltaNs = f.uint('delta');
  const flags = ETF_FLAGS.map((flag) => f.onOff(flag.word));
  const clockid = clockName === null ? null : clockIdOf(clockName);
  if (clockName !== null && clockid === null) f.problems.push(tcError('tsn-config.json-field', `${where}.options.clockid`, { field: 'clockid', detail: `the kernel reports clock "${clockName}"` }));
  const [offload, deadlineMode, skipSockCheck] = flags;
  if (clockid === null || deltaNs === null || offload == null || deadlineMode == null || skipSockCheck == null) return { model: null, problems: f.problems };
  const parent = q.parent === 'root' ? 'root' : printedClassId(q.parent);
  return { model: { kind: 'etf', parent, handle: q.handle.replace(/:$/, ''), clockid, deltaNs, deadlineMode, offload, skipSockCheck }, problems: [] };
}
