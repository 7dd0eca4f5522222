import { errorValueOf, SyncscopeError, type ErrorValue } from '../../shared/domain/errors';
import { catalogError, errorText } from '../../shared/errors/catalog';
import type { ErrorLanguage } from '../../shared/errors/catalog-types';

/** What the start-up dialog says: the engine's own error (data folder locked, newer database…) in the operator's language. */
export function bootFailureText(err: unknown, lang: ErrorLanguage): { title: string; content: string } {
  const value: ErrorValue = err instanceof SyncscopeError ? err.value : catalogError('desktop.start-failed', { detail: errorValueOf(err).params?.detail ?? String(err) });
  const { message, hint } = errorText(value, lang);
  return { title: lang === 'zh-CN' ? 'Syncscope 无法启动' : 'Syncscope could not start', content: hint ? `${message}\n\n${hint}` : message };
}

/** The operator's language from the OS locale (the page's own choice lives in the page). */
export function languageOf(locale: string): ErrorLanguage {
  return locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
