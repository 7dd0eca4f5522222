import { tcError, type TcProblem } from './tc-problem';
import { isClassId, isInterfaceName, isQdiscHandle } from './tc-values';

/**
 * The frame of every command Syncscope writes: `tc qdisc replace dev IF (root | parent X) [handle H]
 * KIND …` as an argv array, each word one argument. A command is never assembled from a string,
 * and an interface name that is not a plain name (`eth0; reboot`) never reaches one.
 */
export interface QdiscPlace {
  /** `root`, or a class id such as `100:4` for a child of mqprio/taprio. */
  parent: string;
  /** Handle major in hex, or null to let the kernel pick. */
  handle: string | null;
}

export function placeProblems(iface: string | null, place: QdiscPlace): TcProblem[] {
  const out: TcProblem[] = [];
  if (iface !== null && !isInterfaceName(iface)) out.push(tcError('tsn-config.iface-invalid', 'iface', { iface: JSON.stringify(iface) }));
  if (place.parent !== 'root' && !isClassId(place.parent)) out.push(tcError('tsn-config.parent-invalid', 'parent', { value: place.parent }));
  if (place.handle !== null && !isQdiscHandle(place.handle)) out.push(tcError('tsn-config.handle-invalid', 'handle', { value: place.handle }));
  return out;
}

export function qdiscArgv(iface: string, place: QdiscPlace, kind: string, options: readonly string[]): string[] {
  return ['tc', 'qdisc', 'replace', 'dev', iface, ...(place.parent === 'root' ? ['parent', 'root'] : ['parent', place.parent]), ...(place.handle !== null ? ['handle', place.handle] : []), kind, ...options];
}

/** The argv as a person would type it: plain words as they are, anything else single-quoted. */
export function displayCommand(argv: readonly string[]): string {
  return argv.map((w) => (/^[A-Za-z0-9_.:@%+=,/-]+$/.test(w) ? w : `'${w.replaceAll("'", `'\\''`)}'`)).join(' ');
}

/** A command line split into words (plain whitespace-separated words; `\` line continuations allowed). */
export const commandWords = (text: string): string[] => text.replace(/\\\r?\n/g, ' ').split(/\s+/).filter((w) => w !== '');

export interface ParsedFrame {
  iface: string;
  place: QdiscPlace;
  kind: string;
  options: string[];
}

/** Reads the frame of `tc qdisc add|replace|change dev IF (root | parent X) [handle H] KIND …`. */
export function parseQdiscFrame(words: readonly string[]): { frame: ParsedFrame | null; problems: TcProblem[] } {
  const bad = (detail: string) => ({ frame: null, problems: [tcError('tsn-config.command-unreadable', 'command', { detail })] });
  let i = words[0] === 'tc' ? 1 : 0;
  if (words[i] !== 'qdisc') return bad('it does not start with "tc qdisc"');
  i++;
  if (!['add', 'replace', 'change'].includes(words[i] ?? '')) return bad('expected add, replace or change after "tc qdisc"');
  i++;
  let iface: string | null = null;
  let parent: string | null = null;
  let handle: string | null = null;
  for (;;) {
    const w = words[i];
    if (w === 'dev') iface = words[i + 1] ?? null;
    else if (w === 'parent') parent = words[i + 1] ?? null;
    else if (w === 'handle') handle = (words[i + 1] ?? '').replace(/:$/, '');
    else if (w === 'root') {
      parent = 'root';
      i += 1;
      continue;
    } else break;
    i += 2;
  }
  const kind = words[i];
  if (iface === null) return bad('no "dev IFACE"');
  if (parent === null) return bad('no "root" or "parent CLASSID"');
  if (kind === undefined) return bad('no qdisc kind');
  const place = { parent, handle };
  return { frame: { iface, place, kind, options: words.slice(i + 1) }, problems: placeProblems(iface, place) };
}
