import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PtpSample } from '../domain/ptp';
import { currentDataSet, defaultDataSet, parentDataSet, portDataSet, timeStatusNp } from './pmc-datasets';
import { parsePmcOutput, responsesFor } from './pmc-parse';
import { sampleFromPmc } from './pmc-sample';

/** Real pmc outputs from the Syncscope lab (linuxptp 3.1.1 over ssh); see that folder's README. */
const dir = new URL('../../test/fixtures/pmc/linuxptp-3.1/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
const read = (name: string): string => readFileSync(new URL(name, dir), 'utf8');
const T = 1_763_925_000_000;

/** Data sets each capture must yield; files not listed must parse to nothing but pmc's own lines. */
const EXPECTED: Record<string, string[]> = {
  'slave-time-status-np.txt': ['TIME_STATUS_NP'],
  'slave-current-data-set.txt': ['CURRENT_DATA_SET'],
  'slave-port-data-set.txt': ['PORT_DATA_SET'],
  'slave-parent-data-set.txt': ['PARENT_DATA_SET'],
  'slave-default-data-set.txt': ['DEFAULT_DATA_SET'],
  'gm-port-data-set.txt': ['PORT_DATA_SET'],
  'slave-poll-combined.txt': ['TIME_STATUS_NP', 'CURRENT_DATA_SET', 'PORT_DATA_SET'],
  'interactive-subscribe-notify.txt': ['SUBSCRIBE_EVENTS_NP', 'PORT_DATA_SET', 'PORT_DATA_SET', 'PORT_DATA_SET', 'TIME_STATUS_NP'],
};

describe('lab captures in test/fixtures/pmc/linuxptp-3.1', () => {
  it('are there to test against', () => {
    expect(files.length).toBeGreaterThanOrEqual(Object.keys(EXPECTED).length);
    for (const name of Object.keys(EXPECTED)) expect(files).toContain(name);
  });

  it.each(files)('%s parses cleanly into the expected data sets', (name) => {
    const p = parsePmcOutput(read(name));
    expect(p.junkLines).toBe(0);
    expect(p.errors).toEqual([]);
    expect(p.truncated).toBe(false);
    expect(p.responses.map((r) => r.tlv)).toEqual(EXPECTED[name] ?? []);
  });

  it('slave: UNCALIBRATED (free_running), one step from the grandmaster, a real path delay', () => {
    const { sample, problem } = sampleFromPmc(read('slave-poll-combined.txt'), 'ss-s1', T);
    expect(problem).toBeNull();
    expect(PtpSample.parse(sample)).toEqual(sample);
    expect(sample).toMatchObject({
      masterOffsetNs: -10445,
      offsetFromMasterNs: -10445,
      meanPathDelayNs: 15523,
      stepsRemoved: 1,
      gmPresent: true,
      gmIdentity: '025353.fffe.00000a',
      portState: 'UNCALIBRATED',
      ports: [{ portIdentity: '025353.fffe.00000b-1', portState: 'UNCALIBRATED' }],
    });
    expect(['UNCALIBRATED', 'SLAVE']).toContain(sample?.portState);
    expect(Number.isFinite(sample?.meanPathDelayNs) && (sample?.meanPathDelayNs ?? 0) > 0).toBe(true);
  });

  it('slave: each data set read on its own agrees with the poll', () => {
    const one = (name: string, tlv: string) => responsesFor(parsePmcOutput(read(name)), tlv)[0];
    const t = one('slave-time-status-np.txt', 'TIME_STATUS_NP');
    const c = one('slave-current-data-set.txt', 'CURRENT_DATA_SET');
    const pd = one('slave-port-data-set.txt', 'PORT_DATA_SET');
    const pa = one('slave-parent-data-set.txt', 'PARENT_DATA_SET');
    const d = one('slave-default-data-set.txt', 'DEFAULT_DATA_SET');
    expect(t && timeStatusNp(t)).toMatchObject({ masterOffsetNs: -15375, ingressTimeNs: '1795461819285303512', gmPresent: true, gmIdentity: '025353.fffe.00000a' });
    expect(c && currentDataSet(c)).toMatchObject({ stepsRemoved: 1, offsetFromMasterNs: -14840, meanPathDelayNs: 19126 });
    expect(pd && portDataSet(pd)).toMatchObject({ portIdentity: '025353.fffe.00000b-1', portNumber: 1, portState: 'UNCALIBRATED', delayMechanism: 'E2E', logSyncInterval: 0 });
    expect(pa && parentDataSet(pa)).toMatchObject({ parentPortIdentity: '025353.fffe.00000a-1', gmClockClass: 6, grandmasterPriority1: 1, grandmasterIdentity: '025353.fffe.00000a' });
    expect(d && defaultDataSet(d)).toMatchObject({ slaveOnly: true, clockClass: 255, clockIdentity: '025353.fffe.00000b', domainNumber: 0 });
  });

  it('grandmaster: its port is MASTER', () => {
    const r = responsesFor(parsePmcOutput(read('gm-port-data-set.txt')), 'PORT_DATA_SET')[0];
    expect(r && portDataSet(r)).toMatchObject({ portIdentity: '025353.fffe.00000a-1', portState: 'MASTER' });
  });

  it('no ptp4l behind the socket: a no-response problem pointing at uds_address', () => {
    for (const name of ['no-ptp4l.stdout.txt', 'no-ptp4l-combined.stdout.txt']) {
      const { sample, problem } = sampleFromPmc(read(name) + read(name.replace('stdout', 'stderr')), 'ss-s1', T);
      expect(sample).toBeNull();
      expect(problem?.kind).toBe('no-response');
      expect(problem?.hint).toContain('uds_address');
    }
  });

  it('non-root pmc without -i: a pmc-failed problem quoting pmc', () => {
    const { problem } = sampleFromPmc(read('nonroot-default-client-socket.stdout.txt') + read('nonroot-default-client-socket.stderr.txt'), 'ss-s1', T);
    expect(problem?.kind).toBe('pmc-failed');
    expect(problem?.message).toBe('ss-s1: pmc stopped before sending anything: pmc[436.652]: uds: bind failed: Permission denied / pmc[436.652]: failed to open transport / failed to create pmc');
  });
});
