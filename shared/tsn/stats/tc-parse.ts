import { catalogError } from '../../errors/catalog';
import { parseClassJson, parseQdiscJson } from './tc-json';
import type { ClassStats, QdiscStats, TcParse } from './tc-stats';
import { parseClassText, parseQdiscText } from './tc-text';

/**
 * Nothing read from a non-empty output: what tc said instead (`Cannot find device "eth9"`, `sh: tc:
 * not found`) when it is a message, else that nothing was readable.
 */
function nothingRead<T>(parsed: TcParse<T>, text: string, what: string): TcParse<T> {
  const trimmed = text.trim();
  if (parsed.entries.length > 0 || parsed.problems.length > 0 || trimmed === '' || trimmed === '[]') return parsed;
  const first = trimmed.split('\n')[0] ?? '';
  const message = parsed.format === 'text' && !/^(?:qdisc|class) /.test(first);
  parsed.problems.push(message ? catalogError('tsn.tool-failed', { what, detail: first.slice(0, 160) }) : catalogError('tsn.no-entries', { what }));
  return parsed;
}

/** `tc -s [-j] qdisc show`, whichever printout the device gave. Never throws; an unreadable output is a problem. */
export function parseQdiscs(text: string): TcParse<QdiscStats> {
  return nothingRead(parseQdiscJson(text) ?? parseQdiscText(text), text, 'tc qdisc show');
}

/** `tc -s [-j] class show dev IF`; an empty output is no classes (a classless root qdisc). */
export function parseClasses(text: string): TcParse<ClassStats> {
  return nothingRead(parseClassJson(text) ?? parseClassText(text), text, 'tc class show');
}
