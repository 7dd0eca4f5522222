import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { fillTemplate } from '../../../shared/errors/catalog';
import { PTPCONF_ERRORS } from '../../../shared/errors/catalog-ptpconf';
import type { ErrorLanguage } from '../../../shared/errors/catalog-types';
import { issueText, NEWEST_RELEASE, releaseOf, validatePtpConf, type LinuxptpRelease } from '../../../shared/ptpconf';

/** What `config check` exits with (its own statuses, as the issue asks: 1 is an invalid file here). */
export const CONFIG_CHECK_EXIT = { valid: 0, invalid: 1, unreadable: 2 } as const;

interface CheckFlags {
  linuxptp?: string;
  lang: string;
  json?: boolean;
  strict?: boolean;
}

function say(lang: ErrorLanguage, id: 'ptpconf.file-unreadable' | 'ptpconf.bad-version', params: Record<string, string>): void {
  const text = PTPCONF_ERRORS[id][lang];
  console.error(`syncscope: ${fillTemplate(text.message, params)}`);
  if (text.hint) console.error(`  ${fillTemplate(text.hint, params)}`);
}

/** Checks one ptp4l.conf (`-` reads standard input); returns the exit status. */
export function runConfigCheck(file: string, o: CheckFlags): number {
  const lang: ErrorLanguage = o.lang === 'zh-CN' ? 'zh-CN' : 'en';
  let release: LinuxptpRelease = NEWEST_RELEASE;
  if (o.linuxptp !== undefined) {
    const r = releaseOf(o.linuxptp);
    if (!r) {
      say(lang, 'ptpconf.bad-version', { value: o.linuxptp });
      return CONFIG_CHECK_EXIT.unreadable;
    }
    release = r;
  }
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? String(err);
    say(lang, 'ptpconf.file-unreadable', { file, reason: reason === 'ENOENT' ? 'no such file' : reason === 'EACCES' ? 'permission denied' : reason === 'EISDIR' ? 'it is a folder' : reason });
    return CONFIG_CHECK_EXIT.unreadable;
  }
  const check = validatePtpConf(text, { release });
  const failed = check.errors > 0 || (o.strict === true && check.warnings > 0);
  if (o.json) {
    const issues = check.issues.map((i) => ({ line: i.line, severity: i.severity, id: i.id, option: i.option ?? null, ...issueText(i, lang) }));
    console.log(JSON.stringify({ file, linuxptp: check.release, valid: !failed, errors: check.errors, warnings: check.warnings, issues }, null, 2));
  } else {
    for (const i of check.issues) {
      const t = issueText(i, lang);
      console.log(`${file}:${i.line}: ${i.severity}: ${t.message}`);
      if (t.hint) console.log(`    ${t.hint}`);
    }
    const verdict = check.errors === 0 && check.warnings === 0 ? 'valid' : check.errors === 0 ? 'valid with warnings' : 'invalid';
    console.log(`${file}: ${verdict} for linuxptp ${check.release} (${check.errors} error${check.errors === 1 ? '' : 's'}, ${check.warnings} warning${check.warnings === 1 ? '' : 's'})`);
  }
  return failed ? CONFIG_CHECK_EXIT.invalid : CONFIG_CHECK_EXIT.valid;
}

/** `syncscope config check FILE [--linuxptp VERSION]`. */
export function registerConfigCommands(program: Command, outcome: { status: number }): void {
  const config = program.command('config').description('device configuration files: check a ptp4l.conf before it reaches a device');
  config
    .command('check')
    .description("check a ptp4l.conf against linuxptp's option table and cross-field rules; exit 0 valid, 1 invalid (line-numbered messages), 2 unreadable file")
    .argument('<file>', 'the ptp4l.conf (- reads standard input)')
    .option('--linuxptp <version>', `the device's linuxptp version as ptp4l -v prints it, e.g. 3.1.1 (default: ${NEWEST_RELEASE})`)
    .option('--lang <en|zh-CN>', 'language of the messages', 'en')
    .option('--strict', 'warnings make the file invalid too')
    .option('--json', 'print JSON')
    .action((file: string, o: CheckFlags) => {
      outcome.status = runConfigCheck(file, o);
    });
}
