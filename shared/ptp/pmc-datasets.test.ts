import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currentDataSet, defaultDataSet, nsToMs, parentDataSet, portDataSet, portNumberOf, timeStatusNp } from './pmc-datasets';
import { parsePmcOutput, responsesFor, type PmcResponse } from './pmc-parse';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const one = (file: string, tlv: string): PmcResponse => {
  const r = responsesFor(parsePmcOutput(fixture(file)), tlv)[0];
  if (!r) throw new Error(`${file} has no ${tlv}`);
  return r;
};
const block = (tlv: string, fields: Record<string, string>): PmcResponse => ({ portIdentity: '001122.fffe.334455-0', seq: 0, action: 'RESPONSE', tlv, fields, extraLines: [] });

describe('TIME_STATUS_NP', () => {
  it('reads a slave, keeping ingress_time (past 2^53) as exact decimal ns', () => {
    expect(timeStatusNp(one('linuxptp-3.1.1-slave-poll.txt', 'TIME_STATUS_NP'))).toEqual({
      portIdentity: '4e9130.fffe.bdd739-0',
      masterOffsetNs: 2869,
      ingressTimeNs: '1795461912495903839',
      cumulativeScaledRateOffset: 0,
      scaledLastGmPhaseChange: 0,
      gmTimeBaseIndicator: 0,
      lastGmPhaseChange: "0x0000'0000000000000000.0000",
      gmPresent: true,
      gmIdentity: 'a6cc01.fffe.be6e6d',
    });
  });

  it('reads the reference example (mlichvar/linuxptp-testsuite #12)', () => {
    const t = timeStatusNp(one('reference-time-status-np.txt', 'TIME_STATUS_NP'));
    expect(t?.ingressTimeNs).toBe('1262304050053466888');
    expect(nsToMs(t?.ingressTimeNs ?? null)).toBe(1262304050053);
    expect(t?.gmIdentity).toBe('123456.fffe.780101');
  });

  it('is null for another data set', () => {
    expect(timeStatusNp(one('linuxptp-3.1.1-slave-poll.txt', 'CURRENT_DATA_SET'))).toBeNull();
  });
});

describe('CURRENT_DATA_SET', () => {
  it('reads offsets and delay in ns (pmc prints scaled ns / 65536 as %.1f)', () => {
    expect(currentDataSet(one('linuxptp-3.1.1-slave-poll.txt', 'CURRENT_DATA_SET'))).toEqual({ portIdentity: '4e9130.fffe.bdd739-0', stepsRemoved: 2, offsetFromMasterNs: 2869, meanPathDelayNs: 1888 });
    expect(currentDataSet(one('reference-current-data-set.txt', 'CURRENT_DATA_SET'))).toMatchObject({ stepsRemoved: 1, offsetFromMasterNs: -3, meanPathDelayNs: 528 });
  });

  it('turns unreadable numbers into null, never NaN, and -0.0 into 0', () => {
    const c = currentDataSet(block('CURRENT_DATA_SET', { stepsRemoved: 'x1', offsetFromMaster: '-nan', meanPathDelay: '-0.0' }));
    expect(c).toMatchObject({ stepsRemoved: null, offsetFromMasterNs: null, meanPathDelayNs: 0 });
    expect(Object.is(c?.meanPathDelayNs, -0)).toBe(false);
  });
});

