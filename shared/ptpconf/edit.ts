import { parsePtpConf, sameSection, writePtpConf, type ConfLine, type PtpConf, type SectionRef } from './parse';

/**
 * Minimal edits of a ptp4l.conf: setting an option rewrites only its value (spacing and the rest of
 * the file untouched); a new option goes under the last setting of its section, aligned like its
 * neighbour; a missing section is added. Lines are renumbered and re-read after each edit.
 */

/** `global` or an interface name. */
export type SectionName = string;

const refOf = (section: SectionName): SectionRef => (section === 'global' ? { kind: 'global', name: 'global' } : { kind: 'port', name: section });

const reparse = (texts: string[], finalNewline: boolean): PtpConf => parsePtpConf(texts.join('\n') + (finalNewline ? '\n' : ''));

/** The option line that decides the value in that section (ptp4l: the last one wins). */
export function findOption(conf: PtpConf, section: SectionName, option: string): ConfLine | undefined {
  const ref = refOf(section);
  let found: ConfLine | undefined;
  for (const l of conf.lines) if (l.kind === 'option' && l.key === option && sameSection(l.section, ref)) found = l;
  return found;
}

/** The value set in that section, or undefined when the section does not set it. */
export function optionValue(conf: PtpConf, section: SectionName, option: string): string | undefined {
  return findOption(conf, section, option)?.value;
}

const TAB = 8;
const column = (s: string) => [...s].reduce((c, ch) => (ch === '\t' ? (Math.floor(c / TAB) + 1) * TAB : c + 1), 0);

/** `key value`, with the gap the neighbour uses: same tabs/spaces style, value at the same column where it fits. */
function newLine(option: string, value: string, neighbour: ConfLine | undefined): string {
  if (!neighbour?.key || neighbour.valueStart === undefined) return `${option} ${value}`;
  const indent = neighbour.text.slice(0, neighbour.text.indexOf(neighbour.key));
  const target = column(neighbour.text.slice(0, neighbour.valueStart));
  const gap = neighbour.text.slice(indent.length + neighbour.key.length, neighbour.valueStart);
  let head = indent + option;
  if (gap.includes('\t')) {
    do head += '\t';
    while (column(head) < target);
  } else {
    head += ' '.repeat(Math.max(1, target - column(head)));
  }
  return head + value;
}

/** Sets `option` to `value` in `[section]` of the text, changing as little as possible. */
export function setOption(conf: PtpConf, section: SectionName, option: string, value: string): PtpConf {
  const texts = conf.lines.map((l) => l.text);
  const existing = findOption(conf, section, option);
  if (existing?.valueStart !== undefined && existing.valueEnd !== undefined) {
    texts[existing.lineNo - 1] = existing.text.slice(0, existing.valueStart) + value + existing.text.slice(existing.valueEnd);
    return reparse(texts, conf.finalNewline);
  }
  const ref = refOf(section);
  const inSection = conf.lines.filter((l) => sameSection(l.section, ref));
  const lastSetting = [...inSection].reverse().find((l) => l.kind === 'option' || l.kind === 'no-value');
  const neighbour = lastSetting ?? [...conf.lines].reverse().find((l) => l.kind === 'option');
  const line = newLine(option, value, neighbour);
  if (lastSetting) {
    texts.splice(lastSetting.lineNo, 0, line);
  } else if (inSection.length > 0) {
    const header = inSection.find((l) => l.kind === 'section');
    texts.splice(header ? header.lineNo : inSection[0]!.lineNo - 1, 0, line);
  } else if (ref.kind === 'global') {
    // [global] goes before the first section (after any leading comments), where ptp4l reads it
    // first; settings written before any section (which ptp4l refuses) come into it, ours after them.
    const section = conf.lines.find((l) => l.kind === 'section');
    const orphan = conf.lines.find((l) => l.kind === 'orphan' || l.kind === 'no-value');
    const end = section ? section.lineNo - 1 : texts.length;
    texts.splice(end, 0, line, ...(section ? [''] : []));
    texts.splice(orphan && orphan.lineNo - 1 < end ? orphan.lineNo - 1 : end, 0, '[global]');
  } else {
    const last = texts[texts.length - 1];
    texts.push(...(last !== undefined && last.trim() !== '' ? [''] : []), `[${section}]`, line);
  }
  return reparse(texts, conf.finalNewline || conf.lines.length === 0);
}

/** Removes every line setting `option` in `[section]`. */
export function removeOption(conf: PtpConf, section: SectionName, option: string): PtpConf {
  const ref = refOf(section);
  const texts = conf.lines.filter((l) => !((l.kind === 'option' || l.kind === 'no-value') && l.key === option && sameSection(l.section, ref))).map((l) => l.text);
  return reparse(texts, conf.finalNewline);
}

/** Text-level shorthands for callers that hold the file as a string. */
export const setOptionText = (text: string, section: SectionName, option: string, value: string): string => writePtpConf(setOption(parsePtpConf(text), section, option, value));
export const removeOptionText = (text: string, section: SectionName, option: string): string => writePtpConf(removeOption(parsePtpConf(text), section, option));

/** The sections a file has, in order of first appearance (port sections by interface name). */
export function sectionsOf(conf: PtpConf): SectionRef[] {
  const seen: SectionRef[] = [];
  for (const l of conf.lines) if (l.kind === 'section' && l.section && !seen.some((s) => sameSection(l.section, s))) seen.push(l.section);
  return seen;
}
