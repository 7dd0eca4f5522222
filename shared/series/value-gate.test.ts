import { describe, expect, it } from 'vitest';
import type { Reading } from './series';
import { ValueGate } from './value-gate';

const reading = (values: Reading['values']): Reading => ({ deviceId: 'd', instance: 'ptp4l', tUs: 1, deviceTimeNs: null, values });
const state = (rxSync: number, portState = 9) =>
  reading([
    { metric: 'ptp.port_state', labels: { port: '1' }, value: portState, flags: 0 },
    { metric: 'ptp.gm_clock_class', value: 6, flags: 0 },
    { metric: 'ptp.port_messages', labels: { port: '1', counter: 'rx_Sync' }, value: rxSync, flags: 0 },
    { metric: 'ptp.port_messages', labels: { port: '1', counter: 'tx_Sync' }, value: 0, flags: 0 },
  ]);

describe('ValueGate', () => {
  it('keeps only the values that changed, each series on its own (a counter ticking does not resend the states)', () => {
    const g = new ValueGate(10_000);
    expect(g.filter(state(1), 0)?.values).toHaveLength(4);
    expect(g.filter(state(2), 1_000)?.values.map((v) => [v.metric, v.labels?.counter ?? null, v.value])).toEqual([['ptp.port_messages', 'rx_Sync', 2]]);
    expect(g.filter(state(2), 2_000)).toBeNull();
    expect(g.filter(state(2, 8), 3_000)?.values.map((v) => [v.metric, v.value])).toEqual([['ptp.port_state', 8]]);
  });

  it('sends each unchanged value again once its heartbeat is due, and everything after reset()', () => {
    const g = new ValueGate(10_000);
    g.filter(state(1), 0);
    g.filter(state(2), 5_000);
    // At 10 s the three values last sent at 0 are due; rx_Sync, sent at 5 s, is not.
    expect(g.filter(state(2), 10_000)?.values.map((v) => v.labels?.counter ?? v.metric)).toEqual(['ptp.port_state', 'ptp.gm_clock_class', 'tx_Sync']);
    g.reset();
    expect(g.filter(state(2), 10_001)?.values).toHaveLength(4);
  });

  it('tells a value from a gap or a sentinel with the same number, and passes a reading with nothing to drop as it is', () => {
    const g = new ValueGate();
    const r = reading([{ metric: 'ptp.port_messages', labels: { port: '1', counter: 'rx_Sync' }, value: null, flags: 4 }]);
    expect(g.filter(r, 0)).toBe(r);
    expect(g.filter(reading([{ metric: 'ptp.port_messages', labels: { port: '1', counter: 'rx_Sync' }, value: null, flags: 0 }]), 1)?.values).toHaveLength(1);
  });
});
