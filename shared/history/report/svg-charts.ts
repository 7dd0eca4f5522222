import type { CurvePiece } from '../analysis/timing-masks';
import { esc } from './html-escape';

/**
 * Inline SVG charts for the self-contained report: no script, no external reference, readable
 * offline and in print. Coordinates are rounded to 0.1 px; every label is escaped.
 */
const W = 720;
const H = 300;
const M = { left: 64, right: 16, top: 16, bottom: 40 };
const PW = W - M.left - M.right;
const PH = H - M.top - M.bottom;
const r1 = (x: number) => Math.round(x * 10) / 10;

export const CHART_COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];

function frame(title: string, body: string, xLabel: string, yLabel: string, legend: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(title)}" class="chart">
<rect x="${M.left}" y="${M.top}" width="${PW}" height="${PH}" fill="#fff" stroke="#999"/>
${body}
<text x="${M.left + PW / 2}" y="${H - 6}" text-anchor="middle" class="axis">${esc(xLabel)}</text>
<text x="14" y="${M.top + PH / 2}" text-anchor="middle" transform="rotate(-90 14 ${M.top + PH / 2})" class="axis">${esc(yLabel)}</text>
${legend}
</svg>`;
}

function legendOf(items: { label: string; color: string; dash?: boolean }[]): string {
  if (items.length === 0) return '';
  const x0 = M.left + PW - 236;
  const box = `<rect x="${x0}" y="${M.top + 2}" width="232" height="${items.length * 16 + 6}" fill="#fff" fill-opacity="0.85" stroke="#ddd"/>`;
  return box + items
    .map((it, i) => {
      const y = M.top + 14 + i * 16;
      const x = x0 + 6;
      return `<line x1="${x}" y1="${y - 4}" x2="${x + 22}" y2="${y - 4}" stroke="${it.color}" stroke-width="2"${it.dash ? ' stroke-dasharray="5 3"' : ''}/><text x="${x + 28}" y="${y}" class="legend">${esc(it.label)}</text>`;
    })
    .join('\n');
}

/** Nice linear ticks: about `count` round values across [lo, hi]. */
function linearTicks(lo: number, hi: number, count: number): number[] {
  const span = hi - lo || 1;
  const raw = span / count;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map((k) => k * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

export interface TimeSeriesChart {
  title: string;
  /** µs since the epoch. */
  tUs: readonly number[];
  /** null: a gap, drawn as a break. */
  values: readonly (number | null)[];
  yLabel: string;
  xLabel: string;
  /** A vertical dashed marker (the transient's end), µs. */
  markerUs?: number | null;
  markerLabel?: string;
}

/** A value over time: one polyline per run without gaps, time axis in UTC. */
export function timeSeriesSvg(c: TimeSeriesChart): string {
  const finite = c.values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (c.tUs.length === 0 || finite.length === 0) return frame(c.title, `<text x="${M.left + PW / 2}" y="${M.top + PH / 2}" text-anchor="middle" class="axis">—</text>`, c.xLabel, c.yLabel, '');
  const t0 = c.tUs[0]!;
  const t1 = Math.max(c.tUs[c.tUs.length - 1]!, t0 + 1);
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (lo === hi) {
    lo -= 1;
    hi += 1;
  }
  const pad = (hi - lo) * 0.05;
  lo -= pad;
  hi += pad;
  const x = (t: number) => r1(M.left + ((t - t0) / (t1 - t0)) * PW);
  const y = (v: number) => r1(M.top + PH - ((v - lo) / (hi - lo)) * PH);
  const runs: string[] = [];
  let run: string[] = [];
  for (let i = 0; i < c.tUs.length; i++) {
    const v = c.values[i];
    if (v === null || v === undefined || !Number.isFinite(v)) {
      if (run.length) runs.push(run.join(' '));
      run = [];
    } else run.push(`${x(c.tUs[i]!)},${y(v)}`);
  }
  if (run.length) runs.push(run.join(' '));
  const yTicks = linearTicks(lo, hi, 6)
    .map((v) => `<line x1="${M.left}" x2="${M.left + PW}" y1="${y(v)}" y2="${y(v)}" class="grid"/><text x="${M.left - 6}" y="${y(v) + 4}" text-anchor="end" class="tick">${esc(formatNumber(v))}</text>`)
    .join('\n');
  const xTicks = [0, 0.25, 0.5, 0.75, 1]
    .map((f) => {
      const t = t0 + f * (t1 - t0);
      const label = new Date(t / 1000).toISOString().slice(f === 0 ? 0 : 11, 19).replace('T', ' ');
      return `<text x="${x(t)}" y="${M.top + PH + 16}" text-anchor="${f === 0 ? 'start' : f === 1 ? 'end' : 'middle'}" class="tick">${esc(label)}</text>`;
    })
    .join('\n');
  const zero = lo < 0 && hi > 0 ? `<line x1="${M.left}" x2="${M.left + PW}" y1="${y(0)}" y2="${y(0)}" stroke="#666"/>` : '';
  const lines = runs.map((pts) => `<polyline points="${pts}" fill="none" stroke="${CHART_COLORS[0]}" stroke-width="1"/>`).join('\n');
  const marker =
    c.markerUs != null && c.markerUs > t0 && c.markerUs < t1
      ? `<line x1="${x(c.markerUs)}" x2="${x(c.markerUs)}" y1="${M.top}" y2="${M.top + PH}" stroke="#d62728" stroke-dasharray="4 3"/><text x="${x(c.markerUs) + 4}" y="${M.top + 12}" class="tick">${esc(c.markerLabel ?? '')}</text>`
      : '';
  return frame(c.title, `${yTicks}\n${zero}\n${lines}\n${marker}\n${xTicks}`, c.xLabel, c.yLabel, '');
}

export interface LogLogCurve {
  label: string;
  points: { tauS: number; valueNs: number | null }[];
}

export interface LogLogMask {
  label: string;
  pieces: readonly CurvePiece[];
}

/** MTIE or TDEV against τ on log-log axes, each mask's limit drawn dashed. Zero and missing values cannot sit on a log axis and are left out. */
export function logLogSvg(title: string, curves: LogLogCurve[], masks: LogLogMask[], xLabel: string, yLabel: string): string {
  const pts = curves.flatMap((c) => c.points.filter((p) => p.valueNs !== null && p.valueNs > 0 && p.tauS > 0)) as { tauS: number; valueNs: number }[];
  const maskPts = masks.flatMap((m) => m.pieces.flatMap((p) => [{ tauS: p.fromTauS, valueNs: p.limitNs[0] }, { tauS: p.toTauS, valueNs: p.limitNs[1] }]));
  const all = [...pts, ...maskPts];
  if (all.length === 0) return frame(title, `<text x="${M.left + PW / 2}" y="${M.top + PH / 2}" text-anchor="middle" class="axis">—</text>`, xLabel, yLabel, '');
  const xLo = Math.floor(Math.log10(Math.min(...all.map((p) => p.tauS))));
  const xHi = Math.max(xLo + 1, Math.ceil(Math.log10(Math.max(...all.map((p) => p.tauS)))));
  const yLo = Math.floor(Math.log10(Math.min(...all.map((p) => p.valueNs))));
  const yHi = Math.max(yLo + 1, Math.ceil(Math.log10(Math.max(...all.map((p) => p.valueNs)))));
  const x = (tau: number) => r1(M.left + ((Math.log10(tau) - xLo) / (xHi - xLo)) * PW);
  const y = (v: number) => r1(M.top + PH - ((Math.log10(v) - yLo) / (yHi - yLo)) * PH);
  const grid: string[] = [];
  for (let k = xLo; k <= xHi; k++) grid.push(`<line x1="${x(10 ** k)}" x2="${x(10 ** k)}" y1="${M.top}" y2="${M.top + PH}" class="grid"/><text x="${x(10 ** k)}" y="${M.top + PH + 16}" text-anchor="middle" class="tick">${esc(formatDecade(k, 's'))}</text>`);
  for (let k = yLo; k <= yHi; k++) grid.push(`<line x1="${M.left}" x2="${M.left + PW}" y1="${y(10 ** k)}" y2="${y(10 ** k)}" class="grid"/><text x="${M.left - 6}" y="${y(10 ** k) + 4}" text-anchor="end" class="tick">${esc(formatDecade(k, 'ns'))}</text>`);
  const body: string[] = [];
  const legend: { label: string; color: string; dash?: boolean }[] = [];
  curves.forEach((c, i) => {
    const color = CHART_COLORS[i % CHART_COLORS.length]!;
    const p = c.points.filter((q) => q.valueNs !== null && q.valueNs > 0) as { tauS: number; valueNs: number }[];
    body.push(`<polyline points="${p.map((q) => `${x(q.tauS)},${y(q.valueNs)}`).join(' ')}" fill="none" stroke="${color}" stroke-width="1.5"/>`);
    body.push(p.map((q) => `<circle cx="${x(q.tauS)}" cy="${y(q.valueNs)}" r="2" fill="${color}"/>`).join(''));
    legend.push({ label: c.label, color });
  });
  masks.forEach((m, i) => {
    const color = CHART_COLORS[(curves.length + i) % CHART_COLORS.length]!;
    for (const p of m.pieces) body.push(`<line x1="${x(p.fromTauS)}" y1="${y(p.limitNs[0])}" x2="${x(p.toTauS)}" y2="${y(p.limitNs[1])}" stroke="${color}" stroke-width="2" stroke-dasharray="5 3"/>`);
    legend.push({ label: m.label, color, dash: true });
  });
  return frame(title, `${grid.join('\n')}\n${body.join('\n')}`, xLabel, yLabel, legendOf(legend));
}

function formatDecade(k: number, unit: string): string {
  const v = 10 ** k;
  return `${k < 0 ? v.toFixed(-k) : String(v)} ${unit}`;
}

export function formatNumber(v: number): string {
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e6 || a < 0.01)) return v.toExponential(2);
  return String(Math.round(v * 100) / 100);
}
