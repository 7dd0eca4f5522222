import { describe, expect, it } from 'vitest';
import type { DeviceEvent } from '../../series/device-event';
import { portStateTime } from './port-state-time';

const T0 = 1_800_000_000_000;
const ev = (s: number, kind: DeviceEvent['kind'], from: string | null, to: string | null, port?: number): DeviceEvent => ({
  deviceId: 'd',
  instance: kind === 'connection' ? null : 'ptp4l',
  kind,
  from,
  to,
  detail: port === undefined ? {} : { port },
  tMs: T0 + s * 1000,
});

describe('portStateTime', () => {
  it('adds each state, offline and unknown time up to the window for every port', () => {
    const events = [
      ev(-1, 'connection', 'connecting', 'online'),
      ev(0, 'port-state', null, 'LISTENING', 1),
      ev(10, 'port-state', 'LISTENING', 'SLAVE', 1),
      ev(30, 'port-state', null, 'MASTER', 2),
      ev(60, 'connection', 'online', 'offline'),
      ev(70, 'connection', 'offline', 'online'),
      ev(75, 'port-state', null, 'SLAVE', 1),
    ];
    const out = portStateTime(events, T0, T0 + 100_000).get('ptp4l');
    expect(out).toEqual([
      { port: '1', stateMs: { LISTENING: 10_000, SLAVE: 75_000 }, offlineMs: 10_000, disconnectedMs: 0, unknownMs: 5_000 },
      { port: '2', stateMs: { MASTER: 30_000 }, offlineMs: 10_000, disconnectedMs: 0, unknownMs: 60_000 },
    ]);
  });

  it('takes the state at the window start from the newest event before it', () => {
    const events = [ev(-500, 'port-state', 'UNCALIBRATED', 'SLAVE', 1), ev(40, 'port-state', 'SLAVE', 'FAULTY', 1)];
    expect(portStateTime(events, T0, T0 + 100_000).get('ptp4l')).toEqual([{ port: '1', stateMs: { SLAVE: 40_000, FAULTY: 60_000 }, offlineMs: 0, disconnectedMs: 0, unknownMs: 0 }]);
  });

  it('counts a port first seen while the device was offline as offline for that time', () => {
    const events = [ev(0, 'connection', 'online', 'offline'), ev(20, 'connection', 'offline', 'online'), ev(30, 'port-state', null, 'SLAVE', 1)];
    expect(portStateTime(events, T0, T0 + 50_000).get('ptp4l')).toEqual([{ port: '1', stateMs: { SLAVE: 20_000 }, offlineMs: 20_000, disconnectedMs: 0, unknownMs: 10_000 }]);
  });

  it('counts the time the operator had the device disconnected apart from offline time', () => {
    const events = [
      ev(-100, 'connection', null, 'online'),
      ev(-50, 'port-state', null, 'SLAVE', 1),
      ev(10, 'connection', 'online', 'offline'),
      ev(20, 'connection', 'offline', 'disconnected'),
      ev(50, 'connection', 'disconnected', 'online'),
      ev(55, 'port-state', null, 'SLAVE', 1),
    ];
    expect(portStateTime(events, T0, T0 + 100_000).get('ptp4l')).toEqual([{ port: '1', stateMs: { SLAVE: 55_000 }, offlineMs: 10_000, disconnectedMs: 30_000, unknownMs: 5_000 }]);
    // Disconnected before the window and still at its end: all of it.
    expect(portStateTime([ev(-50, 'port-state', null, 'SLAVE', 1), ev(-10, 'connection', 'online', 'disconnected')], T0, T0 + 100_000).get('ptp4l')).toEqual([{ port: '1', stateMs: {}, offlineMs: 0, disconnectedMs: 100_000, unknownMs: 0 }]);
  });
});
