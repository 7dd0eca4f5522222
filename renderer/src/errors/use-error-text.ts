import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorValue } from '../../../shared/domain/errors';
import { errorText } from '../../../shared/errors/catalog';
import type { ErrorText } from '../../../shared/errors/catalog-types';
import { isLanguage, type Language } from '../i18n/language';

/** The language the console speaks now (i18next may report a variant such as `en-US`). */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

/** An engine error in the operator's language: catalog text when it has an id, else the English it carries. */
export function useErrorText(): (error: ErrorValue) => ErrorText {
  const lang = useLanguage();
  return useCallback((error: ErrorValue) => errorText(error, lang), [lang]);
}
