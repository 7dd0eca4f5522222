import { useMemo } from 'react';
import { useLanguage } from '../errors/use-error-text';

/** A wall-clock time (ms since the epoch) as the UI language writes it: 3:47:16 PM, 15:47:16. */
export function useTimeText(): (ms: number) => string {
  const language = useLanguage();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(language, { timeStyle: 'medium' });
    return (ms: number) => format.format(ms);
  }, [language]);
}
