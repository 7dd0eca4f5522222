import type { MaskVerdict } from '../analysis/mask-check';
import type { DeviceSummary } from '../summary/summary-types';
import type { TimingView } from './timing-view';

/** Where the report's history came from. */
export type ReportSource = { kind: 'live' } | { kind: 'session'; id: string; name: string };

export interface ReportDevice {
  summary: DeviceSummary;
  /** The timing analysis of each instance's primary offset series (instances without one have none). */
  timing: TimingView[];
}

export interface ReportGate {
  /** The masks the run is gated on (`--mask`). */
  masks: string[];
  /** fail if any analysis fails any of them; incomplete if none fails but one could not be judged; else pass. */
  verdict: MaskVerdict;
}

/** A summary report as JSON (`syncscope report --json`, scheduled reports): what the HTML page shows, as data. */
export interface SummaryReport {
  format: 'syncscope-report';
  version: 1;
  generatedAtMs: number;
  source: ReportSource;
  fromMs: number;
  toMs: number;
  /** Masks judged and drawn (ids). */
  masks: string[];
  gate: ReportGate | null;
  devices: ReportDevice[];
}

/** The verdict of a set of masks over every analysis in the report. */
export function gateVerdict(devices: readonly ReportDevice[], maskIds: readonly string[]): MaskVerdict {
  const verdicts = devices.flatMap((d) => d.timing.flatMap((t) => t.masks.filter((m) => maskIds.includes(m.maskId)).map((m) => m.verdict)));
  if (verdicts.includes('fail')) return 'fail';
  if (verdicts.length === 0 || verdicts.includes('incomplete')) return 'incomplete';
  return 'pass';
}

export function buildReport(o: { source: ReportSource; fromMs: number; toMs: number; masks: string[]; gateMasks: string[] | null; devices: ReportDevice[]; nowMs: number }): SummaryReport {
  return {
    format: 'syncscope-report',
    version: 1,
    generatedAtMs: o.nowMs,
    source: o.source,
    fromMs: o.fromMs,
    toMs: o.toMs,
    masks: o.masks,
    gate: o.gateMasks && o.gateMasks.length > 0 ? { masks: o.gateMasks, verdict: gateVerdict(o.devices, o.gateMasks) } : null,
    devices: o.devices,
  };
}
