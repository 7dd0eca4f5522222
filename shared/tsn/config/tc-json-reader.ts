/**
 * A JSON reader for `tc -j` output that keeps every integer exact: JSON.parse turns a taprio
 * base_time of 1691160511783528178 into …528000. Integers outside ±2^53 come back as bigint, other
 * numbers as number. It also reads the one invalid shape iproute2 is known to print for taprio:
 * before the `admin` label was added (iproute2 6.5, "tc/taprio: fix JSON output when
 * TCA_TAPRIO_ATTR_ADMIN_SCHED is present", 2023), a pending schedule came out as an unlabeled
 * object right after `"schedule": [...]`. That object is kept under `admin` and reported, so a
 * device with iproute2 ≤ 6.4 (Debian 12 ships 6.1) can still be read. Never throws.
 */
export type TcJson = null | boolean | number | bigint | string | TcJson[] | { [key: string]: TcJson };

export interface TcJsonRead {
  value: TcJson | null;
  /** Why the text is not JSON: message, 1-based line and column. */
  failure: { detail: string; line: number; column: number } | null;
  /** How many unlabeled admin schedules were read as `admin` (iproute2 ≤ 6.4). */
  unlabeledAdmin: number;
}

class Failure {
  constructor(
    readonly detail: string,
    readonly at: number,
  ) {}
}

const MAX_DEPTH = 64;

export function readTcJson(text: string): TcJsonRead {
  let i = 0;
  let unlabeledAdmin = 0;
  const fail = (detail: string): never => {
    throw new Failure(detail, i);
  };
  const space = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const expect = (ch: string) => {
    if (text[i] !== ch) fail(`expected '${ch}' but found ${text[i] === undefined ? 'the end' : `'${text[i]}'`}`);
    i++;
  };
  const str = (): string => {
    expect('"');
    let out = '';
    for (;;) {
      const ch = text[i];
      if (ch === undefined) return fail('unterminated string');
      i++;
      if (ch === '"') return out;
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      const esc = text[i++];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (esc !== undefined && simple[esc] !== undefined) out += simple[esc];
      else if (esc === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i, i + 4))) {
        out += String.fromCharCode(Number.parseInt(text.slice(i, i + 4), 16));
        i += 4;
      } else fail('bad escape in a string');
    }
  };
  const num = (): number | bigint => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) return fail(`unexpected '${text[i] ?? 'end'}'`);
    i += m[0].length;
    if (m[2] === undefined && m[3] === undefined) {
      const n = Number(m[0]);
      return Number.isSafeInteger(n) ? n : BigInt(m[0]);
    }
    return Number(m[0]);
  };
  const value = (depth: number): TcJson => {
    if (depth > MAX_DEPTH) fail('nested too deeply');
    space();
    const ch = text[i];
    if (ch === '{') return object(depth);
    if (ch === '[') return array(depth);
    if (ch === '"') return str();
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    return num();
  };
  const array = (depth: number): TcJson[] => {
    expect('[');
    const out: TcJson[] = [];
    space();
    if (text[i] === ']') {
      i++;
      return out;
    }
    for (;;) {
      out.push(value(depth + 1));
      space();
      if (text[i] === ',') {
        i++;
        continue;
      }
      expect(']');
      return out;
    }
  };
  const object = (depth: number): { [key: string]: TcJson } => {
    expect('{');
    const out: { [key: string]: TcJson } = {};
    let lastKey: string | null = null;
    space();
    if (text[i] === '}') {
      i++;
      return out;
    }
    for (;;) {
      space();
      if (text[i] === '{' && lastKey === 'schedule' && !Object.hasOwn(out, 'admin')) {
        out.admin = object(depth + 1);
        unlabeledAdmin++;
        lastKey = 'admin';
      } else {
        const key = str();
        space();
        expect(':');
        out[key] = value(depth + 1);
        lastKey = key;
      }
      space();
      if (text[i] === ',') {
        i++;
        continue;
      }
      expect('}');
      return out;
    }
  };
  try {
    const v = value(0);
    space();
    if (i < text.length) fail(`unexpected '${text[i]}' after the end of the JSON value`);
    return { value: v, failure: null, unlabeledAdmin };
  } catch (err) {
    if (!(err instanceof Failure)) throw err;
    const before = text.slice(0, err.at);
    const line = before.split('\n').length;
    const column = err.at - before.lastIndexOf('\n');
    return { value: null, failure: { detail: err.detail, line, column }, unlabeledAdmin };
  }
}

export const isJsonObject = (v: TcJson | undefined): v is { [key: string]: TcJson } => typeof v === 'object' && v !== null && !Array.isArray(v);
