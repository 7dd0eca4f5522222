import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POINT_FLAGS } from '../../series/series';
import { LogToSeries } from './log-to-series';
import { parseLogLine } from './parse-log-line';

const lab = readFileSync(join(__dirname, 'fixtures', 'linuxptp-3.1.1-lab-slave-stdout.txt'), 'utf8').split('\n').filter(Boolean);
const lines = (texts: string[], wallTimeMs = 1_795_000_000_000) => texts.map((t, i) => ({ parsed: parseLogLine(t), wallTimeMs: wallTimeMs + i }));

describe('linuxptp log lines → series and events', () => {
  it('turns the real lab slave log into servo readings and port/GM events', () => {
    const out = new LogToSeries('dev', 'ptp4l').convert(lines(lab));
    const offsets = out.readings.flatMap((r) => r.values.filter((v) => v.metric === 'ptp.servo_offset').map((v) => v.value));
    const printed = lab.filter((l) => l.includes('master offset')).map((l) => Number(l.slice(l.indexOf(']: ') + 3).split(/\s+/)[2]));
    expect(offsets).toEqual(printed);
    expect(out.readings[0]).toMatchObject({ deviceId: 'dev', instance: 'ptp4l' });
    // `[575.349]` is the device's CLOCK_MONOTONIC: kept exactly, in ns.
    expect(out.readings[0]?.deviceTimeNs).toBe('575349000000');
    expect(out.events.filter((e) => e.kind === 'port-state').map((e) => `${e.from}>${e.to}`)).toEqual(['INITIALIZING>LISTENING', 'INITIALIZING>LISTENING', 'LISTENING>UNCALIBRATED']);
    expect(out.events.find((e) => e.kind === 'gm-change' && e.detail.localClock === false)?.to).toBe('025353.fffe.00000a');
    expect(out.events.find((e) => e.kind === 'foreign-master')?.to).toBe('025353.fffe.00000a-1');
    expect(out.unparsed).toBe(0);
  });

  it('marks a step (s1) and the first summary windows, and flags offsets beyond 2^53', () => {
    const conv = new LogToSeries('dev', 'ptp4l');
    const out = conv.convert(
      lines([
        'ptp4l[1.000]: master offset 1762884964124186163 s1 freq +100000000 path delay 612',
        'ptp4l[2.000]: rms 2000000 max 5000000 freq +1000 +/- 900 delay 600 +/- 3',
        'ptp4l[3.000]: rms 40000 max 90000 freq +100 +/- 90 delay 600 +/- 3',
        'ptp4l[4.000]: rms 18 max 31 freq +25872 +/- 13 delay 1743 +/- 1',
      ]),
    );
    const step = out.readings[0]?.values.find((v) => v.metric === 'ptp.servo_offset');
    expect(step?.flags).toBe(POINT_FLAGS.step | POINT_FLAGS.inexact);
    const rmsFlags = out.readings.slice(1).map((r) => r.values.find((v) => v.metric === 'ptp.summary_offset_rms')?.flags);
    expect(rmsFlags).toEqual([POINT_FLAGS.transient, POINT_FLAGS.transient, 0]);
    conv.restart();
    expect(conv.convert(lines(['ptp4l[9.000]: rms 1 max 1 freq +1 +/- 1'])).readings[0]?.values[0]?.flags).toBe(POINT_FLAGS.transient);
  });

  it('keeps phc2sys and ts2phc clocks apart by label, and makes holdover an event when it changes', () => {
    const out = new LogToSeries('dev', 'gm').convert(
      lines([
        'phc2sys[10.0]: CLOCK_REALTIME phc offset -27 s2 freq -36526 delay 559',
        'phc2sys[10.5]: eth1 sys offset 5 s2 freq +12 delay 600',
        'ts2phc[11.0]: /dev/ptp1 offset 3 s2 freq -4',
        'ts2phc[12.0]: /dev/ptp1 offset 9 s2 freq -5 holdover',
        'ts2phc[13.0]: /dev/ptp1 lost holdover lock (offset 1234)',
        'ts2phc[14.0]: /dev/ptp1 offset 2 s2 freq -4',
      ]),
    );
    const phc = out.readings.flatMap((r) => r.values).filter((v) => v.metric === 'phc2sys.offset');
    expect(phc.map((v) => [v.labels, v.value])).toEqual([
      [{ clock: 'CLOCK_REALTIME', source: 'phc' }, -27],
      [{ clock: 'eth1', source: 'sys' }, 5],
    ]);
    expect(out.events.filter((e) => e.kind === 'holdover').map((e) => `${e.from}>${e.to}`)).toEqual(['locked>holdover']);
    expect(out.events.find((e) => e.kind === 'notice')?.to).toBe('ts2phc-holdover-lost');
  });

  it('makes each servo state change one servo-state event per clock (the first state seen included), again after a restart', () => {
    const conv = new LogToSeries('dev', 'ptp4l');
    const out = conv.convert(
      lines([
        'ptp4l[1.0]: master offset 9000 s0 freq +0 path delay 600',
        'ptp4l[2.0]: master offset 8000 s0 freq +0 path delay 600',
        'ptp4l[3.0]: master offset 7000 s1 freq +100 path delay 600',
        'ptp4l[4.0]: master offset 12 s2 freq +110 path delay 600',
        'phc2sys[4.5]: CLOCK_REALTIME phc offset -27 s2 freq -36526 delay 559',
        'ptp4l[5.0]: master offset 10 s2 freq +111 path delay 600',
        'ptp4l[6.0]: master offset 900000 s0 freq +111 path delay 600',
      ]),
    );
    const servo = out.events.filter((e) => e.kind === 'servo-state');
    expect(servo.map((e) => [e.detail.clock ?? 'ptp4l', e.from, e.to])).toEqual([
      ['ptp4l', null, 's0'],
      ['ptp4l', 's0', 's1'],
      ['ptp4l', 's1', 's2'],
      ['CLOCK_REALTIME', null, 's2'],
      ['ptp4l', 's2', 's0'],
    ]);
    expect(servo[1]?.tMs).toBe(1_795_000_000_002);
    conv.restart();
    expect(conv.convert(lines(['ptp4l[9.0]: master offset 5 s0 freq +0 path delay 600'])).events.map((e) => [e.kind, e.from, e.to])).toEqual([['servo-state', null, 's0']]);
  });

  it('counts and keeps unparsed lines, and counts tx-timestamp timeouts', () => {
    const out = new LogToSeries('dev', 'ptp4l').convert(lines(['ptp4l[1.0]: timed out while polling for tx timestamp', 'something else entirely', 'ptp4l[2.0]: port 1 (eth0): link down']));
    expect(out).toMatchObject({ unparsed: 1, unparsedSamples: ['something else entirely'], txTimestampTimeouts: 1 });
    expect(out.events.map((e) => [e.kind, e.to])).toEqual([
      ['notice', 'tx-timestamp-timeout'],
      ['link', 'down'],
    ]);
  });
});
