/**
 * CSV as spreadsheet programs open it cleanly (RFC 4180): fields separated by commas, records by
 * CRLF, a field quoted when it holds a comma, a quote, CR or LF (quotes doubled inside).
 *
 * Formula injection: a text cell a device or a person controls (device and instance names, labels,
 * event text) that starts with = + - @, a tab or CR would be run as a formula by Excel, LibreOffice
 * and Google Sheets; such a cell gets a leading apostrophe, which they show as text. Number cells are
 * written as numbers and never prefixed (a negative offset stays a number).
 *
 * Byte order mark: files get a UTF-8 BOM by default. Excel reads a CSV without one in the legacy
 * code page, which garbles any non-ASCII name (a device called 主时钟); LibreOffice, Google Sheets,
 * pandas and R's readr all skip it. Scripts that compare bytes or feed Python's csv module can ask
 * for none (`--no-bom`).
 */
export const CSV_BOM = '\uFEFF';
export const CRLF = '\r\n';

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell, guarded against formulas and quoted as RFC 4180 asks. */
export function textCell(s: string | null | undefined): string {
  if (s === null || s === undefined || s === '') return '';
  const guarded = FORMULA_START.test(s) ? `'${s}` : s;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** A number cell: plain digits (no grouping, no exponent below 1e21), empty for a missing value. */
export function numberCell(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '';
  // String() prints whole numbers below 1e21 as digits; beyond, toFixed would too but such values are not measurements.
  return String(x);
}

export function csvRecord(cells: readonly string[]): string {
  return cells.join(',') + CRLF;
}
