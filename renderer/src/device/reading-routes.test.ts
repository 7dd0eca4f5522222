import { describe, expect, it } from 'vitest';
import { POINT_FLAGS, type Reading } from '../../../shared/series/series';
import { planCharts, seriesKey } from './chart-plan';
import { newChartedSeries, routeReadings, slotsOf } from './reading-routes';

// A reading as the kept-open pmc source emits it for ss-s1 (values from the lab), and a log line's.
const pmc: Reading = {
  deviceId: 'd1',
  instance: 'ptp4l',
  tUs: 1_795_577_836_794_527,
  deviceTimeNs: '1795577836794527632',
  values: [
    { metric: 'ptp.offset_from_master', value: -6669 },
    { metric: 'ptp.master_offset', value: -6669 },
    { metric: 'ptp.mean_path_delay', value: 16431 },
    { metric: 'ptp.rate_offset', value: 0 },
  ],
};
const log: Reading = {
  deviceId: 'd1',
  instance: 'ptp4l',
  tUs: 1_795_577_837_000_000,
  deviceTimeNs: null,
  values: [
    { metric: 'ptp.servo_offset', value: -3365 },
    { metric: 'ptp.freq', value: -380, flags: POINT_FLAGS.step },
    { metric: 'ptp.servo_path_delay', value: 11878 },
    { metric: 'ptp.servo_state', value: 0 },
  ],
};

describe('routing live readings to charts', () => {
  it('puts each charted value in its chart and column, and skips what no chart shows', () => {
    const slots = slotsOf(planCharts(['ptp4l'], []));
    const got: string[] = [];
    routeReadings([pmc, log], slots, (slot, tUs, value, flags) => got.push(`${slot.chartId}#${slot.index}@${tUs}=${value}/${flags ?? 0}`));
    expect(got).toEqual([
      `ptp4l/ptp4l/offset#0@${pmc.tUs}=-6669/0`,
      `ptp4l/ptp4l/delay#0@${pmc.tUs}=16431/0`,
      `ptp4l/ptp4l/frequency#0@${pmc.tUs}=0/0`,
    ]);
  });

  it('names the charted series a reading brings that the page does not know yet', () => {
    const known = new Set(planCharts(['ptp4l'], []).flatMap((p) => p.series.map((s) => s.key)));
    const fresh = newChartedSeries([pmc, log, log], known);
    expect(fresh.map((s) => s.metric)).toEqual(['ptp.servo_offset', 'ptp.freq', 'ptp.servo_path_delay']);
    const slots = slotsOf(planCharts(['ptp4l'], fresh));
    expect(slots.get(seriesKey('ptp4l', 'ptp.freq', {}))).toEqual({ chartId: 'ptp4l/ptp4l/frequency', index: 0 });
    expect(slots.get(seriesKey('ptp4l', 'ptp.rate_offset', {}))).toEqual({ chartId: 'ptp4l/ptp4l/frequency', index: 1 });
  });
});
