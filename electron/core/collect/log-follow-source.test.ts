import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalTransport } from '../transport/local-transport';
import { LogFollowSource } from './log-follow-source';
import type { SourcePoll } from './ptp-source';

/**
 * The follower reads lines from the bytes the stream hands over, and makes strings only for the
 * diagnostics panel's share of a poll: each kind of line must come out the same whether or not its
 * text was also wanted there. A real `tail -F` on this machine, through the local transport.
 */
describe('a log follower reads every kind of ptp4l line from the bytes it is given', () => {
  const t = new LocalTransport();
  const signal = new AbortController().signal;
  let dir: string;
  beforeAll(async () => {
    await t.connect();
    dir = mkdtempSync(join(tmpdir(), 'syncscope-follow-'));
  });
  afterAll(() => {
    t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const lines = [
    'ptp4l[570.193]: selected local clock 025353.fffe.00000b as best master',
    'ptp4l[570.350]: port 1: new foreign master 025353.fffe.00000a-1',
    'ptp4l[572.350]: selected best master clock 025353.fffe.00000a',
    'ptp4l[572.350]: foreign master not using PTP timescale',
    'ptp4l[572.351]: port 1 (eth0): LISTENING to UNCALIBRATED on RS_SLAVE',
    'ptp4l[575.349]: [ptp4l.0.config] master offset       3103 s0 freq    -986 path delay     21334',
    'ptp4l[577.350]: rms  556 max  786 freq  -1234 +/-  45 delay 21000 +/-  12',
    'this is not a linuxptp line',
  ];

  async function follow(file: string, text: string): Promise<{ src: LogFollowSource; polls: SourcePoll[] }> {
    writeFileSync(file, '');
    const src = new LogFollowSource({ id: 'here', name: 'here', instance: 'ptp4l', log: { kind: 'file', path: file } });
    const polls: SourcePoll[] = [await src.poll(t, signal)];
    // tail -F may open the file a moment after it starts: the first line is a marker, written until it comes through.
    for (let i = 0; src.totals.lines === 0; i++) {
      if (i > 100) throw new Error('tail delivered nothing');
      appendFileSync(file, 'ptp4l[1.000]: master offset 1 s2 freq +1 path delay 1\n');
      await new Promise((r) => setTimeout(r, 100));
      polls.push(await src.poll(t, signal));
    }
    appendFileSync(file, text);
    for (let i = 0; src.totals.lines < lines.length + 1; i++) {
      if (i > 100) throw new Error(`${src.totals.lines} lines delivered`);
      await new Promise((r) => setTimeout(r, 100));
      polls.push(await src.poll(t, signal));
    }
    return { src, polls };
  }

  const events = (polls: SourcePoll[]) =>
    polls
      .flatMap((p) => p.events)
      .filter((e) => e.kind !== 'servo-state')
      .map((e) => [e.kind, e.to]);

  it('the same events and readings with each line also kept as text, and with the panel full (bytes alone)', async () => {
    const small = await follow(join(dir, 'small.log'), `${lines.join('\n')}\n`);
    // Over 8 KiB of samples first: the panel's share is full, the lines after it are never made strings.
    const filler = Array.from({ length: 200 }, (_, i) => `ptp4l[${400 + i}.000]: master offset ${i} s2 freq +1 path delay 9`).join('\n');
    const big = await follow(join(dir, 'big.log'), `${filler}\n${lines.join('\n')}\n`);
    try {
      const expected = [
        ['gm-change', '025353.fffe.00000b'],
        ['foreign-master', '025353.fffe.00000a-1'],
        ['gm-change', '025353.fffe.00000a'],
        ['notice', 'not-ptp-timescale'],
        ['port-state', 'UNCALIBRATED'],
      ];
      expect(events(small.polls)).toEqual(expected);
      expect(events(big.polls)).toEqual(expected);
      for (const { src, polls } of [small, big]) {
        const values = polls.flatMap((p) => p.readings).flatMap((r) => r.values);
        expect(values).toEqual(expect.arrayContaining([expect.objectContaining({ metric: 'ptp.servo_offset', value: 3103 }), expect.objectContaining({ metric: 'ptp.summary_offset_rms', value: 556 })]));
        expect(src.totals.unparsed).toBe(1);
        expect(src.unparsedSamples).toEqual(['this is not a linuxptp line']);
      }
      expect(small.src.diagnostics().lastRawOutput).toContain('selected best master clock');
    } finally {
      small.src.close();
      big.src.close();
    }
  });
});
