import type { PtpConfMessageId } from '../errors/catalog-ptpconf';
import type { OptionEra, PtpOption } from './option-spec';
import { releaseAtLeast, type LinuxptpRelease } from './versions';

/** A value as ptp4l reads it: its number for numeric options, its canonical spelling for enums. */
export type ReadValue = { ok: true; number?: number; text: string } | { ok: false; id: PtpConfMessageId; params: Record<string, string | number> };

/** C `strtol(s, &end, 0)` over the whole string: optional sign, then hex (0x), octal (0…) or decimal. */
export function readCInteger(s: string): number | null {
  const m = /^[ \t]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return null;
  const digits = m[2] ?? '';
  const magnitude = /^0[xX]/.test(digits) ? parseInt(digits.slice(2), 16) : digits.length > 1 && digits.startsWith('0') ? parseInt(digits.slice(1), 8) : Number(digits);
  return m[1] === '-' ? -magnitude : magnitude;
}

/** C `strtod` over the whole string (decimal or hex floats, inf and nan aside). */
export function readCDouble(s: string): number | null {
  if (!/^[ \t]*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return null;
  return Number(s);
}

const MAC = /^[0-9a-fA-F]{1,2}(:[0-9a-fA-F]{1,2}){5}$/;
const OUI = /^[0-9a-fA-F]{1,2}(:[0-9a-fA-F]{1,2}){2}$/;
const CLOCK_ID = /^[0-9a-fA-F]{6}\.[0-9a-fA-F]{4}\.[0-9a-fA-F]{6}$/;

export function isIpv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

export function isIpv6(s: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(s) || s.split('::').length > 2) return false;
  const tail = s.includes('.') ? s.slice(s.lastIndexOf(':') + 1) : null;
  if (tail !== null && !isIpv4(tail)) return false;
  const head = tail !== null ? s.slice(0, s.lastIndexOf(':') + 1) + '0:0' : s;
  const groups = head.split(':');
  const filled = groups.filter((g) => g !== '');
  if (!filled.every((g) => g.length <= 4)) return false;
  return head.includes('::') ? filled.length < 8 : groups.length === 8 && filled.length === 8;
}

export const isMac = (s: string) => MAC.test(s);

const ADDRESS_FORMS: Partial<Record<PtpOption['type'], { kind: string; example: string; test: (s: string) => boolean }>> = {
  mac: { kind: 'MAC', example: '01:1B:19:00:00:00', test: isMac },
  ipv4: { kind: 'IPv4', example: '224.0.1.129', test: isIpv4 },
  ipv6: { kind: 'IPv6', example: 'FF0E:0:0:0:0:0:0:181', test: isIpv6 },
  'clock-identity': { kind: 'clockIdentity', example: '001122.fffe.334455', test: (s) => CLOCK_ID.test(s) },
  oui: { kind: 'OUI', example: '00:1B:19', test: (s) => OUI.test(s) },
};

/** The option's range and default in release `r` (older eras override the current row). */
export function optionInRelease(o: PtpOption, r: LinuxptpRelease): PtpOption {
  const era: OptionEra | undefined = o.eras?.find((e) => !releaseAtLeast(r, e.before));
  return era ? { ...o, ...(era.min !== undefined ? { min: era.min } : {}), ...(era.max !== undefined ? { max: era.max } : {}), ...(era.default !== undefined ? { default: era.default } : {}) } : o;
}

/** The enum values an option has in release `r`. */
export function enumValuesIn(o: PtpOption, r: LinuxptpRelease): string[] {
  return (o.values ?? []).filter((v) => !o.valueSince?.[v] || releaseAtLeast(r, o.valueSince[v]));
}

const rangeText = (n: number | undefined) => (n === undefined ? '' : Math.abs(n) >= 1e300 ? (n < 0 ? '-∞' : '∞') : String(n));

/** Reads `value` for option `o` as ptp4l `r` would, or says why it cannot. */
export function readValue(o: PtpOption, value: string, r: LinuxptpRelease): ReadValue {
  const spec = optionInRelease(o, r);
  // Built only for a refusal: most values are fine, and this runs for every line on every keystroke.
  const base = () => ({ option: o.name, value, min: rangeText(spec.min), max: rangeText(spec.max) });
  if (o.acceptsAsap && value.toLowerCase() === 'asap') return { ok: true, text: 'ASAP' };
  if (value.includes('#') && o.type !== 'string') return { ok: false, id: 'ptpconf.inline-comment', params: base() };
  switch (o.type) {
    case 'int':
    case 'uint': {
      const n = readCInteger(value);
      if (n === null) return { ok: false, id: 'ptpconf.not-an-integer', params: base() };
      if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) return { ok: false, id: 'ptpconf.out-of-range', params: base() };
      return { ok: true, number: n, text: value };
    }
    case 'double': {
      const n = readCDouble(value);
      if (n === null) return { ok: false, id: 'ptpconf.not-a-number', params: base() };
      if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) return { ok: false, id: 'ptpconf.out-of-range', params: base() };
      return { ok: true, number: n, text: value };
    }
    case 'enum': {
      const all = o.values ?? [];
      const known = all.find((v) => v.toLowerCase() === value.toLowerCase());
      const inRelease = enumValuesIn(o, r);
      if (!known) return { ok: false, id: 'ptpconf.bad-enum', params: { ...base(), values: inRelease.join(', ') } };
      if (!inRelease.includes(known)) return { ok: false, id: 'ptpconf.value-not-in-version', params: { ...base(), version: r, since: o.valueSince?.[known] ?? o.since, values: inRelease.join(', ') } };
      return { ok: true, text: known };
    }
    case 'string':
      return { ok: true, text: value };
    default: {
      const form = ADDRESS_FORMS[o.type];
      if (form && !form.test(value)) return { ok: false, id: 'ptpconf.bad-address', params: { ...base(), kind: form.kind, example: form.example } };
      return { ok: true, text: value };
    }
  }
}
