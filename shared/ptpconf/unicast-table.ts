import type { PtpConfIssue } from './issue';
import type { ConfModel } from './model';
import type { ConfLine } from './parse';
import { isIpv4, isIpv6, isMac, readCInteger } from './value-check';

/** The [unicast_master_table] being read: its table_id, once one was given. */
export interface TableCursor {
  current: number | null;
}

const TRANSPORTS: Record<string, { kind: string; example: string; test: (s: string) => boolean }> = {
  udpv4: { kind: 'IPv4', example: '192.0.2.10', test: isIpv4 },
  udpv6: { kind: 'IPv6', example: '2001:db8::10', test: isIpv6 },
  l2: { kind: 'MAC', example: '00:1B:19:00:00:01', test: isMac },
};

/**
 * One line of a [unicast_master_table], as ptp4l's `parse_unicast_mtab_line` reads it:
 * `table_id N` (N ≥ 1, each once), then `logQueryInterval N`, `peer_address ADDR` and entries
 * `UDPv4|UDPv6|L2 ADDRESS`. Records table ids in the model.
 */
export function unicastTableLine(l: ConfLine, model: ConfModel, cursor: TableCursor): PtpConfIssue[] {
  const key = l.key ?? '';
  const value = l.value ?? '';
  const at = (issue: Omit<PtpConfIssue, 'line'>): PtpConfIssue[] => [{ line: l.lineNo, ...issue }];
  if (key === 'table_id') {
    const id = readCInteger(value);
    if (id === null || id < 1) return at({ severity: 'error', id: 'ptpconf.table-bad-id', params: { value } });
    const first = model.tables.get(id);
    if (first !== undefined) return at({ severity: 'error', id: 'ptpconf.table-duplicate-id', params: { value: id, first } });
    model.tables.set(id, l.lineNo);
    cursor.current = id;
    return [];
  }
  if (cursor.current === null) return at({ severity: 'error', id: 'ptpconf.table-missing-id', params: {} });
  if (key === 'logQueryInterval') {
    const n = readCInteger(value);
    if (n === null) return at({ severity: 'error', id: 'ptpconf.not-an-integer', params: { option: key, value, min: -128, max: 127 }, option: key });
    if (n < -128 || n > 127) return at({ severity: 'error', id: 'ptpconf.out-of-range', params: { option: key, value, min: -128, max: 127 }, option: key });
    return [];
  }
  if (key === 'peer_address') return [];
  const transport = TRANSPORTS[key.toLowerCase()];
  if (!transport || /\s/.test(value)) return at({ severity: 'error', id: 'ptpconf.table-bad-entry', params: { text: l.text.trim() } });
  if (!transport.test(value)) return at({ severity: 'error', id: 'ptpconf.bad-address', params: { option: key, value, kind: transport.kind, example: transport.example }, option: key });
  return [];
}
