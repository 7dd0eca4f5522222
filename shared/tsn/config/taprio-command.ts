import { queueOfWord, queueWords } from './tc-mapping';
import { tcError, type TcProblem } from './tc-problem';
import { canonicalTaprio, GATE_COMMANDS, type FramePreemption, type GateCommand, type GateEntry, type TaprioModel } from './taprio-model';
import { clockIdOf, isS64Decimal, maskOfText, type ClockId } from './tc-values';

/**
 * taprio's options as tc-taprio(8) takes them, and back (iproute2 tc/q_taprio.c taprio_parse_opt).
 * Order matters to tc: `map`, `queues` and `max-sdu` read numbers until a word is not one, and
 * `fp` reads E/P words and fails on anything else, so it goes last.
 */
export function taprioOptionWords(model: TaprioModel): string[] {
  const m = canonicalTaprio(model);
  const s = m.schedule;
  return [
    'num_tc', String(m.numTc),
    'map', ...m.priorityMap.map(String),
    'queues', ...queueWords(m.queues),
    'base-time', s.baseTimeNs,
    ...(s.cycleTimeNs !== null ? ['cycle-time', s.cycleTimeNs] : []),
    ...(s.cycleTimeExtensionNs !== null ? ['cycle-time-extension', s.cycleTimeExtensionNs] : []),
    ...s.entries.flatMap((e) => ['sched-entry', e.command, e.gateMask.toString(16).padStart(2, '0'), String(e.intervalNs)]),
    ...(m.flags !== 0 ? ['flags', `0x${m.flags.toString(16)}`] : []),
    ...(m.txtimeDelayNs !== null ? ['txtime-delay', String(m.txtimeDelayNs)] : []),
    ...(m.maxSdu !== null ? ['max-sdu', ...m.maxSdu.map(String)] : []),
    ...(m.clockid !== null ? ['clockid', `CLOCK_${m.clockid}`] : []),
    ...(m.fp !== null ? ['fp', ...m.fp] : []),
  ];
}

const isUint = (w: string | undefined): w is string => w !== undefined && /^\d{1,10}$/.test(w);
/** get_u32(…, 0): decimal, 0x hex or 0 octal; we take decimal and 0x hex. */
const u32Of = (w: string | undefined): number | null => {
  if (w === undefined) return null;
  const n = /^0[xX][0-9a-fA-F]{1,8}$/.test(w) ? Number.parseInt(w, 16) : /^\d{1,10}$/.test(w) ? Number(w) : NaN;
  return Number.isInteger(n) && n <= 0xffff_ffff ? n : null;
};

/** Reads taprio's options back into a model, as q_taprio.c reads them. */
export function taprioFromWords(words: readonly string[], handle: string | null): { model: TaprioModel | null; problems: TcProblem[] } {
  const bad = (detail: string) => ({ model: null, problems: [tcError('tsn-config.command-unreadable', 'command', { detail })] });
  let numTc: number | null = null;
  let priorityMap: number[] = [];
  const queues: { count: number; offset: number }[] = [];
  let clockid: ClockId | null = null;
  let flags = 0;
  let txtimeDelayNs: number | null = null;
  let maxSdu: number[] | null = null;
  let fp: FramePreemption[] | null = null;
  let baseTimeNs = '0';
  let cycleTimeNs: string | null = null;
  let cycleTimeExtensionNs: string | null = null;
  const entries: GateEntry[] = [];
  let i = 0;
  const next = () => words[++i];
  while (i < words.length) {
    const w = words[i];
    if (w === 'num_tc') {
      const v = next();
      if (!isUint(v)) return bad(`num_tc needs a number, not ${v ?? 'nothing'}`);
      numTc = Number(v);
    } else if (w === 'map') {
      priorityMap = [];
      while (priorityMap.length < 16 && isUint(words[i + 1])) priorityMap.push(Number(next()));
      while (priorityMap.length < 16) priorityMap.push(0);
    } else if (w === 'queues') {
      for (let q = queueOfWord(words[i + 1] ?? ''); q && queues.length < 16; q = queueOfWord(words[i + 1] ?? '')) {
        queues.push(q);
        next();
      }
    } else if (w === 'sched-entry') {
      const command = next();
      const mask = maskOfText(next() ?? '');
      const interval = u32Of(next());
      if (!(GATE_COMMANDS as readonly string[]).includes(command ?? '') || mask === null || interval === null) return bad(`sched-entry ${entries.length} is not "S|H|R MASK INTERVAL"`);
      entries.push({ command: command as GateCommand, gateMask: mask, intervalNs: interval });
    } else if (w === 'base-time' || w === 'cycle-time' || w === 'cycle-time-extension') {
      const v = next();
      if (!isS64Decimal(v)) return bad(`${w} needs a whole number of ns, not ${v ?? 'nothing'}`);
      if (w === 'base-time') baseTimeNs = v;
      else if (w === 'cycle-time') cycleTimeNs = v;
      else cycleTimeExtensionNs = v;
    } else if (w === 'clockid') {
      const v = next();
      clockid = clockIdOf(v ?? '');
      if (clockid === null) return bad(`clockid ${v ?? 'nothing'} is not a SYS-V clock (CLOCK_TAI)`);
    } else if (w === 'flags' || w === 'txtime-delay') {
      const v = u32Of(next());
      if (v === null) return bad(`${w} needs a number`);
      if (w === 'flags') flags = v;
      else txtimeDelayNs = v;
    } else if (w === 'max-sdu') {
      maxSdu = [];
      while (maxSdu.length < 16 && isUint(words[i + 1])) maxSdu.push(Number(next()));
    } else if (w === 'fp') {
      fp = [];
      while (fp.length < 16 && i + 1 < words.length) {
        const v = next();
        if (v !== 'E' && v !== 'P') return bad(`fp takes E or P, not ${v}`);
        fp.push(v);
      }
    } else return bad(`unknown taprio option ${w}`);
    i++;
  }
  if (numTc === null) return bad('no num_tc');
  if (priorityMap.length === 0) priorityMap = Array.from({ length: 16 }, () => 0);
  const model: TaprioModel = {
    kind: 'taprio',
    handle: handle ?? '100',
    numTc,
    priorityMap,
    queues,
    clockid,
    flags,
    txtimeDelayNs,
    maxSdu,
    fp,
    schedule: { baseTimeNs, cycleTimeNs, cycleTimeExtensionNs, entries },
  };
  return { model, problems: [] };
}
