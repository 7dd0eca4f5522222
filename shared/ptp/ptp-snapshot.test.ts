import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POINT_FLAGS } from '../series/series';
import { currentDataSet, defaultDataSet, parentDataSet, portDataSet, portStats, timeStatusNp, type PortDataSet } from './pmc-datasets';
import { parsePmcOutput } from './pmc-parse';
import { measurementReading, stateEvents, stateReading, type PtpSnapshot } from './ptp-snapshot';

// Real answers of ss-s1 and ss-x1 (linuxptp 3.1.1), see test/fixtures/pmc/linuxptp-3.1/README.md.
const read = (name: string) => parsePmcOutput(readFileSync(join(__dirname, '../../test/fixtures/pmc/linuxptp-3.1', name), 'utf8')).responses;
const pick = <T>(rs: ReturnType<typeof read>, f: (r: (typeof rs)[number]) => T | null): T => rs.map(f).find((x) => x !== null) as T;
const poll = read('slave-poll-combined.txt');
const slave: PtpSnapshot = {
  time: pick(poll, timeStatusNp),
  current: pick(poll, currentDataSet),
  ports: poll.map(portDataSet).filter((p): p is PortDataSet => p !== null),
  parent: pick(read('slave-parent-data-set.txt'), parentDataSet),
  defaults: pick(read('slave-default-data-set.txt'), defaultDataSet),
  properties: [{ portIdentity: '025353.fffe.00000b-1', portNumber: 1, portState: 'UNCALIBRATED', timestamping: 'SOFTWARE', interface: 'eth0' }],
  stats: [],
  hwclocks: [],
  corrections: [],
  unicastTables: [],
};
const base = { deviceId: 'd', instance: 'ptp4l', tMs: 1_000 };

describe('readings from a snapshot', () => {
  it('a fresh measurement carries the device ingress time exactly; a gap is null and stale', () => {
    const fresh = measurementReading(slave, { kind: 'fresh', ingressNs: slave.time?.ingressTimeNs ?? '' }, base);
    expect(fresh?.deviceTimeNs).toBe(slave.time?.ingressTimeNs);
    expect(fresh?.values.find((v) => v.metric === 'ptp.offset_from_master')).toEqual({ metric: 'ptp.offset_from_master', value: slave.current?.offsetFromMasterNs, flags: 0 });
    const gap = measurementReading(slave, { kind: 'gap', reason: 'not-slave', detail: 'LISTENING' }, base);
    expect(gap?.values.every((v) => v.value === null && v.flags === POINT_FLAGS.stale)).toBe(true);
    expect(measurementReading(slave, { kind: 'unchanged' }, base)).toBeNull();
  });

  it("states, the grandmaster's data set and counters, labelled by port", () => {
    const stats = portStats({ portIdentity: '025353.fffe.00000b-1', seq: 6, action: 'RESPONSE', tlv: 'PORT_STATS_NP', fields: { portIdentity: '025353.fffe.00000b-1', rx_Sync: '2960', tx_Delay_Req: '18446744073709551615' }, extraLines: [] });
    const r = stateReading({ ...slave, stats: stats ? [stats] : [] }, base);
    const v = (metric: string) => r.values.filter((x) => x.metric === metric);
    expect(v('ptp.port_state')).toEqual([{ metric: 'ptp.port_state', labels: { port: '1' }, value: 8, flags: 0 }]);
    expect(v('ptp.gm_clock_class')[0]?.value).toBe(6);
    expect(v('ptp.gm_priority1')[0]?.value).toBe(1);
    expect(v('ptp.clock_class')[0]?.value).toBe(255);
    expect(v('ptp.port_messages')).toEqual([
      { metric: 'ptp.port_messages', labels: { port: '1', counter: 'rx_Sync' }, value: 2960, flags: 0 },
      { metric: 'ptp.port_messages', labels: { port: '1', counter: 'tx_Delay_Req' }, value: null, flags: POINT_FLAGS.sentinel },
    ]);
  });

  it('4.x corrections per port and correction, and the unicast table size per port', () => {
    const corrections = [{ portIdentity: 'x-1', portNumber: 1, egressLatencyNs: 178, ingressLatencyNs: null, delayAsymmetryNs: -25 }];
    const unicastTables = [{ portIdentity: 'x-1', portNumber: 1, actualTableSize: 2, masters: [], unreadRows: 2 }];
    const r = stateReading({ ...slave, corrections, unicastTables }, base);
    expect(r.values.filter((x) => x.metric === 'ptp.port_correction' || x.metric === 'ptp.unicast_masters')).toEqual([
      { metric: 'ptp.port_correction', labels: { port: '1', correction: 'egress_latency' }, value: 178, flags: 0 },
      { metric: 'ptp.port_correction', labels: { port: '1', correction: 'delay_asymmetry' }, value: -25, flags: 0 },
      { metric: 'ptp.unicast_masters', labels: { port: '1' }, value: 2, flags: 0 },
    ]);
  });
});

describe('events between snapshots', () => {
  it('the first snapshot starts each port timeline; nothing else without a previous value', () => {
    expect(stateEvents(null, slave, base)).toEqual([{ deviceId: 'd', instance: 'ptp4l', kind: 'port-state', from: null, to: 'UNCALIBRATED', detail: { port: 1, interface: 'eth0' }, tMs: 1_000 }]);
  });

  it('the local clock taking over is a gm-change to its own identity, with the port state, class and steps', () => {
    const own = slave.defaults?.clockIdentity ?? '';
    const lost: PtpSnapshot = {
      ...slave,
      ports: slave.ports.map((p) => ({ ...p, portState: 'LISTENING' })),
      parent: slave.parent && { ...slave.parent, grandmasterIdentity: own, gmClockClass: 255 },
      current: slave.current && { ...slave.current, stepsRemoved: 0 },
    };
    const kinds = stateEvents(slave, lost, base).map((e) => [e.kind, e.from, e.to, e.detail['localClock'] ?? null]);
    expect(kinds).toEqual([
      ['port-state', 'UNCALIBRATED', 'LISTENING', null],
      ['gm-change', '025353.fffe.00000a', own, true],
      ['clock-class', '6', '255', null],
      ['steps-removed', '1', '0', null],
    ]);
    expect(stateEvents(slave, slave, base)).toEqual([]);
  });
});
