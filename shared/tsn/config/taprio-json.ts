import { JsonFields, type TcQdiscJson } from './tc-qdisc-json';
import type { TcJson } from './tc-json-reader';
import { isJsonObject } from './tc-json-reader';
import { tcError, type TcProblem } from './tc-problem';
import { GATE_COMMANDS, type FramePreemption, type GateCommand, type GateEntry, type TaprioModel, type TaprioSchedule } from './taprio-model';
import { clockIdOf, type ClockId } from './tc-values';

/**
 * A taprio qdisc as `tc -j qdisc show` prints it (iproute2 tc/q_taprio.c taprio_print_opt): the
 * schedule running now (`oper`) and the one waiting for its base-time (`admin`), which answers
 * "is my schedule active?". Everything else is shared by both.
 */
export interface TaprioReadBack {
  model: Omit<TaprioModel, 'schedule'>;
  oper: TaprioSchedule | null;
  admin: TaprioSchedule | null;
  offloaded: boolean;
}

function scheduleOf(f: JsonFields, where: string): TaprioSchedule | null {
  if (!f.has('schedule') && !f.has('base_time')) return null;
  const baseTimeNs = f.decimal('base_time');
  const cycleTimeNs = f.decimal('cycle_time');
  const cycleTimeExtensionNs = f.decimal('cycle_time_extension');
  const list = f.objects('schedule') ?? [];
  const entries: GateEntry[] = [];
  list.forEach((raw, index) => {
    const e = new JsonFields(`${where}.schedule.${index}`, raw);
    const cmd = e.string('cmd');
    const gateMask = e.hex('gatemask');
    const intervalNs = e.uint('interval');
    f.problems.push(...e.problems);
    if (cmd !== null && !(GATE_COMMANDS as readonly string[]).includes(cmd)) f.problems.push(tcError('tsn-config.json-field', `${where}.schedule.${index}.cmd`, { field: 'cmd', detail: `unknown command ${cmd}` }));
    else if (cmd !== null && gateMask !== null && intervalNs !== null) entries.push({ command: cmd as GateCommand, gateMask, intervalNs });
  });
  if (baseTimeNs === null || cycleTimeNs === null || cycleTimeExtensionNs === null) return null;
  return { baseTimeNs, cycleTimeNs, cycleTimeExtensionNs, entries };
}

export function taprioFromJson(q: TcQdiscJson, where = 'taprio'): { readBack: TaprioReadBack | null; problems: TcProblem[] } {
  const f = new JsonFields(`${where}.options`, q.options);
  const numTc = f.uint('tc', 16);
  const priorityMap = f.uintList('map');
  const queues = (f.objects('queues') ?? []).map((raw) => {
    const r = new JsonFields(`${where}.options.queues`, raw);
    const out = { count: r.uint('count', 0xffff) ?? 0, offset: r.uint('offset', 0xffff) ?? 0 };
    f.problems.push(...r.problems);
    return out;
  });
  let clockid: ClockId | null = null;
  if (f.has('clockid')) {
    const name = f.string('clockid');
    clockid = name === null ? null : clockIdOf(name);
    if (name !== null && clockid === null) f.problems.push(tcError('tsn-config.json-field', `${where}.options.clockid`, { field: 'clockid', detail: `the kernel reports clock "${name}"` }));
  }
  const flags = f.has('flags') ? f.hex('flags') : 0;
  const txtimeDelayNs = f.has('txtime_delay') ? f.uint('txtime_delay') : null;
  const maxSdu = f.has('max-sdu') ? f.uintList('max-sdu') : null;
  const fpRaw: TcJson | undefined = f.raw('fp');
  const fp = Array.isArray(fpRaw) && fpRaw.every((v) => v === 'E' || v === 'P') ? (fpRaw as FramePreemption[]) : null;
  const oper = scheduleOf(f, `${where}.options`);
  const adminRaw = f.raw('admin');
  let admin: TaprioSchedule | null = null;
  if (isJsonObject(adminRaw)) {
    const a = new JsonFields(`${where}.options.admin`, adminRaw);
    admin = scheduleOf(a, `${where}.options.admin`);
    f.problems.push(...a.problems);
  }
  if (numTc === null || priorityMap === null || flags === null) return { readBack: null, problems: f.problems };
  const handle = q.handle.replace(/:$/, '');
  return {
    readBack: {
      model: { kind: 'taprio', handle, numTc, priorityMap, queues, clockid, flags, txtimeDelayNs, maxSdu, fp },
      oper,
      admin,
      offloaded: q.offloaded,
    },
    problems: f.problems,
  };
}

/** The model of one of the two schedules: the pending one if there is one, else the running one. */
export function taprioModelOf(r: TaprioReadBack, which: 'admin' | 'oper' | 'latest' = 'latest'): TaprioModel | null {
  const schedule = which === 'admin' ? r.admin : which === 'oper' ? r.oper : (r.admin ?? r.oper);
  return schedule ? { ...r.model, schedule } : null;
}
