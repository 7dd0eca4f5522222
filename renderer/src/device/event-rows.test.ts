import { describe, expect, it } from 'vitest';
import type { DeviceEvent } from '../../../shared/series/device-event';
import { detailText, mergeEvents, rowsOf, stateTextKey } from './event-rows';

const e = (tMs: number, kind: DeviceEvent['kind'], from: string | null, to: string | null, detail: DeviceEvent['detail'] = {}): DeviceEvent => ({ deviceId: 'd1', instance: kind === 'connection' ? null : 'ptp4l', kind, from, to, detail, tMs });

describe('event rows', () => {
  it('lists stored events newest first and adds pushed ones once, even when the query also returns them', () => {
    const stored = [e(1000, 'connection', null, 'online'), e(2000, 'port-state', null, 'LISTENING', { port: 1, interface: 'eth0' })];
    const rows = rowsOf(stored, 100);
    expect(rows.map((r) => r.tMs)).toEqual([2000, 1000]);
    const pushed = [e(3000, 'port-state', 'LISTENING', 'UNCALIBRATED', { port: 1, interface: 'eth0' }), stored[1]!];
    const merged = mergeEvents(rows, pushed, new Set(), 100);
    expect(merged.map((r) => `${r.tMs} ${r.to}`)).toEqual(['3000 UNCALIBRATED', '2000 LISTENING', '1000 online']);
    expect(mergeEvents(merged, pushed, new Set(), 100)).toBe(merged);
  });

  it('keeps only the kinds the filter asks for, and no more than the limit', () => {
    const merged = mergeEvents([], [e(1, 'connection', null, 'online'), e(2, 'gm-change', 'a', 'b'), e(3, 'gm-change', 'b', 'c')], new Set(['gm-change'] as const), 1);
    expect(merged.map((r) => r.to)).toEqual(['c']);
  });

  it('writes the detail as one line in reading order, leaving out nulls and false flags', () => {
    expect(detailText({ interface: 'eth0', port: 1, localClock: false, gmClockClass: null, source: 'log' })).toBe('port 1 · interface eth0 · source log');
    expect(detailText({ code: 'pmc.no-answer', message: 'ptp4l did not answer' })).toBe('code pmc.no-answer · message ptp4l did not answer');
    expect(detailText({ zeta: 1, port: 2 }, (k) => (k === 'port' ? '端口' : k))).toBe('端口 2 · zeta 1');
  });

  it('translates connection states only', () => {
    expect(stateTextKey('connection', 'no-data')).toBe('connection.no-data');
    expect(stateTextKey('port-state', 'SLAVE')).toBeNull();
    expect(stateTextKey('connection', 'weird')).toBeNull();
  });
});
