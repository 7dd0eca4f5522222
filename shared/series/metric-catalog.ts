import { PTP_METRICS } from './catalog-ptp';
import { SERVO_METRICS } from './catalog-servo';
import { SYSTEM_METRICS } from './catalog-system';
import { TSN_METRICS } from './catalog-tsn';
import type { MetricDef } from './metric-def';

/**
 * The one metric catalog. Each capability keeps its metrics in its own `catalog-<capability>.ts`
 * (PTP now; TSN and device system metrics later) and they are joined here.
 */
export const METRICS = {
  ...PTP_METRICS,
  ...SERVO_METRICS,
  ...TSN_METRICS,
  ...SYSTEM_METRICS,
} as const satisfies Record<string, MetricDef>;

export type MetricKey = keyof typeof METRICS;

export function isMetricKey(key: string): key is MetricKey {
  return Object.hasOwn(METRICS, key);
}
