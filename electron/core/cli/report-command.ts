import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import type { MaskVerdict } from '../../../shared/history/analysis/mask-check';
import { STANDARD_TIMING_MASKS, timingMaskSchema, type TimingMask } from '../../../shared/history/analysis/timing-masks';
import { parseDurationMs, parseTimeFlag } from '../../../shared/history/export/time-range';
import { htmlReport } from '../../../shared/history/report/html-report';
import { resolveMasks } from '../../../shared/history/report/mask-choice';
import { composeReport, type ReportReads } from '../../../shared/history/report/compose-report';
import type { SummaryReport } from '../../../shared/history/report/report-model';
import type { ReportLanguage } from '../../../shared/history/report/report-text';
import { writeOutputFile } from '../history/output-file';
import type { Access } from './engine-access';
import { historyTarget, type HistoryTargetFlags } from './history-target';

export interface ReportFlags extends HistoryTargetFlags {
  json?: boolean;
  html?: string;
  mask?: string[];
  maskFile?: string;
  transient?: string;
  lang: string;
}

/** `syncscope report --mask M` exits with these when a chosen mask failed, or could not be judged on the data. */
export const MASK_FAILED_EXIT = 11;
export const MASK_INCOMPLETE_EXIT = 12;

const LANGS: readonly ReportLanguage[] = ['en', 'zh-CN'];

/** User masks from a JSON file: one mask object or an array of them (shared/history/analysis/timing-masks.ts's schema). */
export function readMaskFile(path: string): TimingMask[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new SyncscopeError(catalogError('history.bad-mask-file', { file: path, detail: `not readable as JSON (${err instanceof Error ? err.message : String(err)})` }, { field: 'maskFile' }));
  }
  const parsed = z.array(timingMaskSchema).max(16).safeParse(Array.isArray(raw) ? raw : [raw]);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SyncscopeError(catalogError('history.bad-mask-file', { file: path, detail: issue ? `${issue.path.join('.') || 'mask'}: ${issue.message}` : 'not a mask' }, { field: 'maskFile' }));
  }
  return parsed.data;
}

/** The transient marker: a duration after the window's start (`5m`), or a time. */
function transientEnd(raw: string | undefined, fromMs: number): number | undefined {
  if (raw === undefined) return undefined;
  const d = parseDurationMs(raw);
  return d !== null ? fromMs + d : parseTimeFlag('--transient', raw, Date.now());
}

/** One line per judged analysis on stderr, so a CI log says what failed without opening the report. */
function printGate(report: SummaryReport, gate: readonly string[]): void {
  for (const d of report.devices) {
    for (const t of d.timing) {
      for (const m of t.masks.filter((x) => gate.includes(x.maskId))) {
        const worst = m.checks.find((c) => c.verdict === 'fail') ?? m.checks.find((c) => c.verdict === 'incomplete');
        const why = worst ? ` (${worst.limit} ${worst.valueNs ?? '-'} ns against ${worst.limitNs ?? '-'} ns${worst.atTauS !== undefined ? ` at tau ${worst.atTauS} s` : ''}${worst.reason ? `: ${worst.reason}` : ''})` : '';
        console.error(`${d.summary.name} ${t.series.instance}: ${m.name} ${m.verdict.toUpperCase()}${why}`);
      }
    }
  }
}

const EXIT: Record<MaskVerdict, number> = { pass: 0, fail: MASK_FAILED_EXIT, incomplete: MASK_INCOMPLETE_EXIT };

/**
 * `syncscope report (--device N | --session NAME) [--from T] [--to T] (--json | --html F) [--mask M]…`:
 * the summary and timing analysis as JSON on stdout and/or one self-contained HTML page. Resolves to
 * the exit status: with --mask, MASK_FAILED_EXIT when a chosen mask fails (MASK_INCOMPLETE_EXIT when
 * the data cannot judge it), so a lab's CI can gate on timing quality.
 */
export async function runReport(a: Access, o: ReportFlags): Promise<number> {
  const lang = LANGS.find((l) => l.toLowerCase() === o.lang.toLowerCase());
  if (!lang) throw new SyncscopeError(catalogError('history.bad-lang', { lang: o.lang }, { field: 'lang' }));
  if (!o.json && !o.html) throw new SyncscopeError(catalogError('history.no-report-output', {}, { field: 'json' }));
  const userMasks = o.maskFile ? readMaskFile(o.maskFile) : [];
  const named = o.mask ?? [];
  const chosen = named.map((n) => userMasks.find((m) => m.id === n || m.name === n) ?? resolveMasks([n])[0]!);
  const masks = chosen.length > 0 ? chosen : [...STANDARD_TIMING_MASKS, ...userMasks];
  const t = await historyTarget(a, o);
  const session = t.sessionId ? { sessionId: t.sessionId } : {};
  const reads: ReportReads = {
    summary: (deviceIds, fromMs, toMs) => a.client.call('history.summary', { ...session, deviceIds, fromMs, toMs }),
    timing: (q) => a.client.call('history.timing', { ...session, ...q }),
  };
  const gate = chosen.map((m) => m.id);
  const report = await composeReport(reads, {
    source: t.source,
    deviceIds: t.devices.map((d) => d.id),
    fromMs: t.range.fromMs,
    toMs: t.range.toMs,
    masks,
    gate,
    excludeBeforeMs: transientEnd(o.transient, t.range.fromMs),
    nowMs: Date.now(),
  });
  if (o.html) {
    const path = await writeOutputFile(o.html, htmlReport(report, lang, userMasks));
    console.error(`Wrote ${path}`);
  }
  if (o.json) console.log(JSON.stringify(report, null, 2));
  if (!report.gate) return 0;
  printGate(report, gate);
  return EXIT[report.gate.verdict];
}
