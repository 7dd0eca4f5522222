import type { Language } from '../i18n/language';

/**
 * How the time axis and the legend write dates, per language, as uPlot templates (uPlot.fmtDate).
 * Each axis row: [smallest tick step (s), tick label, then the label used when the year, month, day,
 * hour, minute or second rolls over, and 1 = "append to the tick label"]; uPlot picks the row by step.
 * English keeps uPlot's US style; 简体中文 writes 年月日 and a 24-hour clock.
 */
export interface TimeFormat {
  axis: (string | number | null)[][];
  legend: string;
}

const S = 1;
const MS = 1e-3;
const MIN = 60;
const HOUR = 3600;
const DAY = 86_400;
const YEAR = 365 * DAY;
const _ = null;

export const TIME_FORMATS: Record<Language, TimeFormat> = {
  en: {
    axis: [
      [YEAR, '{YYYY}', _, _, _, _, _, _, 1],
      [28 * DAY, '{MMM}', '\n{YYYY}', _, _, _, _, _, 1],
      [DAY, '{M}/{D}', '\n{YYYY}', _, _, _, _, _, 1],
      [HOUR, '{h}{aa}', '\n{M}/{D}/{YY}', _, '\n{M}/{D}', _, _, _, 1],
      [MIN, '{h}:{mm}{aa}', '\n{M}/{D}/{YY}', _, '\n{M}/{D}', _, _, _, 1],
      [S, ':{ss}', '\n{M}/{D}/{YY} {h}:{mm}{aa}', _, '\n{M}/{D} {h}:{mm}{aa}', _, '\n{h}:{mm}{aa}', _, 1],
      [MS, ':{ss}.{fff}', '\n{M}/{D}/{YY} {h}:{mm}{aa}', _, '\n{M}/{D} {h}:{mm}{aa}', _, '\n{h}:{mm}{aa}', _, 1],
    ],
    legend: '{YYYY}-{MM}-{DD} {h}:{mm}:{ss}{aa}',
  },
  'zh-CN': {
    axis: [
      [YEAR, '{YYYY}年', _, _, _, _, _, _, 1],
      [28 * DAY, '{M}月', '\n{YYYY}年', _, _, _, _, _, 1],
      [DAY, '{M}月{D}日', '\n{YYYY}年', _, _, _, _, _, 1],
      [HOUR, '{HH}时', '\n{YYYY}年{M}月{D}日', _, '\n{M}月{D}日', _, _, _, 1],
      [MIN, '{HH}:{mm}', '\n{YYYY}年{M}月{D}日', _, '\n{M}月{D}日', _, _, _, 1],
      [S, ':{ss}', '\n{YYYY}年{M}月{D}日 {HH}:{mm}', _, '\n{M}月{D}日 {HH}:{mm}', _, '\n{HH}:{mm}', _, 1],
      [MS, ':{ss}.{fff}', '\n{YYYY}年{M}月{D}日 {HH}:{mm}', _, '\n{M}月{D}日 {HH}:{mm}', _, '\n{HH}:{mm}', _, 1],
    ],
    legend: '{YYYY}年{M}月{D}日 {HH}:{mm}:{ss}',
  },
};
