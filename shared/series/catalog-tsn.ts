import type { MetricDef } from './metric-def';

/**
 * TSN metrics: qdisc and class counters of `tc -s` (per interface and handle/classid), per-queue
 * counters of `ethtool -S` (normalized names), taprio's offload counters and the MAC merge layer.
 * Counters are exported to /metrics (Prometheus computes its own rates); the per-second rates
 * Syncscope computes across wraps and resets are kept as series for the charts, not exported.
 */
const QDISC = ['interface', 'handle', 'parent', 'kind'] as const;
const CLASS = ['interface', 'class', 'parent', 'kind'] as const;
const QUEUE = ['interface', 'queue', 'direction'] as const;

function counter(help: string, source: string, labels: readonly string[], name: string, unit: MetricDef['unit'] = 'count'): MetricDef {
  return { unit, help, source, kind: 'counter', labels, prometheus: { name, scale: 1 } };
}
function gauge(help: string, source: string, labels: readonly string[], name: string | null, unit: MetricDef['unit'] = 'count'): MetricDef {
  return { unit, help, source, kind: 'gauge', labels, prometheus: name ? { name, scale: 1 } : null };
}

const TC_Q = 'tc -s qdisc show';
const TC_C = 'tc -s class show';
const ETHTOOL = 'ethtool -S';

export const TSN_METRICS = {
  'tsn.qdisc.bytes': counter('Bytes the qdisc sent.', TC_Q, QDISC, 'syncscope_tsn_qdisc_sent_bytes_total', 'bytes'),
  'tsn.qdisc.packets': counter('Packets the qdisc sent.', TC_Q, QDISC, 'syncscope_tsn_qdisc_sent_packets_total'),
  'tsn.qdisc.drops': counter('Packets the qdisc dropped.', TC_Q, QDISC, 'syncscope_tsn_qdisc_drops_total'),
  'tsn.qdisc.overlimits': counter('Times the qdisc was over its limit (shaping delayed a packet).', TC_Q, QDISC, 'syncscope_tsn_qdisc_overlimits_total'),
  'tsn.qdisc.requeues': counter('Packets the qdisc requeued (the driver refused them for now).', TC_Q, QDISC, 'syncscope_tsn_qdisc_requeues_total'),
  'tsn.qdisc.backlog': gauge('Bytes waiting in the qdisc.', TC_Q, QDISC, 'syncscope_tsn_qdisc_backlog_bytes', 'bytes'),
  'tsn.qdisc.qlen': gauge('Packets waiting in the qdisc.', TC_Q, QDISC, 'syncscope_tsn_qdisc_queue_length'),
  'tsn.qdisc.window_drops': counter("Frames taprio's offload dropped because they did not fit their gate window.", `${TC_Q} (taprio xstats)`, QDISC, 'syncscope_tsn_taprio_window_drops_total'),
  'tsn.qdisc.tx_overruns': counter("Transmissions that overran taprio's gate window (offload).", `${TC_Q} (taprio xstats)`, QDISC, 'syncscope_tsn_taprio_tx_overruns_total'),
  'tsn.qdisc.bit_rate': gauge('Bits per second the qdisc sent (from its byte counter).', TC_Q, QDISC, null, 'bit/s'),
  'tsn.qdisc.packet_rate': gauge('Packets per second the qdisc sent.', TC_Q, QDISC, null, '1/s'),
  'tsn.qdisc.drop_rate': gauge('Packets per second the qdisc dropped.', TC_Q, QDISC, null, '1/s'),

  'tsn.class.bytes': counter('Bytes the class sent.', TC_C, CLASS, 'syncscope_tsn_class_sent_bytes_total', 'bytes'),
  'tsn.class.packets': counter('Packets the class sent.', TC_C, CLASS, 'syncscope_tsn_class_sent_packets_total'),
  'tsn.class.drops': counter('Packets dropped in the class.', TC_C, CLASS, 'syncscope_tsn_class_drops_total'),
  'tsn.class.overlimits': counter('Times the class was over its rate.', TC_C, CLASS, 'syncscope_tsn_class_overlimits_total'),
  'tsn.class.backlog': gauge('Bytes waiting in the class.', TC_C, CLASS, 'syncscope_tsn_class_backlog_bytes', 'bytes'),
  'tsn.class.qlen': gauge('Packets waiting in the class.', TC_C, CLASS, 'syncscope_tsn_class_queue_length'),
  'tsn.class.window_drops': counter("Frames of this traffic class taprio's offload dropped outside their gate window.", `${TC_C} (taprio xstats)`, CLASS, 'syncscope_tsn_taprio_class_window_drops_total'),
  'tsn.class.tx_overruns': counter("Transmissions of this traffic class that overran taprio's gate window.", `${TC_C} (taprio xstats)`, CLASS, 'syncscope_tsn_taprio_class_tx_overruns_total'),
  'tsn.class.bit_rate': gauge('Bits per second the class sent.', TC_C, CLASS, null, 'bit/s'),
  'tsn.class.drop_rate': gauge('Packets per second dropped in the class.', TC_C, CLASS, null, '1/s'),

  'tsn.queue.packets': counter('Packets through the hardware queue (driver counter, name normalized).', ETHTOOL, QUEUE, 'syncscope_tsn_queue_packets_total'),
  'tsn.queue.bytes': counter('Bytes through the hardware queue.', ETHTOOL, QUEUE, 'syncscope_tsn_queue_bytes_total', 'bytes'),
  'tsn.queue.drops': counter('Packets the hardware queue dropped.', ETHTOOL, QUEUE, 'syncscope_tsn_queue_drops_total'),
  'tsn.queue.window_drops': counter('Frames the queue dropped outside their gate window (enetc).', ETHTOOL, QUEUE, 'syncscope_tsn_queue_window_drops_total'),
  'tsn.queue.packet_rate': gauge('Packets per second through the hardware queue.', ETHTOOL, QUEUE, null, '1/s'),
  'tsn.queue.bit_rate': gauge('Bits per second through the hardware queue.', ETHTOOL, QUEUE, null, 'bit/s'),

  'tsn.mm.tx_active': gauge('Whether frame preemption is active on transmit (MAC merge TX active).', 'ethtool --show-mm', ['interface'], 'syncscope_tsn_mac_merge_tx_active', 'bool'),
  'tsn.mm.verified': gauge('Whether the MAC merge verification with the link partner succeeded.', 'ethtool --show-mm', ['interface'], 'syncscope_tsn_mac_merge_verified', 'bool'),
  'tsn.mm.counter': counter('MAC merge layer counters (aMACMergeFragCountTx … aMACMergeFrameAssErrorCount), by name.', 'ethtool --include-statistics --show-mm', ['interface', 'counter'], 'syncscope_tsn_mac_merge_total'),
} as const satisfies Record<string, MetricDef>;
