import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';

export interface WholeNumberRule {
  /** Shown in the hint. */
  example: number;
  max?: number;
  /** The profile field the flag fills, for errors that name it. */
  field?: string;
}

/** The CLI's one reading of a whole number from a flag: digits only (no "1e3", "0x10", "-1", " 5"). */
export function wholeNumber(flag: string, raw: string, rule: WholeNumberRule): number {
  const max = rule.max ?? Number.MAX_SAFE_INTEGER;
  const n = /^\d{1,16}$/.test(raw) ? Number(raw) : NaN;
  if (!(n <= max)) throw new SyncscopeError(catalogError('cli.bad-number', { flag, value: raw, min: 0, max, example: rule.example }, rule.field ? { field: rule.field } : {}));
  return n;
}

/** A TCP port for a server to listen on; 0 lets the system pick a free one. */
export function listenPort(flag: string, raw: string, example: number): number {
  return wholeNumber(flag, raw, { example, max: 65535 });
}
