/**
 * ptp4l.conf: model, validator, editor helpers, templates and diff (pure; no Node, no DOM).
 *
 * For callers (the config tab, `syncscope config check`, the config push):
 *   validatePtpConf(text, { release }) → { issues (line-numbered, catalog ids), errors, warnings, model }
 *   issueText(issue, 'en' | 'zh-CN')   → { message: 'Line 3: …', hint }
 *   releaseOf('3.1.1')                 → '3.1' (the table's release for a device's `ptp4l -v`)
 *   parsePtpConf / writePtpConf        → lines kept byte for byte; write(parse(t)) === t
 *   setOptionText / removeOptionText   → minimal edits
 *   diffLines(before, after)           → a line diff for a preview
 * A file with `errors > 0` must not be pushed.
 */
export { diffLines, diffText, type DiffLine } from './diff';
export { optionChanges, PTPCONF_CHECKER } from './config-checker';
export { findOption, optionValue, removeOption, removeOptionText, sectionsOf, setOption, setOptionText, type SectionName } from './edit';
export { issueText, type PtpConfIssue } from './issue';
export { effective, type ConfModel, type Effective } from './model';
export type { OptionScope, OptionType, PtpOption } from './option-spec';
export { OPTION_ALIASES, optionNamed, PTP_OPTIONS } from './options';
export { parsePtpConf, writePtpConf, type ConfLine, type PtpConf, type SectionRef } from './parse';
export { PTPCONF_TEMPLATE_IDS, PTPCONF_TEMPLATES, type PtpConfTemplate, type PtpConfTemplateId } from './templates';
export { checkPtpConf, validatePtpConf, type PtpConfCheck, type PtpConfCheckOptions } from './validate';
export { enumValuesIn, optionInRelease } from './value-check';
export { LINUXPTP_RELEASES, NEWEST_RELEASE, releaseAtLeast, releaseOf, type LinuxptpRelease } from './versions';
