import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePmcOutput } from './pmc-parse';
import { PmcLineReader, type PmcReaderEvent } from './pmc-reader';

const fixture = (name: string) => readFileSync(join(__dirname, '../../test/fixtures/pmc/linuxptp-3.1', name), 'utf8');

function feed(text: string, idleEvery = Infinity): PmcReaderEvent[] {
  const got: PmcReaderEvent[] = [];
  const r = new PmcLineReader((e) => got.push(e));
  text.split('\n').forEach((l, i) => {
    r.line(l);
    if ((i + 1) % idleEvery === 0) r.idle();
  });
  r.idle();
  return got;
}

describe('PmcLineReader on a kept-open pmc (captured on the lab, ss-x1, linuxptp 3.1.1)', () => {
  it('reads the SET echo, its answer and the pushed PORT_DATA_SET notifications with their own seq', () => {
    const got = feed(fixture('interactive-subscribe-notify.txt'));
    expect(got.filter((e) => e.kind === 'sent')).toEqual([
      { kind: 'sent', request: 'SET SUBSCRIBE_EVENTS_NP', seq: 0 },
      { kind: 'sent', request: 'GET TIME_STATUS_NP', seq: 1 },
    ]);
    const responses = got.flatMap((e) => (e.kind === 'response' ? [e.response] : []));
    expect(responses.map((r) => `${r.tlv}#${r.seq}`)).toEqual(['SUBSCRIBE_EVENTS_NP#0', 'PORT_DATA_SET#0', 'PORT_DATA_SET#1', 'PORT_DATA_SET#2', 'TIME_STATUS_NP#1']);
    expect(responses.filter((r) => r.tlv === 'PORT_DATA_SET').map((r) => r.fields['portState'])).toEqual(['FAULTY', 'LISTENING', 'UNCALIBRATED']);
    expect(got.some((e) => e.kind === 'junk')).toBe(false);
  });

  it('completes a block as soon as its last field is in, without waiting for the next line', () => {
    const got: PmcReaderEvent[] = [];
    const r = new PmcLineReader((e) => got.push(e));
    for (const l of fixture('slave-current-data-set.txt').split('\n')) r.line(l);
    expect(r.idle()).toBe(false);
    expect(got.find((e) => e.kind === 'response')).toMatchObject({ response: { tlv: 'CURRENT_DATA_SET', fields: { stepsRemoved: '1' } } });
  });

  it('keeps a block open across a split chunk until its last field or flush()', () => {
    const got: PmcReaderEvent[] = [];
    const r = new PmcLineReader((e) => got.push(e));
    const lines = fixture('slave-time-status-np.txt').split('\n');
    for (const l of lines.slice(0, 4)) r.line(l);
    expect(r.idle()).toBe(true);
    expect(got.filter((e) => e.kind === 'response')).toHaveLength(0);
    for (const l of lines.slice(4)) r.line(l);
    expect(r.idle()).toBe(false);
    expect(got.filter((e) => e.kind === 'response')).toHaveLength(1);
  });

  it("names a MANAGEMENT_ERROR_STATUS by the request of its seq, and counts pmc's own messages as notices", () => {
    const got = feed(['sending: GET TIME_STATUS_NP', '\t025353.fffe.00000b-0 seq 0 RESPONSE MANAGEMENT_ERROR_STATUS ', 'bad command: GET PORT_SERVICE_STATS_NP', 'sending: GET CURRENT_DATA_SET'].join('\n'));
    expect(got).toContainEqual({ kind: 'error', error: expect.objectContaining({ seq: 0, request: 'GET TIME_STATUS_NP' }) });
    expect(got).toContainEqual({ kind: 'notice', text: 'bad command: GET PORT_SERVICE_STATS_NP' });
    expect(got.at(-1)).toEqual({ kind: 'sent', request: 'GET CURRENT_DATA_SET', seq: 1 });
  });

  it('never throws on garbage and keeps no unbounded state', () => {
    const r = new PmcLineReader(() => undefined);
    for (const l of ['\u0000\u0001', 'x'.repeat(10_000), '\t\tkey value', '\tnot a header seq x', 'sending:', '']) expect(() => r.line(l)).not.toThrow();
    expect(() => r.flush()).not.toThrow();
  });

  // linuxptp 4.x data sets, in the form reference.md §3.5 gives (this lab runs 3.1.1, so no capture).
  it('completes a 4.x PORT_SERVICE_STATS_NP block on its last field, and reads fields printed with trailing spaces', () => {
    const text = [
      'sending: GET PORT_SERVICE_STATS_NP',
      '\t001122.fffe.334455-1 seq 0 RESPONSE MANAGEMENT PORT_SERVICE_STATS_NP ',
      '\t\tportIdentity            001122.fffe.334455-1',
      ...['announce_timeout', 'sync_timeout', 'delay_timeout', 'unicast_service_timeout', 'unicast_request_timeout', 'master_announce_timeout', 'master_sync_timeout', 'qualification_timeout', 'sync_mismatch'].map((f, i) => `\t\t${f.padEnd(24)}${i}`),
      '\t\tfollowup_mismatch       7   ',
    ];
    const got: PmcReaderEvent[] = [];
    const r = new PmcLineReader((e) => got.push(e));
    for (const l of text) r.line(l);
    expect(r.idle()).toBe(false);
    const block = got.find((e) => e.kind === 'response');
    expect(block).toMatchObject({ response: { tlv: 'PORT_SERVICE_STATS_NP', fields: { sync_timeout: '1', followup_mismatch: '7' } } });
  });

  it('reads every block as the whole-output parser does, line by line, for any pmc-like text (property)', () => {
    const real = ['slave-poll-combined.txt', 'interactive-subscribe-notify.txt', 'slave-time-status-np.txt'].flatMap((n) => fixture(n).split('\n'));
    const piece = fc.oneof(
      fc.constantFrom(...real),
      fc.constantFrom('\t', '\t\t', ' seq ', 'sending: ', '\u00a0', '\r', '\v', ' ', '\ufeff', 'x'),
      fc.string({ unit: 'binary', maxLength: 12 }),
    );
    const line = fc.oneof(fc.constantFrom(...real), fc.array(piece, { maxLength: 6 }).map((xs) => xs.join('').replaceAll('\n', '')));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const got: PmcReaderEvent[] = [];
        const r = new PmcLineReader((e) => got.push(e));
        for (const l of lines) r.line(l);
        r.flush();
        expect(got.flatMap((e) => (e.kind === 'response' ? [e.response] : []))).toEqual(parsePmcOutput(lines.join('\n')).responses);
      }),
      { numRuns: 500 },
    );
  }, 30_000);
});
