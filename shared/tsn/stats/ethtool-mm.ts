import type { ErrorValue } from '../../domain/errors';
import { catalogError } from '../../errors/catalog';

/**
 * `ethtool [--include-statistics] [--json] --show-mm IF` (ethtool ≥ 6.3, kernel ≥ 6.3): the 802.3
 * clause 99 MAC merge layer (frame preemption) state and its six aMACMerge* counters. Built from
 * ethtool's netlink/mm.c printout (`MAC Merge layer state for eth0:`, `pMAC enabled: on`,
 * `Statistics:` then `  MACMergeFragCountTx: 57824`) and its JSON keys (`pmac-enabled`,
 * `verify-status`, `statistics`). Never throws.
 */
export interface MacMergeState {
  iface: string | null;
  pmacEnabled: boolean | null;
  txEnabled: boolean | null;
  txActive: boolean | null;
  txMinFragSize: number | null;
  rxMinFragSize: number | null;
  verifyEnabled: boolean | null;
  verifyTimeMs: number | null;
  maxVerifyTimeMs: number | null;
  /** INITIAL, VERIFYING, SUCCEEDED, FAILED, DISABLED, UNKNOWN. */
  verifyStatus: string | null;
  /** MACMergeFrameAssErrorCount … MACMergeHoldCount, when asked with --include-statistics. */
  counters: Record<string, number>;
  problems: ErrorValue[];
}

type Field = Exclude<keyof MacMergeState, 'iface' | 'counters' | 'problems'>;

const TEXT_FIELDS: Record<string, { field: Field; type: 'bool' | 'num' | 'str' }> = {
  'pMAC enabled': { field: 'pmacEnabled', type: 'bool' },
  'TX enabled': { field: 'txEnabled', type: 'bool' },
  'TX active': { field: 'txActive', type: 'bool' },
  'TX minimum fragment size': { field: 'txMinFragSize', type: 'num' },
  'RX minimum fragment size': { field: 'rxMinFragSize', type: 'num' },
  'Verify enabled': { field: 'verifyEnabled', type: 'bool' },
  'Verify time': { field: 'verifyTimeMs', type: 'num' },
  'Max verify time': { field: 'maxVerifyTimeMs', type: 'num' },
  'Verification status': { field: 'verifyStatus', type: 'str' },
};

const JSON_FIELDS: Record<string, Field> = {
  'pmac-enabled': 'pmacEnabled',
  'tx-enabled': 'txEnabled',
  'tx-active': 'txActive',
  'tx-min-frag-size': 'txMinFragSize',
  'rx-min-frag-size': 'rxMinFragSize',
  'verify-enabled': 'verifyEnabled',
  'verify-time': 'verifyTimeMs',
  'max-verify-time': 'maxVerifyTimeMs',
  'verify-status': 'verifyStatus',
};

function empty(): MacMergeState {
  return { iface: null, pmacEnabled: null, txEnabled: null, txActive: null, txMinFragSize: null, rxMinFragSize: null, verifyEnabled: null, verifyTimeMs: null, maxVerifyTimeMs: null, verifyStatus: null, counters: {}, problems: [] };
}

function set(mm: MacMergeState, field: Field, value: boolean | number | string | null): void {
  (mm as unknown as Record<Field, boolean | number | string | null>)[field] = value;
}

export function parseMacMergeText(text: string): MacMergeState {
  const mm = empty();
  let readable = false;
  let inStats = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const head = /^MAC Merge layer state for (\S+?):?$/.exec(line.trim());
    if (head) {
      mm.iface = head[1] ?? null;
      readable = true;
      continue;
    }
    if (/^Statistics:/.test(line.trim())) {
      inStats = true;
      continue;
    }
    const m = /^\s*([^:]+):\s*(.*?)\s*$/.exec(line);
    if (!m) continue;
    const key = (m[1] as string).trim();
    const value = m[2] as string;
    if (inStats && /^-?\d+$/.test(value)) {
      mm.counters[key] = Number(value);
      continue;
    }
    const known = TEXT_FIELDS[key];
    if (!known) continue;
    readable = true;
    set(mm, known.field, known.type === 'bool' ? value === 'on' : known.type === 'num' ? (/^\d+$/.test(value) ? Number(value) : null) : value);
  }
  if (!readable) {
    const first = text.trim().split('\n')[0] ?? '';
    mm.problems.push(first ? catalogError('tsn.tool-failed', { what: 'ethtool --show-mm', detail: first.slice(0, 160) }) : catalogError('tsn.no-entries', { what: 'ethtool --show-mm' }));
  }
  return mm;
}

export function parseMacMergeJson(text: string): MacMergeState {
  const mm = empty();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.trim());
  } catch (err) {
    mm.problems.push(catalogError('tsn.not-json', { what: 'ethtool --json --show-mm', detail: err instanceof Error ? err.message : String(err) }));
    return mm;
  }
  const o = (Array.isArray(parsed) ? parsed[0] : parsed) as Record<string, unknown> | undefined;
  if (typeof o !== 'object' || o === null) {
    mm.problems.push(catalogError('tsn.no-entries', { what: 'ethtool --json --show-mm' }));
    return mm;
  }
  if (typeof o.ifname === 'string') mm.iface = o.ifname;
  for (const [key, field] of Object.entries(JSON_FIELDS)) {
    const v = o[key];
    if (typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') set(mm, field, v);
  }
  if (typeof o.statistics === 'object' && o.statistics !== null) for (const [k, v] of Object.entries(o.statistics as Record<string, unknown>)) if (typeof v === 'number') mm.counters[k] = v;
  return mm;
}

export function parseMacMerge(text: string): MacMergeState {
  return /^\s*[[{]/.test(text) ? parseMacMergeJson(text) : parseMacMergeText(text);
}
