import type { ReportLanguage } from './report-text';

/** Unit words per language: English as SI and the console write them, Chinese as Chinese software does. */
const UNITS: Record<ReportLanguage, { d: string; h: string; min: string; s: string; join: string }> = {
  en: { d: ' d', h: ' h', min: ' min', s: ' s', join: ' ' },
  'zh-CN': { d: ' 天', h: ' 小时', min: ' 分钟', s: ' 秒', join: ' ' },
};

/** A language the console knows, from an i18next language tag (`zh`, `zh-CN`, `en-US` …); English otherwise. */
export function durationLanguage(tag: string): ReportLanguage {
  return /^zh\b/i.test(tag) ? 'zh-CN' : 'en';
}

/**
 * A length of time as people read it, in `lang`: `4.2 s`, `12 min 5 s`, `3 d 4 h` (seconds left out
 * once there are days); `4.2 秒`, `12 分钟 5 秒`, `3 天 4 小时`. Tenths only below 10 s.
 */
export function formatDuration(ms: number, lang: ReportLanguage = 'en'): string {
  const u = UNITS[lang];
  const s = Math.round(ms / 1000);
  if (s < 60) return ms < 10_000 && ms % 1000 !== 0 ? `${(ms / 1000).toFixed(1)}${u.s}` : `${s}${u.s}`;
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return [d ? `${d}${u.d}` : '', h ? `${h}${u.h}` : '', m ? `${m}${u.min}` : '', sec && !d ? `${sec}${u.s}` : ''].filter(Boolean).join(u.join);
}