describe('PORT_DATA_SET', () => {
  it('reads every port of a boundary clock with its state and delay mechanism', () => {
    const ports = responsesFor(parsePmcOutput(fixture('linuxptp-3.1.1-boundary-clock-poll.txt')), 'PORT_DATA_SET').map(portDataSet);
    expect(ports.map((p) => [p?.portIdentity, p?.portNumber, p?.portState, p?.delayMechanism])).toEqual([
      ['fe185b.fffe.558901-1', 1, 'SLAVE', 'E2E'],
      ['fe185b.fffe.558901-2', 2, 'MASTER', 'E2E'],
    ]);
    expect(ports[0]).toMatchObject({ logMinDelayReqInterval: 0, peerMeanPathDelayNs: 0, logAnnounceInterval: 1, announceReceiptTimeout: 3, logSyncInterval: 0, logMinPdelayReqInterval: 0, versionNumber: 2 });
  });

  it('gives null for a state or mechanism it does not know', () => {
    const p = portDataSet(block('PORT_DATA_SET', { portIdentity: '001122.fffe.334455-3', portState: 'HOLDOVER', delayMechanism: '7', logSyncInterval: '-3' }));
    expect(p).toMatchObject({ portNumber: 3, portState: null, delayMechanism: null, logSyncInterval: -3 });
    expect(portDataSet(block('PORT_DATA_SET', { portState: 'NONE', delayMechanism: '254' }))).toMatchObject({ portIdentity: '001122.fffe.334455-0', portState: 'NONE', delayMechanism: 'NO_MECHANISM' });
  });
});

describe('PARENT_DATA_SET and DEFAULT_DATA_SET', () => {
  it('reads the grandmaster seen by a slave, hex fields as numbers', () => {
    expect(parentDataSet(one('linuxptp-3.1.1-slave-parent-default.txt', 'PARENT_DATA_SET'))).toEqual({
      portIdentity: '4e9130.fffe.bdd739-0',
      parentPortIdentity: 'fe185b.fffe.558901-2',
      parentStats: 0,
      observedParentOffsetScaledLogVariance: 0xffff,
      observedParentClockPhaseChangeRate: 0x7fffffff,
      grandmasterPriority1: 10,
      gmClockClass: 248,
      gmClockAccuracy: 0xfe,
      gmOffsetScaledLogVariance: 0xffff,
      grandmasterPriority2: 128,
      grandmasterIdentity: 'a6cc01.fffe.be6e6d',
    });
  });

  it('reads the default data set', () => {
    expect(defaultDataSet(one('linuxptp-3.1.1-slave-parent-default.txt', 'DEFAULT_DATA_SET'))).toEqual({
      portIdentity: '4e9130.fffe.bdd739-0',
      twoStepFlag: true,
      slaveOnly: true,
      numberPorts: 1,
      priority1: 128,
      clockClass: 255,
      clockAccuracy: 0xfe,
      offsetScaledLogVariance: 0xffff,
      priority2: 128,
      clockIdentity: '4e9130.fffe.bdd739',
      domainNumber: 0,
    });
  });
});

describe('value readers', () => {
  it('floors ns to ms exactly across the int64 range', () => {
    expect(nsToMs('1795461912495903839')).toBe(1795461912495);
    expect(nsToMs('-1')).toBe(-1);
    expect(nsToMs('0')).toBe(0);
    expect(nsToMs('12.5')).toBeNull();
    expect(nsToMs('99999999999999999999999')).toBeNull();
    expect(nsToMs(null)).toBeNull();
  });

  it('reads the port number of a port identity', () => {
    expect(portNumberOf('001122.fffe.334455-65535')).toBe(65535);
    expect(portNumberOf('no-dash-number-x')).toBeNull();
  });

  it('never yields NaN or Infinity from any field text (property)', () => {
    const text = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('nan', '-nan', 'inf', '1e999', '9'.repeat(400), '0x', '0xZZ', '+', '-', '.5', '1.', ''));
    fc.assert(
      fc.property(text, (t) => {
        const all = [
          timeStatusNp(block('TIME_STATUS_NP', { master_offset: t, ingress_time: t, cumulativeScaledRateOffset: t, gmPresent: t })),
          currentDataSet(block('CURRENT_DATA_SET', { stepsRemoved: t, offsetFromMaster: t, meanPathDelay: t })),
          portDataSet(block('PORT_DATA_SET', { portIdentity: t, portState: t, delayMechanism: t, peerMeanPathDelay: t })),
          parentDataSet(block('PARENT_DATA_SET', { 'gm.ClockClass': t, 'gm.ClockAccuracy': t })),
        ];
        for (const ds of all) for (const v of Object.values(ds ?? {})) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
