import { describe, expect, it } from 'vitest';
import { ChangeGate } from './change-gate';
import type { Reading } from './series';

const state = (portState: number, gmClass = 6): Reading => ({
  deviceId: 'd',
  instance: 'ptp4l',
  tUs: 0,
  deviceTimeNs: null,
  values: [
    { metric: 'ptp.port_state', labels: { port: '1' }, value: portState },
    { metric: 'ptp.gm_clock_class', value: gmClass },
  ],
});

describe('a state reading is kept when it says something new', () => {
  it('passes the first, each change, a heartbeat, and the first after a reset; drops repeats', () => {
    const gate = new ChangeGate(10_000);
    const kept = [
      gate.pass(state(8), 0),
      gate.pass(state(8), 125),
      gate.pass(state(9), 250),
      gate.pass(state(9), 375),
      gate.pass(state(9, 7), 500),
      gate.pass(state(9, 7), 9_999),
      gate.pass(state(9, 7), 10_500),
    ];
    expect(kept).toEqual([true, false, true, false, true, false, true]);
    gate.reset();
    expect(gate.pass(state(9, 7), 10_625)).toBe(true);
  });

  it('tells labels apart: the same value on another port is a change', () => {
    const gate = new ChangeGate();
    const port = (p: string): Reading => ({ deviceId: 'd', instance: 'bc', tUs: 0, deviceTimeNs: null, values: [{ metric: 'ptp.port_state', labels: { port: p }, value: 9 }] });
    expect([gate.pass(port('1'), 0), gate.pass(port('2'), 1), gate.pass(port('2'), 2)]).toEqual([true, true, false]);
  });
});
