import { isJsonObject, readTcJson, type TcJson } from './tc-json-reader';
import { tcError, tcWarning, type TcProblem } from './tc-problem';

/**
 * The frame of `tc [-s] -j qdisc show [dev IF]` (iproute2 tc/tc_qdisc.c print_qdisc): a JSON array
 * of qdiscs, each with kind, handle (`100:`), dev (absent when `dev` was given), `root: true` or a
 * parent class id, `offloaded: true` when the NIC runs it, and the kind's `options`. Integers stay
 * exact (see tc-json-reader). Never throws: unreadable text is a problem, not an exception.
 */
export interface TcQdiscJson {
  kind: string;
  /** As printed: `100:`. */
  handle: string;
  dev: string | null;
  /** `root` or the printed class id (`100:4`). */
  parent: string;
  offloaded: boolean;
  options: { [key: string]: TcJson };
}

export interface TcQdiscShow {
  qdiscs: TcQdiscJson[];
  problems: TcProblem[];
}

export function readQdiscShow(text: string): TcQdiscShow {
  const read = readTcJson(text);
  if (read.failure) {
    const { detail, line, column } = read.failure;
    return { qdiscs: [], problems: [tcError('tsn-config.json-invalid', 'json', { detail, line, column })] };
  }
  const problems: TcProblem[] = [];
  if (read.unlabeledAdmin > 0) problems.push(tcWarning('tsn-config.json-unlabeled-admin', 'json'));
  if (!Array.isArray(read.value)) return { qdiscs: [], problems: [...problems, tcError('tsn-config.json-not-qdisc-list', 'json')] };
  const qdiscs: TcQdiscJson[] = [];
  read.value.forEach((q, index) => {
    if (!isJsonObject(q) || typeof q.kind !== 'string' || typeof q.handle !== 'string') {
      problems.push(tcError('tsn-config.json-field', `json.${index}`, { field: 'kind/handle', detail: 'missing' }));
      return;
    }
    qdiscs.push({
      kind: q.kind,
      handle: q.handle,
      dev: typeof q.dev === 'string' ? q.dev : null,
      parent: q.root === true ? 'root' : typeof q.parent === 'string' ? q.parent : 'root',
      offloaded: q.offloaded === true,
      options: isJsonObject(q.options) ? q.options : {},
    });
  });
  return { qdiscs, problems };
}

/** Field readers that say what was wrong instead of throwing. */
export class JsonFields {
  readonly problems: TcProblem[] = [];
  constructor(
    private readonly where: string,
    private readonly obj: { [key: string]: TcJson },
  ) {}

  private bad(field: string, detail: string): null {
    this.problems.push(tcError('tsn-config.json-field', `${this.where}.${field}`, { field, detail }));
    return null;
  }
  has(field: string): boolean {
    return Object.hasOwn(this.obj, field);
  }
  raw(field: string): TcJson | undefined {
    return this.obj[field];
  }
  uint(field: string, max = 0xffff_ffff): number | null {
    const v = this.obj[field];
    return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max ? v : this.bad(field, `not a whole number 0…${max}: ${String(v)}`);
  }
  int(field: string): number | null {
    const v = this.obj[field];
    return typeof v === 'number' && Number.isInteger(v) ? v : this.bad(field, `not a whole number: ${String(v)}`);
  }
  /** A 64-bit integer as a decimal string, exactly. */
  decimal(field: string): string | null {
    const v = this.obj[field];
    if (typeof v === 'bigint') return v.toString();
    return typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : this.bad(field, `not a whole number: ${String(v)}`);
  }
  string(field: string): string | null {
    const v = this.obj[field];
    return typeof v === 'string' ? v : this.bad(field, `not a string: ${String(v)}`);
  }
  /** print_0xhex: `"0x5f"`, or `"0"` for zero. */
  hex(field: string): number | null {
    const v = this.obj[field];
    return typeof v === 'string' && /^(0|0x[0-9a-f]{1,8})$/.test(v) ? Number.parseInt(v, 16) : this.bad(field, `not a hex string: ${String(v)}`);
  }
  uintList(field: string): number[] | null {
    const v = this.obj[field];
    return Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= 0) ? (v as number[]) : this.bad(field, 'not a list of whole numbers');
  }
  objects(field: string): { [key: string]: TcJson }[] | null {
    const v = this.obj[field];
    return Array.isArray(v) && v.every(isJsonObject) ? (v as { [key: string]: TcJson }[]) : this.bad(field, 'not a list of objects');
  }
  onOff(field: string): boolean | null {
    const v = this.obj[field];
    return v === 'on' ? true : v === 'off' ? false : this.bad(field, `not "on" or "off": ${String(v)}`);
  }
}
