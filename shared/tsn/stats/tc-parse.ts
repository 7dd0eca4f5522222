import { catalogError } from '../../errors/catalog';
import { parseClassJson, parseQdiscJson } from './tc-json';
import type { ClassStats, QdiscStats, TcParse } from './tc-stats';
import { parseClassText, parseQdiscText } from './tc-text';

/** `tc -s [-j] qdisc show`, whichever printout the device gave. Never throws; an unreadable output is a problem. */
export function parseQdiscs(text: string): TcParse<QdiscStats> {
  const parsed = parseQdiscJson(text) ?? parseQdiscText(text);
  if (parsed.entries.length === 0 && parsed.problems.length === 0 && text.trim() !== '' && text.trim() !== '[]') parsed.problems.push(catalogError('tsn.no-entries', { what: 'tc qdisc' }));
  return parsed;
}

/** `tc -s [-j] class show dev IF`; an empty output is no classes (a classless root qdisc). */
export function parseClasses(text: string): TcParse<ClassStats> {
  const parsed = parseClassJson(text) ?? parseClassText(text);
  if (parsed.entries.length === 0 && parsed.problems.length === 0 && text.trim() !== '' && text.trim() !== '[]') parsed.problems.push(catalogError('tsn.no-entries', { what: 'tc class' }));
  return parsed;
}
