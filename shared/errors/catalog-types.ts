import type { ErrorCode } from '../domain/errors';

/** One language's text of an error: what happened, and what to check next. `{{name}}` marks a parameter. */
export interface ErrorText {
  message: string;
  hint?: string;
}

/** One catalog entry: its stable code, and its text in every language the console speaks. */
export interface ErrorEntry {
  code: ErrorCode;
  en: ErrorText;
  'zh-CN': ErrorText;
}

export type ErrorLanguage = 'en' | 'zh-CN';
