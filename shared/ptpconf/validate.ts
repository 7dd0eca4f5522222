import type { PtpConfIssue } from './issue';
import { emptyModel, type ConfModel, type Setting } from './model';
import { OPTION_ALIASES, optionNamed, PTP_OPTIONS } from './options';
import { parsePtpConf, type ConfLine, type PtpConf } from './parse';
import { crossFieldIssues } from './rules';
import { closestName } from './suggest';
import { unicastTableLine, type TableCursor } from './unicast-table';
import { readValue } from './value-check';
import { NEWEST_RELEASE, releaseAtLeast, type LinuxptpRelease } from './versions';

export interface PtpConfCheckOptions {
  /** The device's linuxptp release (see `releaseOf`); the newest the table knows when absent. */
  release?: LinuxptpRelease;
}

export interface PtpConfCheck {
  release: LinuxptpRelease;
  /** In line order; errors and warnings mixed. */
  issues: PtpConfIssue[];
  errors: number;
  warnings: number;
  /** What the file sets, as ptp4l reads it (for forms and rules). */
  model: ConfModel;
}

/** The release whose whole option table was read (the 3.1.1 binary); see options.ts. */
const VERIFIED_RELEASE: LinuxptpRelease = '3.1';

const IFNAME = /^[^/\s]{1,15}$/;

interface Walk {
  model: ConfModel;
  issues: PtpConfIssue[];
  table: TableCursor;
}

function optionLine(w: Walk, l: ConfLine): void {
  const r = w.model.release;
  const add = (issue: Omit<PtpConfIssue, 'line'>): void => {
    w.issues.push({ line: l.lineNo, ...issue });
  };
  let name = l.key ?? '';
  const value = l.value ?? '';
  const alias = OPTION_ALIASES.find((a) => a.alias === name && releaseAtLeast(r, a.since));
  if (alias) {
    add({ severity: 'warning', id: 'ptpconf.deprecated', params: { option: name, replacement: alias.option, version: r }, option: name });
    name = alias.option;
  }
  const spec = optionNamed(name);
  if (!spec) {
    const known = [...PTP_OPTIONS.filter((o) => releaseAtLeast(r, o.since)).map((o) => o.name), ...OPTION_ALIASES.filter((a) => releaseAtLeast(r, a.since)).map((a) => a.alias)];
    const suggestion = closestName(name, known);
    add({ severity: 'error', id: suggestion ? 'ptpconf.unknown-option-suggest' : 'ptpconf.unknown-option', params: { option: name, ...(suggestion ? { suggestion } : {}) }, option: name });
    return;
  }
  if (!releaseAtLeast(r, spec.since)) {
    const params = { option: name, version: r, since: spec.since };
    // Absence is certain where a table was read: an option missing from 3.1's is missing before it too.
    const certain = !spec.sinceInferred || (releaseAtLeast(VERIFIED_RELEASE, r) && !releaseAtLeast(VERIFIED_RELEASE, spec.since));
    if (certain) return add({ severity: 'error', id: 'ptpconf.not-in-version', params, option: name });
    add({ severity: 'warning', id: 'ptpconf.maybe-not-in-version', params, option: name });
  }
  const port = l.section?.kind === 'port' ? l.section.name : null;
  if (port !== null && spec.scope === 'global') return add({ severity: 'error', id: 'ptpconf.wrong-scope', params: { option: name, section: port }, option: name });
  const read = readValue(spec, value, r);
  if (!read.ok) return add({ severity: 'error', id: read.id, params: read.params, option: name });
  if (spec.type === 'string' && value.includes('#')) add({ severity: 'warning', id: 'ptpconf.inline-comment', params: { option: name, value }, option: name });
  const settings = port === null ? w.model.global : w.model.ports.get(port)?.settings;
  if (!settings) return;
  const before = settings.get(name);
  if (before) add({ severity: 'warning', id: 'ptpconf.duplicate', params: { option: name, section: port ?? 'global', first: before.line }, option: name });
  const setting: Setting = { line: l.lineNo, text: read.text, ...(read.number !== undefined ? { number: read.number } : {}) };
  settings.set(name, setting);
}

function sectionLine(w: Walk, l: ConfLine): void {
  const s = l.section;
  if (!s) return;
  if (s.kind === 'global') w.model.globalLine ??= l.lineNo;
  if (s.kind === 'unicast_master_table') w.table.current = null;
  if (s.kind !== 'port') return;
  if (!IFNAME.test(s.name)) {
    w.issues.push({ line: l.lineNo, severity: 'error', id: 'ptpconf.bad-interface', params: { name: s.name } });
    return;
  }
  if (!w.model.ports.has(s.name)) w.model.ports.set(s.name, { line: l.lineNo, settings: new Map() });
}

/** Checks a parsed file against linuxptp's option table and the cross-field rules. */
export function checkPtpConf(conf: PtpConf, options: PtpConfCheckOptions = {}): PtpConfCheck {
  const w: Walk = { model: emptyModel(options.release ?? NEWEST_RELEASE), issues: [], table: { current: null } };
  for (const l of conf.lines) {
    switch (l.kind) {
      case 'section':
        sectionLine(w, l);
        break;
      case 'orphan':
        w.issues.push({ line: l.lineNo, severity: 'error', id: 'ptpconf.not-in-section', params: { text: l.text.trim() } });
        break;
      case 'no-value':
        if (l.section?.kind === 'unicast_master_table') w.issues.push({ line: l.lineNo, severity: 'error', id: 'ptpconf.table-bad-entry', params: { text: l.text.trim() } });
        else w.issues.push({ line: l.lineNo, severity: 'error', id: 'ptpconf.no-value', params: { option: l.key ?? '' }, option: l.key ?? '' });
        break;
      case 'option':
        // A line in a port section whose header was refused belongs to no port; ptp4l stops before it.
        if (l.section?.kind === 'port' && !w.model.ports.has(l.section.name)) break;
        optionLine(w, l);
        break;
      case 'table-entry':
        w.issues.push(...unicastTableLine(l, w.model, w.table));
        break;
      default:
        break;
    }
  }
  const issues = [...w.issues, ...crossFieldIssues(w.model)].sort((a, b) => a.line - b.line);
  const errors = issues.filter((i) => i.severity === 'error').length;
  return { release: w.model.release, issues, errors, warnings: issues.length - errors, model: w.model };
}

/** Checks the text of a ptp4l.conf; never throws. */
export function validatePtpConf(text: string, options: PtpConfCheckOptions = {}): PtpConfCheck {
  return checkPtpConf(parsePtpConf(text), options);
}
