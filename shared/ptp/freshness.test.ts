import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POINT_FLAGS } from '../series/series';
import { judgeFreshness, pointOf, type FreshnessInput } from './freshness';
import { currentDataSet, timeStatusNp } from './pmc-datasets';
import { parsePmcOutput } from './pmc-parse';

// A real poll of ss-s1 (linuxptp 3.1.1, test/fixtures/pmc/linuxptp-3.1/README.md).
const parse = parsePmcOutput(readFileSync(join(__dirname, '../../test/fixtures/pmc/linuxptp-3.1/slave-poll-combined.txt'), 'utf8'));
const time = parse.responses.map(timeStatusNp).find((x) => x !== null) ?? null;
const current = parse.responses.map(currentDataSet).find((x) => x !== null) ?? null;
const base: FreshnessInput = { time, current, syncPortState: 'UNCALIBRATED', lastIngressNs: null, sinceAdvanceMs: Infinity, staleAfterMs: 3500 };

describe('judgeFreshness (linuxptp 3.1 behaviour, issue 7)', () => {
  it('a new ingress_time is a fresh measurement at that exact device time', () => {
    expect(time?.ingressTimeNs).toMatch(/^\d{19}$/);
    expect(judgeFreshness(base)).toEqual({ kind: 'fresh', ingressNs: time?.ingressTimeNs });
  });

  it('the same ingress_time again is no new point for a while, then a gap', () => {
    const again = { ...base, lastIngressNs: time?.ingressTimeNs ?? null };
    expect(judgeFreshness({ ...again, sinceAdvanceMs: 500 })).toEqual({ kind: 'unchanged' });
    expect(judgeFreshness({ ...again, sinceAdvanceMs: 4000 })).toEqual({ kind: 'gap', reason: 'not-advanced', detail: '4000 ms' });
  });

  it('offset and delay both exactly 0 after a master is selected are placeholders, not perfect sync', () => {
    const zero = current && { ...current, offsetFromMasterNs: 0, meanPathDelayNs: 0 };
    expect(judgeFreshness({ ...base, current: zero })).toMatchObject({ kind: 'gap', reason: 'placeholder-zero' });
    expect(judgeFreshness({ ...base, current: current && { ...current, offsetFromMasterNs: 0 } }).kind).toBe('fresh');
  });

  it('a port not SLAVE/UNCALIBRATED (LISTENING while gmPresent stays true), or no grandmaster, measures nothing', () => {
    expect(judgeFreshness({ ...base, syncPortState: 'LISTENING' })).toEqual({ kind: 'gap', reason: 'not-slave', detail: 'LISTENING' });
    expect(judgeFreshness({ ...base, time: time && { ...time, gmPresent: false } })).toMatchObject({ kind: 'gap', reason: 'no-grandmaster' });
    expect(judgeFreshness({ ...base, time: time && { ...time, ingressTimeNs: '0' } })).toMatchObject({ kind: 'gap', reason: 'no-sync-yet' });
    expect(judgeFreshness({ ...base, time: null, current: null })).toMatchObject({ kind: 'gap', reason: 'no-data' });
  });
});

describe('pointOf', () => {
  it('flags integers beyond 2^53 inexact and linuxptp sentinels as n/a', () => {
    expect(pointOf(-9493)).toEqual({ value: -9493, flags: 0 });
    expect(pointOf(Number('1795573304683170523'))).toEqual({ value: 1795573304683170600, flags: POINT_FLAGS.inexact });
    expect(pointOf(Number('18446744073709551615'), '18446744073709551615')).toEqual({ value: null, flags: POINT_FLAGS.sentinel });
    expect(pointOf(2147483647, '0x7fffffff')).toEqual({ value: null, flags: POINT_FLAGS.sentinel });
    expect(pointOf(null)).toEqual({ value: null, flags: 0 });
  });
});
