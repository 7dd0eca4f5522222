import { readFileSync } from 'node:fs';
import type { ErrorLanguage } from '../../../shared/errors/catalog-types';

/** A command's input file read whole, or why it could not be (`ENOENT`, `EACCES`, `EISDIR` …). */
export type InputFile = { text: string; reason?: undefined } | { text?: undefined; reason: string };

/** Reads FILE as UTF-8, `-` being standard input; never throws. */
export function readInputFile(file: string): InputFile {
  try {
    return { text: readFileSync(file === '-' ? 0 : file, 'utf8') };
  } catch (err) {
    return { reason: (err as NodeJS.ErrnoException).code ?? String(err) };
  }
}

/** Reads FILE, or prints `syncscope: cannot read FILE: REASON` on stderr and gives null. */
export function readInputFileOrSay(file: string): string | null {
  const read = readInputFile(file);
  if (read.text !== undefined) return read.text;
  console.error(`syncscope: cannot read ${file}: ${read.reason}`);
  return null;
}

/** A `--lang` flag's value as one of the languages messages are written in (English unless zh-CN). */
export const cliLanguage = (lang: string | undefined): ErrorLanguage => (lang === 'zh-CN' ? 'zh-CN' : 'en');
