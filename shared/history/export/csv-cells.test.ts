import { describe, expect, it } from 'vitest';
import { numberCell, textCell } from './csv-cells';
import { isoFormatterUs, isoFromUs, nsFromUs } from './time-cells';

describe('CSV cells', () => {
  it('quotes as RFC 4180 asks and guards text that a spreadsheet would run as a formula', () => {
    expect(textCell('gm-1')).toBe('gm-1');
    expect(textCell('a,b')).toBe('"a,b"');
    expect(textCell('say "hi"\nbye')).toBe('"say ""hi""\nbye"');
    expect(textCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    for (const s of ['+1', '-cmd', '@SUM(A1)', '\tx']) expect(textCell(s)).toBe(`'${s}`);
    expect(textCell('主时钟')).toBe('主时钟');
    expect(textCell(null)).toBe('');
  });

  it('writes numbers as plain numbers, negative ones unguarded, and a gap as an empty cell', () => {
    expect(numberCell(-123)).toBe('-123');
    expect(numberCell(1e20)).toBe('100000000000000000000');
    expect(numberCell(-(2 ** 53))).toBe('-9007199254740992');
    expect(numberCell(0.5)).toBe('0.5');
    expect(numberCell(null)).toBe('');
    expect(numberCell(Number.NaN)).toBe('');
  });

  it('keeps µs in the ISO time and whole ns beyond 2^53 exactly', () => {
    expect(isoFromUs(1_795_000_000_123_456)).toBe('2026-11-18T11:06:40.123456Z');
    expect(nsFromUs(1_795_000_000_123_456)).toBe('1795000000123456000');
    expect(nsFromUs(-1)).toBe('-1000');
    const iso = isoFormatterUs();
    expect([1_795_000_000_999_999, 1_795_000_001_000_000, 1_795_000_001_000_007].map(iso)).toEqual(['2026-11-18T11:06:40.999999Z', '2026-11-18T11:06:41.000000Z', '2026-11-18T11:06:41.000007Z']);
    expect([1_795_000_001_000_007, 1_795_000_000_123_456].map(iso)).toEqual(['2026-11-18T11:06:41.000007Z', isoFromUs(1_795_000_000_123_456)]);
  });
});
