import { describe, expect, it } from 'vitest';
import { durationLanguage, formatDuration } from './duration-text';

describe('durations in the language of the summary', () => {
  it('reads the same lengths in English and in Chinese', () => {
    const cases: [number, string, string][] = [
      [4200, '4.2 s', '4.2 秒'],
      [42_000, '42 s', '42 秒'],
      [12 * 60_000 + 5000, '12 min 5 s', '12 分钟 5 秒'],
      [3_600_000, '1 h', '1 小时'],
      [3 * 86_400_000 + 4 * 3_600_000 + 60_000, '3 d 4 h 1 min', '3 天 4 小时 1 分钟'],
      [0, '0 s', '0 秒'],
    ];
    for (const [ms, en, zh] of cases) {
      expect(formatDuration(ms)).toBe(en);
      expect(formatDuration(ms, 'en')).toBe(en);
      expect(formatDuration(ms, 'zh-CN')).toBe(zh);
    }
  });

  it('picks Chinese for any zh tag i18next may hold, English for the rest', () => {
    expect(['zh-CN', 'zh', 'zh-Hans-CN', 'en', 'en-US', 'de'].map(durationLanguage)).toEqual(['zh-CN', 'zh-CN', 'zh-CN', 'en', 'en', 'en']);
  });
});
