import type { LimitName } from '../analysis/mask-check';
import { STANDARD_TIMING_MASKS, type TimingMask } from '../analysis/timing-masks';
import type { InstanceSummary } from '../summary/summary-types';
import { formatDuration } from './duration-text';
import { esc } from './html-escape';
import type { ReportDevice, SummaryReport } from './report-model';
import { reportText, type ReportLanguage, type ReportTextId } from './report-text';
import { formatNumber, logLogSvg, timeSeriesSvg } from './svg-charts';
import type { MaskResultView, TimingView } from './timing-view';

/**
 * The summary report as one self-contained HTML page: inline CSS and inline SVG charts (TE over
 * time; MTIE and TDEV on log-log axes with the masks drawn), no script, no external URL, so it opens
 * offline and prints. Every string from a device, a session or a user mask is escaped.
 */
const CSS = `body{font:14px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px auto;max-width:980px;color:#222;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;border-bottom:1px solid #ccc;padding-bottom:4px;margin-top:32px}h3{font-size:15px;margin:20px 0 6px}
.meta{color:#555;margin:2px 0}table{border-collapse:collapse;margin:6px 0 12px}th,td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f4f4f4}.gate{padding:8px 12px;border-radius:4px;font-weight:600;margin:12px 0;display:inline-block}
.pass{color:#0a6b2a}.fail{color:#b00020}.incomplete{color:#8a5a00}.gate.pass{background:#e3f4e8}.gate.fail{background:#fde7ea}.gate.incomplete{background:#fff4d6}
svg.chart{max-width:100%;height:auto;display:block;margin:8px 0}svg .grid{stroke:#eee}svg .tick{font-size:10px;fill:#555}svg .axis{font-size:11px;fill:#333}svg .legend{font-size:11px;fill:#222}
.note{color:#666;font-size:12px}`;

/** A parameter that is HTML already (another text of the report), inserted as it is. */
interface Html {
  html: string;
}
interface T {
  (id: ReportTextId, params?: Record<string, string | number | Html>): string;
  /** A duration in the report's language. */
  duration(ms: number): string;
}

/** The report's text in `lang` with its parameters escaped (Html ones as they are): the template is ours, the parameters are not. */
function textFor(lang: ReportLanguage): T {
  const t = (id: ReportTextId, params: Record<string, string | number | Html> = {}) => reportText(lang, id, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'object' ? v.html : esc(v)])));
  return Object.assign(t, { duration: (ms: number) => formatDuration(ms, lang) });
}

const iso = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '');

const num = (x: number | null | undefined, unit = '') => (x === null || x === undefined ? '—' : `${formatNumber(x)}${unit ? ` ${unit}` : ''}`);
const verdictClass = (v: string) => (v === 'pass' || v === 'fail' ? v : 'incomplete');

function labelsOf(labels: Record<string, string>): string {
  const l = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
  return l.length ? ` {${l.join(', ')}}` : '';
}

function measurementsTable(inst: InstanceSummary, t: T): string {
  const rows = [...inst.offset, ...inst.pathDelay, ...inst.frequency];
  if (rows.length === 0) return '';
  const head = `<tr><th>${t('metric')}</th><th>${t('count')}</th><th>${t('mean')}</th><th>${t('min')}</th><th>${t('max')}</th><th>${t('absOffset')} p50</th><th>p95</th><th>p99</th><th>max</th></tr>`;
  const body = rows
    .map((s) => {
      const a = s.abs;
      return `<tr><td>${esc(s.metric + labelsOf(s.labels))}</td><td class="n">${s.count}</td><td class="n">${num(s.mean, s.unit)}</td><td class="n">${num(s.min)}</td><td class="n">${num(s.max)}</td><td class="n">${a ? num(a.p50) : ''}</td><td class="n">${a ? num(a.p95) : ''}</td><td class="n">${a ? num(a.p99) : ''}</td><td class="n">${a ? num(a.max) : ''}</td></tr>`;
    })
    .join('\n');
  return `<h4>${t('measurements')}</h4><table>${head}\n${body}</table>`;
}

