import { fillTemplate } from '../../errors/catalog';
import type { ErrorLanguage, ErrorText } from '../../errors/catalog-types';
import { TSN_CONFIG_ERRORS } from '../../errors/catalog-tsn-config';
import type { TcProblem } from './tc-problem';

/** A problem's text in the operator's language: what is wrong, and what to do. */
export function tcProblemText(p: TcProblem, lang: ErrorLanguage): ErrorText {
  const entry = TSN_CONFIG_ERRORS[p.id][lang];
  const hint = 'hint' in entry ? entry.hint : undefined;
  return { message: fillTemplate(entry.message, p.params), ...(hint ? { hint: fillTemplate(hint, p.params) } : {}) };
}
