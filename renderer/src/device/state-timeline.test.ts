import { describe, expect, it } from 'vitest';
import type { DeviceEvent } from '../../../shared/series/device-event';
import { bandBox, buildTimeline, servoChanges } from './state-timeline';

const ev = (tMs: number, from: string | null, to: string, detail: DeviceEvent['detail'] = { port: 1, interface: 'eth0' }, kind: DeviceEvent['kind'] = 'port-state') => ({ kind, from, to, detail, tMs });

describe('buildTimeline', () => {
  it('makes one band per port state from the events, the last one reaching now', () => {
    const tracks = buildTimeline({
      events: [ev(2000, 'LISTENING', 'UNCALIBRATED'), ev(1000, null, 'LISTENING'), ev(5000, 'UNCALIBRATED', 'SLAVE')],
      servo: [],
      currentPorts: [{ portNumber: 1, portState: 'SLAVE', interface: 'eth0' }],
      fromMs: 0,
      nowMs: 9000,
    });
    expect(tracks).toEqual([
      {
        id: 'port:1',
        kind: 'port',
        port: '1',
        iface: 'eth0',
        bands: [
          { state: 'LISTENING', fromMs: 1000, toMs: 2000 },
          { state: 'UNCALIBRATED', fromMs: 2000, toMs: 5000 },
          { state: 'SLAVE', fromMs: 5000, toMs: 9000 },
        ],
      },
    ]);
  });

  it('joins the same change reported by the log and by pmc, clips to the range, and starts from the state before the first event', () => {
    const tracks = buildTimeline({
      events: [ev(3000, 'LISTENING', 'UNCALIBRATED', { port: 1, iface: 'eth0', source: 'log' }), ev(3010, 'LISTENING', 'UNCALIBRATED'), ev(500, 'INITIALIZING', 'LISTENING')],
      servo: [],
      currentPorts: [],
      fromMs: 1000,
      nowMs: 4000,
    });
    expect(tracks[0]!.bands).toEqual([
      { state: 'LISTENING', fromMs: 1000, toMs: 3000 },
      { state: 'UNCALIBRATED', fromMs: 3000, toMs: 4000 },
    ]);
  });

  it('shows a steady port in its current state over the whole range, and ignores the UDS port 0', () => {
    const tracks = buildTimeline({
      events: [],
      servo: [],
      currentPorts: [
        { portNumber: 0, portState: 'LISTENING', interface: '/var/run/ptp4l' },
        { portNumber: 1, portState: 'UNCALIBRATED', interface: 'eth0' },
      ],
      fromMs: 1000,
      nowMs: 2000,
    });
    expect(tracks.map((t) => [t.id, t.iface, t.bands])).toEqual([['port:1', 'eth0', [{ state: 'UNCALIBRATED', fromMs: 1000, toMs: 2000 }]]]);
  });

  it('draws the servo from the logged servo state, a gap ending its band, or from servo-state events when there are any', () => {
    const servo = servoChanges([1e6, 2e6, 3e6, 4e6, 5e6, 6e6], [0, 0, 1, 2, null, 2]);
    expect(servo).toEqual([
      { tMs: 1000, state: 's0' },
      { tMs: 3000, state: 's1' },
      { tMs: 4000, state: 's2' },
      { tMs: 5000, state: '' },
      { tMs: 6000, state: 's2' },
    ]);
    const [track] = buildTimeline({ events: [], servo, currentPorts: [], fromMs: 0, nowMs: 7000 });
    expect(track!.bands).toEqual([
      { state: 's0', fromMs: 1000, toMs: 3000 },
      { state: 's1', fromMs: 3000, toMs: 4000 },
      { state: 's2', fromMs: 4000, toMs: 5000 },
      { state: 's2', fromMs: 6000, toMs: 7000 },
    ]);
    const fromEvents = buildTimeline({ events: [ev(2500, 's0', 's2', {}, 'servo-state')], servo, currentPorts: [], fromMs: 0, nowMs: 7000 });
    expect(fromEvents[0]!.bands).toEqual([{ state: 's2', fromMs: 2500, toMs: 7000 }]);
    // A phc2sys clock's servo event is not ptp4l's servo.
    const clockOnly = buildTimeline({ events: [ev(2500, null, 's0', { clock: 'CLOCK_REALTIME' }, 'servo-state')], servo, currentPorts: [], fromMs: 0, nowMs: 7000 });
    expect(clockOnly[0]!.bands[0]).toEqual({ state: 's0', fromMs: 1000, toMs: 3000 });
  });
});

describe('connection gaps on the timeline', () => {
  it('ends port and servo bands when the device stops being online, restarts them with the next state read, and draws the connection', () => {
    const conn = (tMs: number, from: string | null, to: string) => ev(tMs, from, to, {}, 'connection');
    const tracks = buildTimeline({
      events: [
        conn(900, null, 'online'),
        ev(1000, null, 'UNCALIBRATED'),
        conn(3000, 'online', 'offline'),
        conn(3500, 'offline', 'no-data'),
        // On reconnect the pmc source starts each port's timeline again (from null).
        ev(5000, null, 'UNCALIBRATED'),
        conn(5100, 'no-data', 'online'),
      ],
      servo: servoChanges([1e6, 2e6, 3e6, 6e6, 7e6], [0, 0, 0, 0, 0]),
      currentPorts: [{ portNumber: 1, portState: 'UNCALIBRATED', interface: 'eth0' }],
      fromMs: 0,
      nowMs: 8000,
    });
    expect(tracks.map((t) => [t.id, t.bands.map((b) => `${b.state}@${b.fromMs}-${b.toMs}`)])).toEqual([
      ['port:1', ['UNCALIBRATED@1000-3000', 'UNCALIBRATED@5000-8000']],
      // The servo is heard again after the silence: its band restarts with it.
      ['servo', ['s0@1000-3000', 's0@6000-8000']],
      ['connection', ['online@900-3000', 'offline@3000-3500', 'no-data@3500-5100', 'online@5100-8000']],
    ]);
  });
});

describe('bandBox', () => {
  it('places a band in pixels and clips it to the shown range', () => {
    expect(bandBox({ state: 'SLAVE', fromMs: 5000, toMs: 15_000 }, 10, 20, 100)).toEqual({ leftPx: 0, widthPx: 50 });
    expect(bandBox({ state: 'SLAVE', fromMs: 12_000, toMs: 14_000 }, 10, 20, 100)).toEqual({ leftPx: 20, widthPx: 20 });
    expect(bandBox({ state: 'SLAVE', fromMs: 1000, toMs: 2000 }, 10, 20, 100)).toBeNull();
  });
});
