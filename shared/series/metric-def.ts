/**
 * One metric of the catalog: every number Syncscope collects is a series of one of these, and the
 * store, /metrics, charts and alarms all read this one definition (linuxptp's config_tab, for numbers).
 */
export type MetricUnit = 'ns' | 'ppb' | 's' | 'count' | 'code' | 'bool' | 'ratio' | 'bytes' | 'bit/s' | '1/s';

export interface MetricDef {
  unit: MetricUnit;
  /** One sentence for people (chart legends, /metrics HELP). */
  help: string;
  /** Where the number comes from, e.g. `pmc CURRENT_DATA_SET offsetFromMaster`, `ptp4l log`. */
  source: string;
  /** gauge: a value now; counter: only grows until the device resets it. */
  kind: 'gauge' | 'counter';
  /** Label names a series of this metric carries besides device and instance (e.g. `port`, `clock`). */
  labels: readonly string[];
  /** How /metrics exports it (Prometheus wants base units: ns × 1e-9 → seconds), or null if it is not exported. */
  prometheus: { name: string; scale: number } | null;
}
