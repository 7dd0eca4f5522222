import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import { checkMask } from '../../../shared/history/analysis/mask-check';
import { analyzeTimeError } from '../../../shared/history/analysis/time-error-analysis';
import { resolveMasks, type MaskSpec } from '../../../shared/history/report/mask-choice';
import { analysisView, maskResultView, type TimingView } from '../../../shared/history/report/timing-view';
import { isCleanMeasurement } from '../../../shared/history/summary/clean-measurement';
import { rolePreference, summaryRoleOf } from '../../../shared/history/summary/summary-metrics';
import { downsampleMinMax } from '../../../shared/series/downsample';
import { canonicalLabels, type Labels } from '../../../shared/series/series';
import type { SeriesInfo } from '../../../shared/series/series-query';
import { historyDevice, type HistoryReader } from './history-reader';
import { pointPages } from './history-pages';
import { yieldTurn } from './yield-turn';

export interface TimingRequest {
  deviceId: string;
  /** One series: by id, or by instance/metric/labels; neither picks the device's primary offset series. */
  seriesId?: number | undefined;
  instance?: string | undefined;
  metric?: string | undefined;
  labels?: Labels | undefined;
  fromMs: number;
  toMs: number;
  /** The initial transient marker: samples before it are left out. */
  excludeBeforeMs?: number | undefined;
  masks: readonly MaskSpec[];
  cteWindowS?: number | undefined;
  maxTauS?: number | undefined;
  overviewPoints: number;
}

/** The series a request names; with no metric, the preferred offset metric that has points (shared/history/summary/summary-metrics). */
export function timingSeries(all: readonly SeriesInfo[], r: Pick<TimingRequest, 'seriesId' | 'instance' | 'metric' | 'labels'>): SeriesInfo | undefined {
  if (r.seriesId !== undefined) return all.find((s) => s.id === r.seriesId);
  const labels = r.labels ? canonicalLabels(r.labels) : null;
  const candidates = all.filter(
    (s) =>
      (r.instance === undefined || s.instance === r.instance) &&
      (r.metric === undefined ? summaryRoleOf(s.metric) === 'offset' && s.lastTUs !== null : s.metric === r.metric) &&
      (labels === null || canonicalLabels(s.labels) === labels),
  );
  return candidates.sort((a, b) => rolePreference(a.metric) - rolePreference(b.metric) || a.instance.localeCompare(b.instance) || a.id - b.id)[0];
}

/**
 * The timing-quality analysis of one stored TE series over a window (G.8260/G.8273.2 metrics, masks
 * judged), read page by page; only clean measurements enter it (a gap, stale, sentinel, transient or
 * step point is a gap to the analysis, which never bridges one). The read yields between pages; the
 * analysis itself runs in one go (~0.35 s for a day of 8 Hz, see its README).
 */
export async function analyzeStoredTiming(reader: HistoryReader, r: TimingRequest): Promise<TimingView> {
  const masks = resolveMasks(r.masks);
  const device = historyDevice(reader, r.deviceId);
  const series = timingSeries(reader.listSeries(device.id), r);
  if (!series) throw new SyncscopeError(catalogError('history.no-series', { device: device.name, what: r.metric ?? 'time-error (offset) series' }));
  const tUs: number[] = [];
  const teNs: (number | null)[] = [];
  for (const page of pointPages(reader, series.id, r.fromMs * 1000, r.toMs * 1000)) {
    for (let i = 0; i < page.tUs.length; i++) {
      const v = page.value[i] ?? null;
      tUs.push(page.tUs[i]!);
      teNs.push(isCleanMeasurement(v, page.flags[i]) ? v : null);
    }
    await yieldTurn();
  }
  const analysis = analyzeTimeError(
    { tUs, teNs },
    {
      ...(r.excludeBeforeMs !== undefined ? { excludeBeforeUs: r.excludeBeforeMs * 1000 } : {}),
      ...(r.cteWindowS !== undefined ? { cteWindowS: r.cteWindowS } : {}),
      ...(r.maxTauS !== undefined ? { maxTauS: r.maxTauS } : {}),
    },
  );
  const overview = downsampleMinMax({ tUs, value: teNs, flags: new Array<number>(tUs.length).fill(0) }, r.fromMs * 1000, r.toMs * 1000, r.overviewPoints);
  return {
    deviceId: device.id,
    series,
    fromMs: r.fromMs,
    toMs: r.toMs,
    excludeBeforeMs: r.excludeBeforeMs ?? null,
    analysis: analysisView(analysis),
    masks: masks.map((m) => maskResultView(checkMask(analysis, m), m.source)),
    overview: { tUs: overview.tUs, teNs: overview.value },
  };
}