function portStatesTable(inst: InstanceSummary, t: T): string {
  if (inst.portStates.length === 0) return '';
  const rows: string[] = [];
  for (const p of inst.portStates) {
    const total = Object.values(p.stateMs).reduce((a, x) => a + x, 0) + p.offlineMs + p.disconnectedMs + p.unknownMs || 1;
    const entries: [string, number][] = [...Object.entries(p.stateMs).sort((a, b) => b[1] - a[1]), [t('offline'), p.offlineMs], [t('disconnected'), p.disconnectedMs], [t('unknown'), p.unknownMs]];
    for (const [state, ms] of entries) {
      if (ms === 0) continue;
      rows.push(`<tr><td>${esc(p.port)}</td><td>${esc(state)}</td><td class="n">${esc(t.duration(ms))}</td><td class="n">${((100 * ms) / total).toFixed(1)} %</td></tr>`);
    }
  }
  return `<h4>${t('portStates')}</h4><table><tr><th>${t('port')}</th><th>${t('state')}</th><th>${t('duration')}</th><th>${t('share')}</th></tr>\n${rows.join('\n')}</table>`;
}

function eventsBlock(inst: InstanceSummary, t: T): string {
  const disconnected = inst.gaps.disconnectedMs > 0 ? ` ${t('gapsDisconnected', { total: t.duration(inst.gaps.disconnectedMs) })}` : '';
  const gaps = `<p>${t('gaps', { count: inst.gaps.count, total: t.duration(inst.gaps.totalMs), longest: t.duration(inst.gaps.longestMs) })}${disconnected}</p>`;
  const gm = `<p>${t('gmChanges', { count: inst.gmChanges.count })}</p>${
    inst.gmChanges.first.length ? `<table>${inst.gmChanges.first.map((c) => `<tr><td>${esc(iso(c.tMs))}</td><td>${esc(c.from ?? '—')} → ${esc(c.to ?? '—')}</td></tr>`).join('')}</table>` : ''
  }`;
  const kinds = Object.entries(inst.events);
  const ev = `<h4>${t('events')}</h4>${kinds.length ? `<table><tr><th>${t('kind')}</th><th>${t('count')}</th></tr>${kinds.map(([k, n]) => `<tr><td>${esc(k)}</td><td class="n">${n}</td></tr>`).join('')}</table>` : `<p>${t('none')}</p>`}`;
  return gaps + gm + ev;
}

function limitLabel(limit: LimitName, view: TimingView, t: T): string {
  if (limit === 'cte') return t('cte', { window: Math.round(view.analysis.cte.windowS ?? 1000) });
  return t(limit);
}

function maskTable(masks: MaskResultView[], view: TimingView, t: T): string {
  const rows = masks.flatMap((m) =>
    m.checks.map((c, i) => {
      const head = i === 0 ? `<td rowspan="${m.checks.length}">${esc(m.name)}<br><span class="${verdictClass(m.verdict)}">${t(m.verdict)}${m.marginal && m.verdict === 'pass' ? ` (${t('marginal')})` : ''}</span></td>` : '';
      const extra = [c.atTauS !== undefined ? t('atTau', { tau: formatNumber(c.atTauS) }) : '', c.reason ? t('reason', { reason: { html: t(c.reason) } }) : ''].filter(Boolean).join('; ');
      return `<tr>${head}<td>${limitLabel(c.limit, view, t)}</td><td class="n">${num(c.valueNs, 'ns')}</td><td class="n">${num(c.limitNs, 'ns')}</td><td class="${verdictClass(c.verdict)}">${t(c.verdict)}${c.marginal && c.verdict === 'pass' ? ` (${t('marginal')})` : ''}${extra ? `<br><span class="note">${extra}</span>` : ''}</td></tr>`;
    }),
  );
  return `<table><tr><th>${t('mask')}</th><th>${t('figure')}</th><th>${t('value')}</th><th>${t('limit')}</th><th>${t('verdict')}</th></tr>\n${rows.join('\n')}</table>`;
}

