import { checkMask } from '../analysis/mask-check';
import { analyzeTimeError } from '../analysis/time-error-analysis';
import { G8273_2_CLASS_C, type TimingMask } from '../analysis/timing-masks';
import { evenSeries } from '../analysis/test-series';
import { DeviceSummaryBuilder } from '../summary/device-summary';
import { downsampleMinMax } from '../../series/downsample';
import { buildReport, type SummaryReport } from './report-model';
import { analysisView, maskResultView } from './timing-view';

/**
 * A report built from known data through the real summary and analysis (for report tests): one
 * device, an hour of 1 Hz TE of ±`amplitudeNs` (a sine with a 200 s period), judged against class C
 * and any extra masks.
 */
export function knownReport(o: { name: string; amplitudeNs: number; masks?: TimingMask[]; gate?: string[] }): SummaryReport {
  const t0Ms = Date.UTC(2026, 10, 20, 12);
  const { tUs, teNs } = evenSeries(3600, 1, (i) => Math.round(o.amplitudeNs * Math.sin((2 * Math.PI * i) / 200)), t0Ms * 1000);
  const b = new DeviceSummaryBuilder({ deviceId: 'd1', name: o.name, fromMs: t0Ms, toMs: t0Ms + 3_600_000 });
  b.addSeries({ id: 7, instance: 'ptp4l', metric: 'ptp.offset_from_master', labels: {} })({ tUs: Array.from(tUs), value: teNs, flags: teNs.map(() => 0) });
  b.addEvents([{ deviceId: 'd1', instance: 'ptp4l', kind: 'port-state', from: null, to: 'SLAVE', detail: { port: 1 }, tMs: t0Ms }]);
  const summary = b.finish();
  const analysis = analyzeTimeError({ tUs, teNs });
  const masks = [G8273_2_CLASS_C, ...(o.masks ?? [])];
  const overview = downsampleMinMax({ tUs: Array.from(tUs), value: teNs, flags: teNs.map(() => 0) }, t0Ms * 1000, (t0Ms + 3_600_000) * 1000, 600);
  const timing = {
    deviceId: 'd1',
    series: { id: 7, deviceId: 'd1', instance: 'ptp4l', metric: 'ptp.offset_from_master' as const, labels: {}, lastTUs: tUs[tUs.length - 1]! },
    fromMs: t0Ms,
    toMs: t0Ms + 3_600_000,
    excludeBeforeMs: t0Ms + 60_000,
    analysis: analysisView(analysis),
    masks: masks.map((m) => maskResultView(checkMask(analysis, m), m.source)),
    overview: { tUs: overview.tUs, teNs: overview.value },
  };
  return buildReport({ source: { kind: 'live' }, fromMs: t0Ms, toMs: t0Ms + 3_600_000, masks: masks.map((m) => m.id), gateMasks: o.gate ?? null, devices: [{ summary, timing: [timing] }], nowMs: t0Ms + 3_700_000 });
}
