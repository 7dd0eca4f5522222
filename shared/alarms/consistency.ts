import type { ErrorValue } from '../domain/errors';
import { catalogError } from '../errors/catalog';
import type { AlarmRule } from './rule-schema';
import { scopeMatcher } from './scope';

/**
 * What a device's own settings say that a rule has to agree with. `pollIntervalMs` is the profile's;
 * the rest comes from the instance's ptp4l.conf / ts2phc.conf when it was read (config.read).
 */
export interface DeviceSettings {
  name: string;
  pollIntervalMs: number;
  /** ptp4l step_threshold, s (0: never step). */
  stepThresholdS?: number;
  /** ptp4l servo_offset_threshold, ns (0: off): below it for servo_num_offset_values samples the servo reports s3. */
  servoOffsetThresholdNs?: number;
  /** ts2phc holdover, s: how long the clock may hold over after its source is lost. */
  holdoverS?: number;
  /** Expected free-running drift in holdover, ppb (ns per s); default 0.1 (a good OCXO; a TCXO drifts 10–100×). */
  holdoverDriftPpb?: number;
}

/** One disagreement between a rule and a device's settings: a warning that says why (en + zh-CN through the error catalog). */
export interface ConsistencyWarning {
  ruleId: string;
  device: string;
  warning: ErrorValue;
}

const OFFSET_METRICS: ReadonlySet<string> = new Set(['ptp.offset_from_master', 'ptp.master_offset', 'ptp.servo_offset', 'ts2phc.offset', 'phc2sys.offset']);

/** Checks every enabled rule against every device it watches. */
export function checkConsistency(rules: readonly AlarmRule[], devices: readonly DeviceSettings[]): ConsistencyWarning[] {
  const out: ConsistencyWarning[] = [];
  for (const r of rules) {
    if (!r.enabled) continue;
    const inScope = scopeMatcher(r.scope);
    for (const d of devices) {
      if (!inScope(d.name)) continue;
      const warn = (id: Parameters<typeof catalogError>[0], params: Record<string, string | number>) => out.push({ ruleId: r.id, device: d.name, warning: catalogError(id, { rule: r.name, device: d.name, ...params }) });
      const pollS = d.pollIntervalMs / 1000;
      if (r.kind === 'threshold' && r.nOfM && r.nOfM.m * d.pollIntervalMs > 10 * 60_000) warn('alarms.warn-n-of-m-slow', { m: r.nOfM.m, poll: pollS, minutes: Math.round((r.nOfM.m * pollS) / 60) });
      if ((r.kind === 'threshold' || r.kind === 'state') && r.forMs > 0 && r.forMs < d.pollIntervalMs) warn('alarms.warn-for-below-poll', { forS: r.forMs / 1000, poll: pollS });
      if (r.kind === 'absence' && r.forMs < 2 * d.pollIntervalMs) warn('alarms.warn-absence-below-poll', { forS: r.forMs / 1000, poll: pollS });
      if (r.kind !== 'threshold' || !r.abs || r.op !== '>' || !OFFSET_METRICS.has(r.metric)) continue;
      if (d.stepThresholdS !== undefined && d.stepThresholdS > 0 && r.value > d.stepThresholdS * 1e9) warn('alarms.warn-above-step-threshold', { value: r.value, step: d.stepThresholdS });
      if (d.servoOffsetThresholdNs !== undefined && d.servoOffsetThresholdNs > 0 && r.value < d.servoOffsetThresholdNs) warn('alarms.warn-below-servo-threshold', { value: r.value, servo: d.servoOffsetThresholdNs });
      if (d.holdoverS !== undefined && d.holdoverS > 0) {
        const drift = d.holdoverDriftPpb ?? 0.1;
        const reachS = r.value / drift;
        if (reachS < d.holdoverS) warn('alarms.warn-ends-holdover-early', { value: r.value, drift, minutes: Math.round(reachS / 60), holdover: d.holdoverS, holdoverMinutes: Math.round(d.holdoverS / 60) });
      }
    }
  }
  return out;
}
