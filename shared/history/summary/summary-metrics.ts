import type { MetricKey } from '../../series/metric-catalog';

/**
 * Which metrics a summary reads for each role, in order of preference: the first offset metric with
 * data is the instance's primary offset (its gaps are the instance's gaps, and the timing analysis
 * reads it). pmc's CURRENT_DATA_SET comes first; imported logs carry the servo's own lines.
 */
export const SUMMARY_ROLES = {
  offset: ['ptp.offset_from_master', 'ptp.servo_offset', 'ptp.master_offset', 'phc2sys.offset', 'ts2phc.offset'],
  pathDelay: ['ptp.mean_path_delay', 'ptp.servo_path_delay', 'ptp.summary_path_delay', 'phc2sys.delay'],
  frequency: ['ptp.freq', 'ptp.rate_offset', 'phc2sys.freq', 'ts2phc.freq'],
} as const satisfies Record<string, readonly MetricKey[]>;

export type SummaryRole = keyof typeof SUMMARY_ROLES;

const ROLE_OF = new Map<string, SummaryRole>(Object.entries(SUMMARY_ROLES).flatMap(([role, keys]) => keys.map((k) => [k, role as SummaryRole] as const)));

export function summaryRoleOf(metric: string): SummaryRole | undefined {
  return ROLE_OF.get(metric);
}

/** Rank of a metric within its role (lower is preferred). */
export function rolePreference(metric: string): number {
  const role = ROLE_OF.get(metric);
  return role ? (SUMMARY_ROLES[role] as readonly string[]).indexOf(metric) : Number.POSITIVE_INFINITY;
}
