import type { CbsParams } from './cbs-calculator';
import type { TsnDeviceSettings } from './device-settings';
import { JsonFields, type TcQdiscJson } from './tc-qdisc-json';
import { tcError, tcWarning, type TcProblem } from './tc-problem';
import { isIntegerIn, printedClassId, S32_MAX, S32_MIN } from './tc-values';

/** A cbs qdisc (tc-cbs(8)), usually on one class of an mqprio/taprio root (`parent 100:4`). */
export interface CbsModel extends CbsParams {
  kind: 'cbs';
  parent: string;
  handle: string | null;
  offload: boolean;
}

export function validateCbs(m: CbsModel, d: TsnDeviceSettings = {}): TcProblem[] {
  const out: TcProblem[] = [];
  const range = (field: keyof CbsParams, min: number, max: number) => {
    if (!isIntegerIn(m[field], min, max)) out.push(tcError('tsn-config.number-range', field, { option: field.replace(/Kbps|Bytes/, ''), value: String(m[field]), min, max }));
  };
  range('idleslopeKbps', 1, S32_MAX);
  range('sendslopeKbps', S32_MIN, -1);
  range('hicreditBytes', 0, S32_MAX);
  range('locreditBytes', S32_MIN, 0);
  if (out.length === 0 && d.linkSpeedMbps !== undefined && m.idleslopeKbps - m.sendslopeKbps !== d.linkSpeedMbps * 1000) {
    out.push(tcWarning('tsn-config.cbs.slopes-vs-link', 'sendslopeKbps', { sendslope: m.sendslopeKbps, expected: m.idleslopeKbps - d.linkSpeedMbps * 1000, speed: d.linkSpeedMbps }));
  }
  return out;
}

export function cbsOptionWords(m: CbsModel): string[] {
  return ['idleslope', String(m.idleslopeKbps), 'sendslope', String(m.sendslopeKbps), 'hicredit', String(m.hicreditBytes), 'locredit', String(m.locreditBytes), ...(m.offload ? ['offload', '1'] : [])];
}

/** q_cbs.c cbs_parse_opt: name/value pairs, `matches()` lets a prefix stand for the name. */
export function cbsFromWords(words: readonly string[], parent: string, handle: string | null): { model: CbsModel | null; problems: TcProblem[] } {
  const values: Record<string, number> = {};
  const names = ['idleslope', 'sendslope', 'hicredit', 'locredit', 'offload'];
  for (let i = 0; i < words.length; i += 2) {
    const name = names.find((n) => n.startsWith(words[i] ?? '\0'));
    const v = words[i + 1];
    if (!name || v === undefined || !/^-?\d{1,10}$/.test(v)) return { model: null, problems: [tcError('tsn-config.command-unreadable', 'command', { detail: `cbs: "${words[i]} ${v ?? ''}" is not NAME NUMBER` })] };
    values[name] = Number(v);
  }
  return {
    model: { kind: 'cbs', parent, handle, idleslopeKbps: values.idleslope ?? 0, sendslopeKbps: values.sendslope ?? 0, hicreditBytes: values.hicredit ?? 0, locreditBytes: values.locredit ?? 0, offload: (values.offload ?? 0) !== 0 },
    problems: [],
  };
}

/** q_cbs.c cbs_print_opt with JSON (iproute2 ≥ 5.8): plain integers. */
export function cbsFromJson(q: TcQdiscJson, where = 'cbs'): { model: CbsModel | null; problems: TcProblem[] } {
  const f = new JsonFields(`${where}.options`, q.options);
  const idleslopeKbps = f.int('idleslope');
  const sendslopeKbps = f.int('sendslope');
  const hicreditBytes = f.int('hicredit');
  const locreditBytes = f.int('locredit');
  const offload = f.int('offload');
  if (idleslopeKbps === null || sendslopeKbps === null || hicreditBytes === null || locreditBytes === null || offload === null) return { model: null, problems: f.problems };
  const parent = q.parent === 'root' ? 'root' : printedClassId(q.parent);
  return { model: { kind: 'cbs', parent, handle: q.handle.replace(/:$/, ''), idleslopeKbps, sendslopeKbps, hicreditBytes, locreditBytes, offload: offload !== 0 }, problems: [] };
}
