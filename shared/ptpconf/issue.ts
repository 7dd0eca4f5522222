import { fillTemplate } from '../errors/catalog';
import { PTPCONF_ERRORS, type PtpConfMessageId } from '../errors/catalog-ptpconf';
import type { ErrorLanguage, ErrorText } from '../errors/catalog-types';

/**
 * One finding of the ptp4l.conf check. `error`: ptp4l refuses the file or will not start with it, or
 * the profile it sets up cannot work; a file with errors is never pushed. `warning`: ptp4l runs, but
 * something is likely not what was meant (a deprecated name, a repeated option, a profile's
 * recommended value).
 */
export interface PtpConfIssue {
  /** 1-based line the finding is about. */
  line: number;
  severity: 'error' | 'warning';
  /** Catalog id (shared/errors/catalog-ptpconf.ts): the text in every language. */
  id: PtpConfMessageId;
  params: Record<string, string | number>;
  /** The option the finding is about, when there is one. */
  option?: string;
}

/** The finding's text in `lang`, line number first ("Line 3: …" / "第 3 行：…"). */
export function issueText(issue: PtpConfIssue, lang: ErrorLanguage): ErrorText {
  const text = PTPCONF_ERRORS[issue.id][lang];
  const params = { line: issue.line, ...issue.params };
  return { message: fillTemplate(text.message, params), ...(text.hint ? { hint: fillTemplate(text.hint, params) } : {}) };
}
