import type { ErrorValue } from '../../domain/errors';
import { catalogError } from '../../errors/catalog';
import type { ClassStats, QdiscStats, TcCounters, TcParse } from './tc-stats';

/** Keys tc prints for every qdisc or class; anything else numeric at the top level is the kind's xstats. */
const COMMON_KEYS = new Set([
  'kind', 'handle', 'class', 'dev', 'root', 'parent', 'leaf', 'refcnt', 'offloaded', 'options', 'ingress_block', 'egress_block',
  'bytes', 'packets', 'drops', 'overlimits', 'requeues', 'backlog', 'qlen', 'rate', 'pps', 'hw_bytes', 'hw_packets', 'sw_bytes', 'sw_packets', 'stats',
]);

type Obj = Record<string, unknown>;

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}
function numOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function xstatsOf(o: Obj): Record<string, number> {
  const xstats: Record<string, number> = {};
  for (const k in o) {
    const v = o[k];
    if (typeof v === 'number' && !COMMON_KEYS.has(k) && Number.isFinite(v)) xstats[k] = v;
  }
  return xstats;
}

/** The numbers tc ≥ 4.16 prints at the top level (older versions nest them in `stats`). */
function statsOf(o: Obj): Obj {
  return typeof o.stats === 'object' && o.stats !== null ? { ...(o.stats as Obj), ...o } : o;
}

function countersOf(o: Obj): TcCounters {
  const s = statsOf(o);
  return {
    bytes: num(s.bytes),
    packets: num(s.packets),
    drops: num(s.drops),
    overlimits: num(s.overlimits),
    requeues: num(s.requeues),
    backlogBytes: num(s.backlog),
    qlen: num(s.qlen),
    rateBps: numOrNull(s.rate),
    pps: numOrNull(s.pps),
    hwBytes: numOrNull(s.hw_bytes),
    hwPackets: numOrNull(s.hw_packets),
    xstats: xstatsOf(o),
  };
}

function qdiscOf(o: Obj): QdiscStats | null {
  const kind = str(o.kind);
  const handle = str(o.handle);
  if (!kind || !handle) return null;
  return Object.assign(countersOf(o), { dev: str(o.dev), kind, handle, parent: str(o.parent), root: o.root === true, offloaded: o.offloaded === true, options: o.options ?? null });
}

function classOf(o: Obj): ClassStats | null {
  const kind = str(o.class) ?? str(o.kind);
  const classid = str(o.handle);
  if (!kind || !classid) return null;
  return Object.assign(countersOf(o), { dev: str(o.dev), kind, classid, parent: str(o.parent), root: o.root === true, leaf: str(o.leaf) });
}

/**
 * iproute2 before commit f848310a printed taprio's pending schedule as an object without a key
 * (`"schedule":[…],{"base_time":…}`), which no JSON parser takes. This inserts the `"admin":` label
 * where an object member was expected and an object began; the result says whether it had to.
 */
export function repairUnlabelledObjects(text: string): { text: string; repaired: boolean } {
  const out: string[] = [];
  const stack: ('{' | '[')[] = [];
  let expectKey = false;
  let repaired = false;
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      // Skip the string; a key ends the wait for one.
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      i = j;
      expectKey = false;
      continue;
    }
    if (ch === '{') {
      if (expectKey && stack[stack.length - 1] === '{') {
        out.push(text.slice(last, i), '"admin":');
        last = i;
        repaired = true;
      }
      stack.push('{');
      expectKey = true;
    } else if (ch === '[') {
      stack.push('[');
      expectKey = false;
    } else if (ch === '}' || ch === ']') {
      stack.pop();
      expectKey = false;
    } else if (ch === ',') {
      expectKey = stack[stack.length - 1] === '{';
    } else if (ch === ':') expectKey = false;
  }
  out.push(text.slice(last));
  return { text: out.join(''), repaired };
}

/** Splits a top-level JSON array into its members' texts by brace matching, so one bad member costs only itself. */
function topLevelMembers(text: string): string[] {
  const members: string[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      i = j;
    } else if (ch === '{' || ch === '[') {
      if (depth === 1 && ch === '{') start = i;
      depth++;
    } else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 1 && ch === '}' && start >= 0) {
        members.push(text.slice(start, i + 1));
        start = -1;
      }
    }
  }
  return members;
}

function parseJsonArray(text: string, what: string): { items: unknown[]; problems: ErrorValue[] } | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[')) return null;
  const problems: ErrorValue[] = [];
  try {
    const v: unknown = JSON.parse(trimmed);
    return Array.isArray(v) ? { items: v, problems } : { items: [], problems: [catalogError('tsn.not-json', { what, detail: 'not an array' })] };
  } catch {
    // Fall through: the old taprio printout, or a cut-off output.
  }
  const fixed = repairUnlabelledObjects(trimmed);
  if (fixed.repaired) {
    try {
      const v: unknown = JSON.parse(fixed.text);
      if (Array.isArray(v)) {
        for (const item of v) if (isTaprioWithAdmin(item)) problems.push(catalogError('tsn.taprio-invalid-json', { dev: str((item as Obj).dev) ?? 'the interface' }));
        return { items: v, problems };
      }
    } catch {
      // Member by member below.
    }
  }
  const items: unknown[] = [];
  for (const member of topLevelMembers(trimmed)) {
    try {
      items.push(JSON.parse(member));
    } catch (err) {
      const again = repairUnlabelledObjects(member);
      try {
        const v: unknown = JSON.parse(again.text);
        items.push(v);
        if (again.repaired) problems.push(catalogError('tsn.taprio-invalid-json', { dev: str((v as Obj).dev) ?? 'the interface' }));
      } catch {
        problems.push(catalogError('tsn.entry-unreadable', { what, detail: `${err instanceof Error ? err.message : String(err)}: ${member.slice(0, 80)}` }));
      }
    }
  }
  return { items, problems };
}

function isTaprioWithAdmin(item: unknown): boolean {
  if (typeof item !== 'object' || item === null) return false;
  const o = item as Obj;
  return o.kind === 'taprio' && typeof o.options === 'object' && o.options !== null && 'admin' in (o.options as Obj);
}

function parseEntries<T>(text: string, what: string, read: (o: Obj) => T | null): TcParse<T> | null {
  const parsed = parseJsonArray(text, what);
  if (!parsed) return null;
  const entries: T[] = [];
  for (const item of parsed.items) {
    const entry = typeof item === 'object' && item !== null && !Array.isArray(item) ? read(item as Obj) : null;
    if (entry) entries.push(entry);
    else parsed.problems.push(catalogError('tsn.entry-unreadable', { what, detail: `no kind or handle in ${JSON.stringify(item).slice(0, 80)}` }));
  }
  return { entries, problems: parsed.problems, format: 'json' };
}

/** `tc -s -j qdisc show [dev IF]`; null when the text is not a JSON array at all (then read the text form). */
export function parseQdiscJson(text: string): TcParse<QdiscStats> | null {
  return parseEntries(text, 'tc qdisc', qdiscOf);
}

/** `tc -s -j class show dev IF`; null when it is not JSON (iproute2 6.1 prints text for htb even with -j). */
export function parseClassJson(text: string): TcParse<ClassStats> | null {
  return parseEntries(text, 'tc class', classOf);
}
