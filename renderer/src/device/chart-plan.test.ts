import { describe, expect, it } from 'vitest';
import { planCharts, planSignature, seriesKey, type SeriesRef } from './chart-plan';

describe('planCharts', () => {
  it('gives every configured ptp4l instance its offset, delay and frequency charts before any series exists', () => {
    const plans = planCharts(['ptp4l'], []);
    expect(plans.map((p) => p.id)).toEqual(['ptp4l/ptp4l/offset', 'ptp4l/ptp4l/delay', 'ptp4l/ptp4l/frequency']);
    expect(plans.map((p) => p.series.map((s) => s.metric))).toEqual([['ptp.offset_from_master'], ['ptp.mean_path_delay'], ['ptp.rate_offset']]);
    expect(plans.map((p) => p.unit)).toEqual(['ns', 'ns', 'ppb']);
  });

  it('adds the logged servo series to the ptp4l charts and gives each clock phc2sys and ts2phc steer its own charts', () => {
    const known: SeriesRef[] = [
      { instance: 'bc@eth1', metric: 'ptp.freq' as const, labels: {} },
      { instance: 'bc@eth1', metric: 'ptp.servo_offset' as const, labels: {} },
      { instance: 'bc@eth1', metric: 'phc2sys.offset' as const, labels: { clock: 'CLOCK_REALTIME', source: 'eth1' } },
      { instance: 'bc@eth1', metric: 'phc2sys.freq' as const, labels: { clock: 'CLOCK_REALTIME' } },
      { instance: 'bc@eth1', metric: 'ts2phc.offset' as const, labels: { clock: '/dev/ptp1' } },
      { instance: 'bc@eth1', metric: 'ptp.port_messages' as const, labels: { port: '1', counter: 'rx_Sync' } },
    ];
    const plans = planCharts(['bc@eth1'], known);
    expect(plans.map((p) => p.id)).toEqual([
      'bc@eth1/ptp4l/offset',
      'bc@eth1/ptp4l/delay',
      'bc@eth1/ptp4l/frequency',
      'bc@eth1/phc2sys:CLOCK_REALTIME/offset',
      'bc@eth1/phc2sys:CLOCK_REALTIME/frequency',
      'bc@eth1/ts2phc:/dev/ptp1/offset',
    ]);
    expect(plans[0]!.series.map((s) => s.metric)).toEqual(['ptp.offset_from_master', 'ptp.servo_offset']);
    expect(plans[2]!.series.map((s) => s.metric)).toEqual(['ptp.freq', 'ptp.rate_offset']);
    expect(plans[3]!.series[0]!.key).toBe(seriesKey('bc@eth1', 'phc2sys.offset', { source: 'eth1', clock: 'CLOCK_REALTIME' }));
    expect(plans[5]!.clock).toBe('/dev/ptp1');
  });

  it('keeps the instances of a boundary clock apart, configured ones first, then those only series name', () => {
    const known = [{ instance: 'eth9', metric: 'ptp.offset_from_master' as const, labels: {} }];
    const plans = planCharts(['eth0', 'eth1'], known);
    expect([...new Set(plans.map((p) => p.instance))]).toEqual(['eth0', 'eth1', 'eth9']);
    expect(planSignature(plans)).not.toBe(planSignature(planCharts(['eth0', 'eth1'], [])));
  });
});
