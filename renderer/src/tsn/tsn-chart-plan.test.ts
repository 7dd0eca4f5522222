import { describe, expect, it } from 'vitest';
import type { SeriesInfo } from '../../../shared/series/series-query';
import { planTsnCharts } from './tsn-chart-plan';

const s = (id: number, metric: SeriesInfo['metric'], labels: Record<string, string>): SeriesInfo => ({ id, deviceId: 'd', instance: '', metric, labels, lastTUs: null });

describe('the TSN tab\'s chart plan', () => {
  it('draws per interface a chart per figure, a line per qdisc, class or queue, in natural order', () => {
    const plans = planTsnCharts([
      s(1, 'tsn.qdisc.bit_rate', { interface: 'tsn0', handle: '1:', parent: 'root', kind: 'htb' }),
      s(2, 'tsn.qdisc.bit_rate', { interface: 'tsn0', handle: '10:', parent: '1:10', kind: 'tbf' }),
      s(3, 'tsn.qdisc.backlog', { interface: 'tsn0', handle: '1:', parent: 'root', kind: 'htb' }),
      s(4, 'tsn.queue.packet_rate', { interface: 'eth10', queue: '10', direction: 'tx' }),
      s(5, 'tsn.queue.packet_rate', { interface: 'eth10', queue: '2', direction: 'tx' }),
      s(6, 'tsn.qdisc.bytes', { interface: 'tsn0', handle: '1:', parent: 'root', kind: 'htb' }),
      s(7, 'ptp.offset_from_master', {}),
      s(8, 'tsn.class.drop_rate', { interface: 'eth2', class: '1:10', parent: '1:', kind: 'htb' }),
    ]);
    expect(plans.map((p) => [p.id, p.series.map((x) => x.legend)])).toEqual([
      ['eth2/class/dropRate', ['htb 1:10']],
      ['eth10/queue/packetRate', ['tx 2', 'tx 10']],
      ['tsn0/qdisc/bitRate', ['htb 1:', 'tbf 10:']],
      ['tsn0/qdisc/backlog', ['htb 1:']],
    ]);
  });

  it('draws nothing for a device without TSN series', () => {
    expect(planTsnCharts([s(1, 'ptp.offset_from_master', {})])).toEqual([]);
  });
});
