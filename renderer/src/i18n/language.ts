/** The languages the console ships, and how the first one is chosen. */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_STORAGE_KEY = 'syncscope.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A remembered choice wins; otherwise any zh* browser language picks 简体中文; otherwise English. */
export function pickLanguage(stored: string | null, browserLanguages: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  const first = browserLanguages[0];
  return first !== undefined && first.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
