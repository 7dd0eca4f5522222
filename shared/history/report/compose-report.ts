import { STANDARD_TIMING_MASKS, type TimingMask } from '../analysis/timing-masks';
import type { DeviceSummary } from '../summary/summary-types';
import { buildReport, type ReportDevice, type ReportSource, type SummaryReport } from './report-model';
import type { MaskSpec } from './mask-choice';
import type { TimingView } from './timing-view';

/** How a report reads history: the contract's history.summary and history.timing, over a connection or in the engine. */
export interface ReportReads {
  summary(deviceIds: string[], fromMs: number, toMs: number): Promise<DeviceSummary[]>;
  timing(q: { deviceId: string; seriesId: number; fromMs: number; toMs: number; excludeBeforeMs?: number; masks: MaskSpec[] }): Promise<TimingView>;
}

export interface ReportRequest {
  source: ReportSource;
  deviceIds: string[];
  fromMs: number;
  toMs: number;
  /** The masks judged and drawn (standard ones go by id, user masks in full). */
  masks: readonly TimingMask[];
  /** Mask ids the report's gate verdict is over; none: no gate. */
  gate: readonly string[];
  excludeBeforeMs?: number | undefined;
  nowMs: number;
}

/** A summary report: the devices side by side, then the timing analysis of each instance's primary offset series. */
export async function composeReport(reads: ReportReads, r: ReportRequest): Promise<SummaryReport> {
  const masks: MaskSpec[] = r.masks.map((m) => (STANDARD_TIMING_MASKS.includes(m) ? m.id : m));
  const devices: ReportDevice[] = [];
  for (const summary of await reads.summary(r.deviceIds, r.fromMs, r.toMs)) {
    const timing: TimingView[] = [];
    for (const inst of summary.instances) {
      const primary = inst.offset[0];
      if (!primary) continue;
      timing.push(
        await reads.timing({ deviceId: summary.deviceId, seriesId: primary.seriesId, fromMs: r.fromMs, toMs: r.toMs, ...(r.excludeBeforeMs !== undefined ? { excludeBeforeMs: r.excludeBeforeMs } : {}), masks }),
      );
    }
    devices.push({ summary, timing });
  }
  return buildReport({ source: r.source, fromMs: r.fromMs, toMs: r.toMs, masks: r.masks.map((m) => m.id), gateMasks: r.gate.length ? [...r.gate] : null, devices, nowMs: r.nowMs });
}
