import type { DoctorFindingView } from '../../../shared/contract/methods-diagnostics';
import { findingText } from '../../../shared/doctor/checks';
import { DOCTOR_TEXT, type DoctorTextId } from '../../../shared/doctor/doctor-text';
import type { ErrorLanguage, ErrorText } from '../../../shared/errors/catalog-types';

/**
 * A doctor finding's message and fix in `lang`. A text id this console does not know (an engine
 * newer than the page) still says something: the id and its parameters.
 */
export function doctorFindingText(f: DoctorFindingView, lang: ErrorLanguage): ErrorText {
  if (Object.hasOwn(DOCTOR_TEXT, f.textId)) return findingText({ ...f, textId: f.textId as DoctorTextId }, lang);
  const params = Object.entries(f.params).map(([k, v]) => `${k}=${v}`).join(', ');
  return { message: params ? `${f.textId} (${params})` : f.textId };
}
