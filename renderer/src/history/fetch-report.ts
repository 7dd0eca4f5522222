import type { EngineClient } from '../../../shared/contract';
import type { TimingMask } from '../../../shared/history/analysis/timing-masks';
import { resolveMasks, type MaskSpec } from '../../../shared/history/report/mask-choice';
import { buildReport, type ReportDevice, type ReportSource, type SummaryReport } from '../../../shared/history/report/report-model';
import type { TimingView } from '../../../shared/history/report/timing-view';

export interface ReportRequest {
  sessionId?: string;
  source: ReportSource;
  deviceIds: readonly string[];
  fromMs: number;
  toMs: number;
  masks: readonly MaskSpec[];
  /** Called before each device is analysed (its name), for a progress line. */
  onDevice?(name: string): void;
}

/**
 * The summary report from the contract's answers: each device's summary, then the timing analysis of
 * each instance that has an offset series, assembled by shared/history/report (the same model the
 * CLI's `syncscope report` writes). Returns the user masks too: the HTML page draws them.
 */
export async function fetchReport(client: EngineClient, r: ReportRequest): Promise<{ report: SummaryReport; userMasks: TimingMask[] }> {
  const at = r.sessionId ? { sessionId: r.sessionId } : {};
  const masks = resolveMasks(r.masks);
  const summaries = await client.call('history.summary', { ...at, deviceIds: [...r.deviceIds], fromMs: r.fromMs, toMs: r.toMs });
  const devices: ReportDevice[] = [];
  for (const summary of summaries) {
    r.onDevice?.(summary.name);
    const timing: TimingView[] = [];
    for (const inst of summary.instances) {
      if (inst.offset.length === 0) continue;
      timing.push(await client.call('history.timing', { ...at, deviceId: summary.deviceId, instance: inst.instance, fromMs: r.fromMs, toMs: r.toMs, masks: [...r.masks] }));
    }
    devices.push({ summary, timing });
  }
  const report = buildReport({ source: r.source, fromMs: r.fromMs, toMs: r.toMs, masks: masks.map((m) => m.id), gateMasks: null, devices, nowMs: Date.now() });
  return { report, userMasks: r.masks.filter((m): m is TimingMask => typeof m !== 'string') };
}
