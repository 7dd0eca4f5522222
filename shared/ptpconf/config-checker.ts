import type { ConfigValidation, OptionChange } from '../contract/methods-config';
import { optionValue } from './edit';
import { issueText } from './issue';
import { parsePtpConf, type PtpConf } from './parse';
import { validatePtpConf } from './validate';
import { NEWEST_RELEASE, releaseOf } from './versions';

/** `section → option → value` as ptp4l reads them: the last line of an option in a section wins. */
function optionsBySection(conf: PtpConf): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const l of conf.lines) {
    if (l.kind !== 'option' || !l.section || l.key === undefined) continue;
    const options = out.get(l.section.name) ?? new Map<string, string>();
    out.set(l.section.name, options.set(l.key, l.value ?? ''));
  }
  return out;
}

/** Options added, changed or removed, section by section: the new text's order, then what was removed. */
export function optionChanges(oldText: string, newText: string): OptionChange[] {
  const before = optionsBySection(parsePtpConf(oldText));
  const after = optionsBySection(parsePtpConf(newText));
  const changes: OptionChange[] = [];
  for (const [section, options] of after) {
    for (const [option, to] of options) {
      const from = before.get(section)?.get(option) ?? null;
      if (from !== to) changes.push({ section, option, from, to });
    }
  }
  for (const [section, options] of before) for (const [option, from] of options) if (!after.get(section)?.has(option)) changes.push({ section, option, from, to: null });
  return changes;
}

/**
 * The ptp4l.conf checker the config push uses (shared/config-push's ConfigChecker): validation in
 * the contract's shape (English text; a console renders `issueText` in its own language), option
 * changes, and a [global] value.
 */
export const PTPCONF_CHECKER = {
  validate(text: string, linuxptpVersion: string | null): ConfigValidation {
    const release = (linuxptpVersion !== null ? releaseOf(linuxptpVersion) : null) ?? NEWEST_RELEASE;
    const check = validatePtpConf(text, { release });
    return {
      ok: check.errors === 0,
      issues: check.issues.map((i) => ({ severity: i.severity, line: i.line, option: i.option ?? null, message: issueText(i, 'en').message })),
      checkedBy: `ptp4l.conf table for linuxptp ${release}`,
    };
  },
  optionChanges,
  globalValue(text: string, option: string): string | null {
    return optionValue(parsePtpConf(text), 'global', option) ?? null;
  },
};