function timingBlock(view: TimingView, masks: readonly TimingMask[], t: T): string {
  const a = view.analysis;
  const basis = t('timingBasis', {
    points: a.points,
    interval: a.intervalS === null ? '—' : `${formatNumber(a.intervalS)} s`,
    segments: a.segments,
    transient: view.excludeBeforeMs === null ? { html: t('noTransient') } : iso(view.excludeBeforeMs),
    lowPass: { html: a.lowPassApplied ? t('applied') : t('notApplied') },
  });
  const figures = `<table><tr><th>${t('maxAbsTe')}</th><th>cTE</th><th>${t('dteHPeakToPeak')}</th></tr><tr><td class="n">${num(a.maxAbsTeNs, 'ns')}</td><td class="n">${num(a.cte.cteNs, 'ns')}</td><td class="n">${num(a.dteHPeakToPeakNs, 'ns')}</td></tr></table>`;
  const drawn = masks.filter((m) => view.masks.some((r) => r.maskId === m.id));
  const te = timeSeriesSvg({ title: t('offsetChart'), tUs: view.overview.tUs, values: view.overview.teNs, xLabel: t('timeUtc'), yLabel: t('teNs'), markerUs: view.excludeBeforeMs === null ? null : view.excludeBeforeMs * 1000, markerLabel: t('transientEnd') });
  const mtie = logLogSvg(t('dteLMtie'), [{ label: t('dteLMtie'), points: a.dteLMtie }], drawn.filter((m) => m.dteLMtieNs).map((m) => ({ label: m.name, pieces: m.dteLMtieNs! })), t('tau'), t('mtieNs'));
  const tdev = logLogSvg(t('dteLTdev'), [{ label: t('dteLTdev'), points: a.dteLTdev }], drawn.filter((m) => m.dteLTdevNs).map((m) => ({ label: m.name, pieces: m.dteLTdevNs! })), t('tau'), t('tdevNs'));
  return `<h4>${t('timing', { metric: view.series.metric + labelsOf(view.series.labels) })}</h4>
<p class="note">${basis}</p>${figures}${view.masks.length ? maskTable(view.masks, view, t) : ''}
${te}
${mtie}
${tdev}`;
}

function deviceBlock(d: ReportDevice, masks: readonly TimingMask[], t: T): string {
  const parts = d.summary.instances.map((inst) => {
    const view = d.timing.find((v) => v.series.instance === inst.instance);
    return `<h3>${t('instance', { name: inst.instance })}</h3>
${measurementsTable(inst, t)}
${portStatesTable(inst, t)}
${eventsBlock(inst, t)}
${view ? timingBlock(view, masks, t) : `<p class="note">${t('noTiming')}</p>`}`;
  });
  return `<section><h2>${esc(d.summary.name)}</h2>\n${parts.join('\n') || `<p>${t('none')}</p>`}</section>`;
}

/** The page. `masks` are the definitions of the masks the report judged (user masks included), for drawing. */
export function htmlReport(report: SummaryReport, lang: ReportLanguage, userMasks: readonly TimingMask[] = []): string {
  const t = textFor(lang);
  const masks = [...STANDARD_TIMING_MASKS, ...userMasks];
  const source = report.source.kind === 'live' ? t('liveHistory') : t('session', { name: report.source.name });
  const names = report.devices.map((d) => d.summary.name).join(', ');
  const gate = report.gate
    ? `<div class="gate ${verdictClass(report.gate.verdict)}">${t('gate', { masks: report.gate.masks.join(', '), verdict: { html: t(report.gate.verdict) } })}</div>`
    : '';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('title')} — ${esc(names)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${t('title')} — ${esc(names)}</h1>
<p class="meta">${t('range', { from: iso(report.fromMs), to: iso(report.toMs) })}</p>
<p class="meta">${t('generated', { at: iso(report.generatedAtMs), source: { html: source } })}</p>
${gate}
${report.devices.map((d) => deviceBlock(d, masks, t)).join('\n')}
<p class="note">${t('limitsNote')}</p>
</body>
</html>
`;
}
