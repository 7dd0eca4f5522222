import type { MetricDef } from './metric-def';

/** PTP metrics: ptp4l's data sets (pmc) and log lines, phc2sys and ts2phc. */
export const PTP_METRICS = {
  'ptp.offset_from_master': {
    unit: 'ns',
    help: 'Offset of the clock from its master (CURRENT_DATA_SET offsetFromMaster).',
    source: 'pmc CURRENT_DATA_SET',
    kind: 'gauge',
    labels: [],
    prometheus: { name: 'syncscope_ptp_offset_from_master_seconds', scale: 1e-9 },
  },
  'ptp.master_offset': {
    unit: 'ns',
    help: 'Last master offset measured by the servo (TIME_STATUS_NP master_offset).',
    source: 'pmc TIME_STATUS_NP',
    kind: 'gauge',
    labels: [],
    prometheus: { name: 'syncscope_ptp_master_offset_seconds', scale: 1e-9 },
  },
  'ptp.mean_path_delay': {
    unit: 'ns',
    help: 'Mean path delay to the master (CURRENT_DATA_SET meanPathDelay).',
    source: 'pmc CURRENT_DATA_SET',
    kind: 'gauge',
    labels: [],
    prometheus: { name: 'syncscope_ptp_mean_path_delay_seconds', scale: 1e-9 },
  },
  'ptp.steps_removed': {
    unit: 'count',
    help: 'Boundary clocks between this clock and the grandmaster (CURRENT_DATA_SET stepsRemoved).',
    source: 'pmc CURRENT_DATA_SET',
    kind: 'gauge',
    labels: [],
    prometheus: { name: 'syncscope_ptp_steps_removed', scale: 1 },
  },
  'ptp.port_state': {
    unit: 'code',
    help: "Port state as linuxptp's enum port_state (1 INITIALIZING … 9 SLAVE, 10 GRAND_MASTER).",
    source: 'pmc PORT_DATA_SET',
    kind: 'gauge',
    labels: ['port'],
    prometheus: { name: 'syncscope_ptp_port_state', scale: 1 },
  },
  'ptp.gm_clock_class': {
    unit: 'code',
    help: "The grandmaster's clock class (PARENT_DATA_SET gm.ClockClass).",
    source: 'pmc PARENT_DATA_SET',
    kind: 'gauge',
    labels: [],
    prometheus: { name: 'syncscope_ptp_grandmaster_clock_class', scale: 1 },
  },
} as const satisfies Record<string, MetricDef>;
