import type { ComplianceLevel, ComplianceThresholds } from './report-schedule';
import type { SummaryReport } from './report-model';

export interface ComplianceFinding {
  level: Exclude<ComplianceLevel, 'ok'>;
  text: string;
}

/**
 * How a scheduled report judges a window: a mask that fails is an alert, one the data could not
 * judge a warning; each threshold crossed (alert before warn) adds a finding. The level is the worst.
 */
export function complianceOf(report: SummaryReport, warn: ComplianceThresholds, alert: ComplianceThresholds): { level: ComplianceLevel; findings: ComplianceFinding[] } {
  const findings: ComplianceFinding[] = [];
  for (const d of report.devices) {
    for (const t of d.timing) {
      for (const m of t.masks) {
        if (m.verdict === 'fail') findings.push({ level: 'alert', text: `${d.summary.name} ${t.series.instance}: ${m.name} failed` });
        else if (m.verdict === 'incomplete') findings.push({ level: 'warn', text: `${d.summary.name} ${t.series.instance}: ${m.name} could not be judged on this data` });
      }
    }
    for (const inst of d.summary.instances) {
      const off = inst.offset[0];
      const figures: [keyof ComplianceThresholds, number | null | undefined, string][] = [
        ['maxAbsOffsetNs', off?.abs?.max, 'max |offset| {v} ns'],
        ['p99AbsOffsetNs', off?.abs?.p99, 'p99 |offset| {v} ns'],
        ['gapsTotalMs', inst.gaps.totalMs, 'gaps {v} ms in all'],
        ['gmChanges', inst.gmChanges.count, '{v} grandmaster changes'],
      ];
      for (const [key, value, what] of figures) {
        if (value === null || value === undefined) continue;
        const a = alert[key];
        const w = warn[key];
        const level = a !== undefined && value > a ? 'alert' : w !== undefined && value > w ? 'warn' : null;
        if (level) findings.push({ level, text: `${d.summary.name} ${inst.instance}: ${what.replace('{v}', String(value))} above the ${level} threshold ${level === 'alert' ? a : w}` });
      }
    }
  }
  const level: ComplianceLevel = findings.some((f) => f.level === 'alert') ? 'alert' : findings.length ? 'warn' : 'ok';
  return { level, findings };
}
