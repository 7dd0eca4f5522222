import type { ErrorValue, MessageParams } from '../domain/errors';
import { ALARM_ERRORS } from './catalog-alarms';
import { COLLECT_ERRORS } from './catalog-collect';
import { CONFIG_PUSH_ERRORS } from './catalog-config-push';
import { CORE_ERRORS } from './catalog-core';
import { DESKTOP_ERRORS } from './catalog-desktop';
import { DIAGNOSTICS_ERRORS } from './catalog-diagnostics';
import { ENGINE_ERRORS } from './catalog-engine';
import { HISTORY_ERRORS } from './catalog-history';
import { PMC_ERRORS } from './catalog-pmc';
import { PTPCONF_ERRORS } from './catalog-ptpconf';
import { SERIAL_ERRORS } from './catalog-serial';
import { SESSION_ERRORS } from './catalog-sessions';
import { SSH_ERRORS } from './catalog-ssh';
import { TSN_CONFIG_ERRORS } from './catalog-tsn-config';
import { TSN_ERRORS } from './catalog-tsn';
import type { ErrorEntry, ErrorLanguage, ErrorText } from './catalog-types';

/**
 * Every error a person can meet, by id, in every language the console speaks. The engine builds
 * ErrorValues from it (English text for logs, the CLI and old consoles); the UI renders the same id
 * in the operator's language. Areas add their own `catalog-<area>.ts` and are joined here.
 */
export const ERROR_CATALOG = {
  ...CORE_ERRORS,
  ...SSH_ERRORS,
  ...SERIAL_ERRORS,
  ...PMC_ERRORS,
  ...COLLECT_ERRORS,
  ...ENGINE_ERRORS,
  ...DESKTOP_ERRORS,
  ...DIAGNOSTICS_ERRORS,
  ...HISTORY_ERRORS,
  ...SESSION_ERRORS,
  ...TSN_CONFIG_ERRORS,
  ...ALARM_ERRORS,
  ...CONFIG_PUSH_ERRORS,
  ...TSN_ERRORS,
  ...PTPCONF_ERRORS,
} as const satisfies Record<string, ErrorEntry>;

export type ErrorId = keyof typeof ERROR_CATALOG;

/** Fills `{{name}}` placeholders; an unknown name stays visible rather than vanishing. */
export function fillTemplate(template: string, params: MessageParams = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** An ErrorValue from the catalog, with its English text filled in. */
export function catalogError(id: ErrorId, params: MessageParams = {}, extra: Pick<ErrorValue, 'deviceId' | 'field'> = {}): ErrorValue {
  const entry: ErrorEntry = ERROR_CATALOG[id];
  return {
    code: entry.code,
    message: fillTemplate(entry.en.message, params),
    ...(entry.en.hint ? { hint: fillTemplate(entry.en.hint, params) } : {}),
    messageId: id,
    params,
    ...extra,
  };
}

/** The text of an error in `lang`: from the catalog when the id is known, else the English it carries. */
export function errorText(error: ErrorValue, lang: ErrorLanguage): ErrorText {
  const entry: ErrorEntry | undefined = error.messageId && Object.hasOwn(ERROR_CATALOG, error.messageId) ? ERROR_CATALOG[error.messageId as ErrorId] : undefined;
  if (!entry) return { message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
  const text = entry[lang];
  return { message: fillTemplate(text.message, error.params), ...(text.hint ? { hint: fillTemplate(text.hint, error.params) } : {}) };
}
