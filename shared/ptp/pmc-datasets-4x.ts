import { hexOrInt, int, portIdentityOf, portNumberOf } from './pmc-datasets';
import type { PmcResponse } from './pmc-parse';

/**
 * Typed readers for the per-port data sets of linuxptp 4.x, from pmc.c `pmc_show`:
 *   PORT_HWCLOCK_NP      portIdentity %s, phcIndex %d, flags %hhu (bit 0: the port uses a virtual clock)
 *   PORT_CORRECTIONS_NP  egressLatency, ingressLatency, delayAsymmetry: `%"PRId64" "` of the
 *                        TimeInterval >> 16 (whole ns), each followed by a space; no portIdentity field,
 *                        so the port is the one in the header
 *   UNICAST_MASTER_TABLE_NP  `actual_table_size %hu`, a header row, then one row per entry:
 *                        `%s %-24s %-34s %-9s %-10hhu 0x%02hhx         0x%04hx                  %-3hhu %-3hhu`
 *                        (selected yes/no, portIdentity, address, unicast state, clockClass,
 *                        clockAccuracy, offsetScaledLogVariance, priority1, priority2)
 * Like pmc-datasets.ts: null for another data set, null for a field that does not read; never throws.
 */

export interface PortHwclockNp {
  portIdentity: string;
  portNumber: number | null;
  /** /dev/ptpN; -1 when the port has no PHC (software timestamping). */
  phcIndex: number | null;
  /** The port timestamps with a virtual clock (`phc_index` names a vclock of the PHC). */
  virtualClock: boolean | null;
}

export interface PortCorrectionsNp {
  portIdentity: string;
  portNumber: number | null;
  egressLatencyNs: number | null;
  ingressLatencyNs: number | null;
  delayAsymmetryNs: number | null;
}

export interface UnicastMasterEntry {
  selected: boolean;
  portIdentity: string;
  /** As pmc prints it: an IPv4/IPv6 address, or the bytes as `aa:bb:…` (802.3); null when empty. */
  address: string | null;
  /** linuxptp's unicast negotiation state (`WAIT`, `HAVE_ANN`, `NEED_SYDY`, `HAVE_SYDY`). */
  state: string;
  clockClass: number;
  clockAccuracy: number;
  offsetScaledLogVariance: number;
  priority1: number;
  priority2: number;
}

export interface UnicastMasterTableNp {
  portIdentity: string;
  portNumber: number | null;
  /** The size ptp4l reported; `masters` holds the rows that read. */
  actualTableSize: number | null;
  masters: UnicastMasterEntry[];
  /** Rows that did not read as an entry (the header row is not counted). */
  unreadRows: number;
}

export function portHwclockNp(resp: PmcResponse): PortHwclockNp | null {
  if (resp.tlv !== 'PORT_HWCLOCK_NP') return null;
  const f = resp.fields;
  const portIdentity = portIdentityOf(f['portIdentity']) ?? resp.portIdentity;
  const flags = int(f['flags']);
  return {
    portIdentity,
    portNumber: portNumberOf(portIdentity),
    phcIndex: int(f['phcIndex']),
    virtualClock: flags === null || flags < 0 || flags > 255 ? null : (flags & 1) === 1,
  };
}

export function portCorrectionsNp(resp: PmcResponse): PortCorrectionsNp | null {
  if (resp.tlv !== 'PORT_CORRECTIONS_NP') return null;
  const f = resp.fields;
  return {
    portIdentity: resp.portIdentity,
    portNumber: portNumberOf(resp.portIdentity),
    egressLatencyNs: int(f['egressLatency']),
    ingressLatencyNs: int(f['ingressLatency']),
    delayAsymmetryNs: int(f['delayAsymmetry']),
  };
}

/** At most this many rows are read (ptp4l's own table is bounded by its config's unicast_master_table). */
const MAX_ROWS = 256;

export function unicastMasterTableNp(resp: PmcResponse): UnicastMasterTableNp | null {
  if (resp.tlv !== 'UNICAST_MASTER_TABLE_NP') return null;
  const masters: UnicastMasterEntry[] = [];
  let unreadRows = 0;
  for (const row of resp.extraLines.slice(0, MAX_ROWS + 1)) {
    if (row.startsWith('BM ')) continue;
    const entry = unicastMasterEntry(row);
    if (entry) masters.push(entry);
    else unreadRows++;
  }
  return { portIdentity: resp.portIdentity, portNumber: portNumberOf(resp.portIdentity), actualTableSize: int(resp.fields['actual_table_size']), masters, unreadRows };
}

const STATE = /^[A-Z_?]{1,16}$/;

/** One row; the address may be empty (`%-34s` of ''), which leaves 8 words instead of 9. */
function unicastMasterEntry(row: string): UnicastMasterEntry | null {
  const w = row.split(/[ \t]+/);
  if (w.length !== 9 && w.length !== 8) return null;
  const [sel, pid] = w;
  const address = w.length === 9 ? (w[2] ?? null) : null;
  const state = w[w.length - 6] ?? '';
  const [classText, accuracyText, varianceText, p1Text, p2Text] = w.slice(-5);
  const clockClass = small(classText);
  const clockAccuracy = hex(accuracyText, 0xff);
  const variance = hex(varianceText, 0xffff);
  const p1 = small(p1Text);
  const p2 = small(p2Text);
  if (sel !== 'yes' && sel !== 'no') return null;
  const portIdentity = portIdentityOf(pid);
  if (!portIdentity || !STATE.test(state) || (address !== null && !/^[0-9A-Fa-f:.]{1,64}$/.test(address))) return null;
  if (clockClass == null || clockAccuracy == null || variance == null || p1 == null || p2 == null) return null;
  return { selected: sel === 'yes', portIdentity, address, state, clockClass, clockAccuracy, offsetScaledLogVariance: variance, priority1: p1, priority2: p2 };
}

/** `%hhu`: 0–255 in decimal. */
function small(x: string | undefined): number | null {
  const v = int(x);
  return v !== null && v >= 0 && v <= 255 ? v : null;
}

/** `0x%02hhx` / `0x%04hx`: hex only, up to `max`. */
function hex(x: string | undefined, max: number): number | null {
  if (x === undefined || !x.startsWith('0x')) return null;
  const v = hexOrInt(x);
  return v !== null && v <= max ? v : null;
}
