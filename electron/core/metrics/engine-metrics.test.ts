import { describe, expect, it } from 'vitest';
import { POINT_FLAGS, type Reading } from '../../../shared/series/series';
import { EngineMetrics } from './engine-metrics';

const SYSTEM_METRIC = 'system.cpu_busy' as const;

const reading = (over: Partial<Reading> = {}): Reading => ({
  deviceId: 'd',
  instance: 'ptp4l',
  tUs: 1_700_000_000_000_000,
  deviceTimeNs: null,
  values: [
    { metric: 'ptp.offset_from_master', value: -12 },
    { metric: 'ptp.mean_path_delay', value: 1500 },
    { metric: 'ptp.port_state', labels: { port: '1' }, value: 9 },
  ],
  ...over,
});

describe('EngineMetrics from the metric catalog', () => {
  it('exports each catalog value under its Prometheus name and scale, labelled by device, instance and the metric\'s own labels', async () => {
    const m = new EngineMetrics({ processMetrics: false });
    m.recordReadings('s1', [reading(), reading({ instance: 'eth1', values: [{ metric: 'ptp.port_state', labels: { port: '2' }, value: 6 }] })]);
    const text = await m.registry.metrics();
    expect(text).toMatch(/^syncscope_ptp_offset_from_master_seconds\{device="s1",instance_name="ptp4l"\} -1\.2e-8$/m);
    expect(text).toMatch(/^syncscope_ptp_mean_path_delay_seconds\{device="s1",instance_name="ptp4l"\} 0\.0000015$/m);
    expect(text).toMatch(/^syncscope_ptp_port_state\{device="s1",instance_name="ptp4l",port="1"\} 9$/m);
    expect(text).toMatch(/^syncscope_ptp_port_state\{device="s1",instance_name="eth1",port="2"\} 6$/m);
    expect(text).toMatch(/^# HELP syncscope_ptp_offset_from_master_seconds Offset of the clock from its master/m);
    expect(text).toMatch(/^syncscope_ptp_last_sample_timestamp_seconds\{device="s1"\} 1700000000$/m);
  });

  it('exports only current values: a gap, a stale or a sentinel value takes the series away', async () => {
    const m = new EngineMetrics({ processMetrics: false });
    m.recordReadings('s1', [reading()]);
    m.recordReadings('s1', [reading({ values: [{ metric: 'ptp.offset_from_master', value: null }, { metric: 'ptp.mean_path_delay', value: 1500, flags: POINT_FLAGS.stale }, { metric: 'ptp.port_state', labels: { port: '1' }, value: 8, flags: POINT_FLAGS.transient }] })]);
    const text = await m.registry.metrics();
    expect(text).not.toMatch(/^syncscope_ptp_offset_from_master_seconds\{/m);
    expect(text).not.toMatch(/^syncscope_ptp_mean_path_delay_seconds\{/m);
    expect(text).toMatch(/^syncscope_ptp_port_state\{device="s1",instance_name="ptp4l",port="1"\} 8$/m);
  });

  it('moves the last-sample time only for readings that measured something', async () => {
    const m = new EngineMetrics({ processMetrics: false });
    const gaps = reading({ values: [{ metric: 'ptp.offset_from_master', value: null, flags: POINT_FLAGS.stale }, { metric: 'ptp.mean_path_delay', value: 0, flags: POINT_FLAGS.stale }] });
    m.recordReadings('never', [gaps]);
    // A device whose ptp4l does not answer still gives its load and TSN counters: no PTP sample time for those.
    m.recordReadings('never', [reading({ instance: 'system', values: [{ metric: SYSTEM_METRIC, value: 0.5 }] })]);
    expect(await m.registry.metrics()).not.toMatch(/^syncscope_ptp_last_sample_timestamp_seconds\{device="never"\}/m);
    m.recordReadings('s1', [reading()]);
    m.recordReadings('s1', [{ ...gaps, tUs: 1_700_000_100_000_000 }]);
    expect(await m.registry.metrics()).toMatch(/^syncscope_ptp_last_sample_timestamp_seconds\{device="s1"\} 1700000000$/m);
  });

  it('after a failed poll, drops the last measurements, counts the failure and says the device is down', async () => {
    const m = new EngineMetrics({ processMetrics: false });
    m.recordReadings('s1', [reading()]);
    m.setUp('s1', true);
    m.recordFailure('s1', 'device-output');
    const text = await m.registry.metrics();
    expect(text).not.toMatch(/^syncscope_ptp_(offset_from_master|mean_path_delay)_seconds\{device="s1"/m);
    expect(text).not.toMatch(/^syncscope_ptp_port_state\{device="s1"/m);
    expect(text).toMatch(/^syncscope_device_up\{device="s1"\} 0$/m);
    expect(text).toMatch(/^syncscope_poll_errors_total\{device="s1",code="device-output"\} 1$/m);
    m.setUp('s1', true);
    expect(await m.registry.metrics()).toMatch(/^syncscope_device_up\{device="s1"\} 1$/m);
  });

  it('forgets every series of a removed or renamed device', async () => {
    const m = new EngineMetrics({ processMetrics: false });
    m.recordReadings('old-name', [reading()]);
    m.setUp('old-name', true);
    m.recordFailure('old-name', 'ssh-auth');
    m.recordReadings('other', [reading()]);
    m.forget('old-name');
    const text = await m.registry.metrics();
    expect(text).not.toContain('old-name');
    expect(text).toContain('device="other"');
  });
});
