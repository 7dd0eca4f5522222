import uPlot from 'uplot';
import { describe, expect, it } from 'vitest';
import { TIME_FORMATS } from './time-format';

describe('date formats per language', () => {
  const at = new Date(2026, 10, 25, 13, 2, 3);

  it('writes the legend time with seconds: US style in English, 年月日 and 24 hours in 简体中文', () => {
    expect(uPlot.fmtDate(TIME_FORMATS.en.legend)(at)).toBe('2026-11-25 1:02:03pm');
    expect(uPlot.fmtDate(TIME_FORMATS['zh-CN'].legend)(at)).toBe('2026年11月25日 13:02:03');
  });

  it('uses no 12-hour clock in any 简体中文 axis label', () => {
    const templates = TIME_FORMATS['zh-CN'].axis.flat().filter((v): v is string => typeof v === 'string');
    expect(templates.length).toBeGreaterThan(10);
    for (const template of templates) expect(template).not.toMatch(/\{h\}|\{aa\}|\{AA\}/);
  });

  it('has an axis row for every tick step uPlot uses, from years down to milliseconds, in both languages', () => {
    for (const format of Object.values(TIME_FORMATS)) {
      expect(format.axis.map((row) => row[0])).toEqual([365 * 86_400, 28 * 86_400, 86_400, 3600, 60, 1, 1e-3]);
      for (const row of format.axis) expect(row).toHaveLength(9);
    }
  });
});
