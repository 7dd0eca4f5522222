import { fillTemplate } from '../../../shared/errors/catalog';
import { useLanguage } from '../errors/use-error-text';
import { alarmsEn, alarmsZhCN } from '../i18n/alarms-text';

export type AlarmsText = typeof alarmsEn;

/**
 * The alarm screens' text in the operator's language. Kept out of the typed i18next resources: their
 * type is at the compiler's depth limit, and every screen's keys added there push it over.
 */
export function useAlarmsText(): { text: AlarmsText; fill(template: string, params: Record<string, string | number>): string } {
  const text = useLanguage() === 'zh-CN' ? alarmsZhCN : alarmsEn;
  return { text, fill: fillTemplate };
}
