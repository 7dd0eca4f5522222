import { describe, expect, it } from 'vitest';
import type { PtpSample } from '../../../shared/domain/ptp';
import { EngineMetrics } from './engine-metrics';

const sample: PtpSample = { deviceId: 'd', tMs: 1_700_000_000_000, masterOffsetNs: -12, offsetFromMasterNs: -12, meanPathDelayNs: 1500, stepsRemoved: 1, gmPresent: true, gmIdentity: '025353.fffe.00000a', portState: 'SLAVE', ports: [] };

describe('EngineMetrics', () => {
  it('exports the port state as linuxptp numbers it (enum port_state), not as an array index', async () => {
    const m = new EngineMetrics({ processMetrics: false });
    m.recordSample('s1', sample);
    expect(await m.registry.metrics()).toMatch(/^syncscope_ptp_port_state\{device="s1"\} 9$/m);
    m.recordSample('s1', { ...sample, portState: 'UNCALIBRATED' });
    expect(await m.registry.metrics()).toMatch(/^syncscope_ptp_port_state\{device="s1"\} 8$/m);
  });

  it('after a failed poll, drops the last measurement, counts the failure and says the device is down', async () => {
    const m = new EngineMetrics({ processMetrics: false });
    m.recordSample('s1', sample);
    m.recordFailure('s1', 'device-output');
    const text = await m.registry.metrics();
    expect(text).not.toMatch(/^syncscope_ptp_(offset_from_master|master_offset|mean_path_delay)_seconds\{device="s1"\}/m);
    expect(text).not.toMatch(/^syncscope_ptp_port_state\{device="s1"\}/m);
    expect(text).toMatch(/^syncscope_device_up\{device="s1"\} 0$/m);
    expect(text).toMatch(/^syncscope_poll_errors_total\{device="s1",code="device-output"\} 1$/m);
    m.recordSample('s1', sample);
    expect(await m.registry.metrics()).toMatch(/^syncscope_device_up\{device="s1"\} 1$/m);
  });
});
