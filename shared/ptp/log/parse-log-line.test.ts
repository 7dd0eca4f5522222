import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitLogLine, wallTimeMs } from './log-prefix';
import { parseLogLine, parseLogMessage } from './parse-log-line';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8').split('\n').filter(Boolean);

describe('linuxptp log prefixes', () => {
  it('reads the stdout form, with and without message_tag', () => {
    expect(splitLogLine('ptp4l[5374.018]: master offset -5 s2 freq -1840 path delay 501')).toEqual({
      prefix: { program: 'ptp4l', pid: null, host: null, monotonicS: 5374.018, wallTimeText: null, tag: null },
      message: 'master offset -5 s2 freq -1840 path delay 501',
    });
    const tagged = splitLogLine('ptp4l[412707.219]: [ptp4l.0.config:5] port 11 (ens8f2): LISTENING to MASTER on ANNOUNCE_RECEIPT_TIMEOUT_EXPIRES');
    expect(tagged.prefix).toMatchObject({ program: 'ptp4l', monotonicS: 412707.219, tag: 'ptp4l.0.config:5' });
    expect(tagged.message).toBe('port 11 (ens8f2): LISTENING to MASTER on ANNOUNCE_RECEIPT_TIMEOUT_EXPIRES');
  });

  it('reads syslog and every journalctl short form, and stdout wrapped by journald', () => {
    const cases: [string, Partial<ReturnType<typeof splitLogLine>['prefix']>][] = [
      ['Nov  5 01:23:45 gm1 ptp4l: [5374.018] master offset 1 s2 freq +3 path delay 5', { program: 'ptp4l', pid: null, host: 'gm1', monotonicS: 5374.018, wallTimeText: 'Nov  5 01:23:45' }],
      ['Apr 30 22:57:36 budtb phc2sys[5940]: [50.569] clockcheck: clock jumped forward or running faster than expected!', { program: 'phc2sys', pid: 5940, monotonicS: 50.569 }],
      ['Nov 25 01:23:45.123456 lab ptp4l[812]: [5374.018] [ptp4l.1.config] rms 18 max 31 freq +25872 +/- 13', { pid: 812, tag: 'ptp4l.1.config', wallTimeText: 'Nov 25 01:23:45.123456' }],
      ['2026-11-25T01:23:45+0000 lab ts2phc[9]: [521734.693] [ts2phc.0.config:6] /dev/ptp6 offset 0 s2 freq -0', { program: 'ts2phc', tag: 'ts2phc.0.config:6', wallTimeText: '2026-11-25T01:23:45+0000' }],
      ['2026-11-25T01:23:45.123456+01:00 lab ptp4l[812]: ptp4l[5374.018]: port 1: link down', { program: 'ptp4l', pid: 812, monotonicS: 5374.018, host: 'lab' }],
    ];
    for (const [line, want] of cases) expect(splitLogLine(line).prefix, line).toMatchObject(want);
    expect(splitLogLine(cases[4]![0]).message).toBe('port 1: link down');
  });

  it('turns syslog stamps into wall time, with the zone they carry or the one given', () => {
    expect(wallTimeMs('2026-11-25T01:23:45.5+01:00', { year: 0 })).toBe(Date.UTC(2026, 10, 25, 0, 23, 45, 500));
    expect(wallTimeMs('2026-11-25T01:23:45+0000', { year: 0 })).toBe(Date.UTC(2026, 10, 25, 1, 23, 45));
    expect(wallTimeMs('Nov  5 01:23:45.000250', { year: 2026, utcOffsetMinutes: 60 })).toBe(Date.UTC(2026, 10, 5, 0, 23, 45) + 0.25);
    expect(wallTimeMs('Foo  5 01:23:45', { year: 2026 })).toBeNull();
  });
});

describe('ptp4l lines of every version', () => {
  it('reads every line of a real lab slave and grandmaster (linuxptp 3.1.1) without one unparsed', () => {
    const lines = [...fixture('linuxptp-3.1.1-lab-slave-stdout.txt'), ...fixture('linuxptp-3.1.1-lab-gm-stdout.txt')];
    const records = lines.map((l) => parseLogLine(l).record);
    expect(records.filter((r) => r.kind === 'unparsed')).toEqual([]);
    const samples = records.filter((r) => r.kind === 'ptp4l-sample');
    expect(samples.length).toBeGreaterThan(10);
    // Each sample's numbers are the ones printed on its line.
    for (const line of lines.filter((l) => l.includes('master offset'))) {
      // Read independently of the parser: whitespace-separated words after the `]: ` of the prefix.
      const words = line.slice(line.indexOf(']: ') + 3).split(/\s+/);
      const r = parseLogLine(line).record;
      expect(r).toMatchObject({ kind: 'ptp4l-sample', offsetNs: Number(words[2]), servo: Number(words[3]?.slice(1)), freqPpb: Number(words[5]), pathDelayNs: Number(words[8]), exact: true });
    }
  });

  it('reads per-sample lines, free-run 19-digit offsets flagged as not exact', () => {
    expect(parseLogMessage('master offset          1 s2 freq   -7272 path delay       528')).toEqual({ kind: 'ptp4l-sample', offsetNs: 1, servo: 2, freqPpb: -7272, pathDelayNs: 528, exact: true });
    expect(parseLogMessage('master offset 1814389063 s0 freq +1000000 path delay -11282235')).toMatchObject({ offsetNs: 1814389063, freqPpb: 1000000, pathDelayNs: -11282235, exact: true });
    expect(parseLogMessage('master offset 1762884964124186163 s3 freq +100000000 path delay 612')).toMatchObject({ servo: 3, exact: false });
  });

  it('reads summaries with and without delay, for ptp4l and phc2sys', () => {
    expect(parseLogMessage('rms   18 max   31 freq +25872 +/-  13 delay  1743 +/-   1')).toEqual({ kind: 'summary', clock: null, rmsNs: 18, maxNs: 31, freqPpb: 25872, freqStdDevPpb: 13, delayNs: 1743, delayStdDevNs: 1 });
    expect(parseLogMessage('rms   43 max   53 freq    -58 +/-  28')).toMatchObject({ clock: null, delayNs: null, delayStdDevNs: null });
    expect(parseLogMessage('CLOCK_REALTIME rms   55 max   55 freq  -5664 +/-   0 delay  1133 +/-   0')).toMatchObject({ kind: 'summary', clock: 'CLOCK_REALTIME', delayNs: 1133 });
    expect(parseLogMessage('ens3f0 rms    1 max    1 freq +31307 +/-   0 delay  1885 +/-   0')).toMatchObject({ clock: 'ens3f0', freqPpb: 31307 });
  });

  it('reads port transitions in the 3.x and 4.x forms, with fault types', () => {
    expect(parseLogMessage('port 1: UNCALIBRATED to SLAVE on MASTER_CLOCK_SELECTED')).toEqual({ kind: 'port-state', port: 1, iface: null, from: 'UNCALIBRATED', to: 'SLAVE', event: 'MASTER_CLOCK_SELECTED', fault: null });
    expect(parseLogMessage('port 1 (eth0): MASTER to FAULTY on FAULT_DETECTED (FT_UNSPECIFIED)')).toEqual({ kind: 'port-state', port: 1, iface: 'eth0', from: 'MASTER', to: 'FAULTY', event: 'FAULT_DETECTED', fault: 'FT_UNSPECIFIED' });
    expect(parseLogMessage('port 1 (end0): LISTENING to GRAND_MASTER on RS_GRAND_MASTER')).toMatchObject({ to: 'GRAND_MASTER' });
    expect(parseLogMessage('port 0 (/var/run/ptp4l): INITIALIZING to LISTENING on INIT_COMPLETE')).toMatchObject({ port: 0, iface: '/var/run/ptp4l' });
    expect(parseLogMessage('port 1: INITIALIZING to LISTENING on INITIALIZE')).toMatchObject({ event: 'INITIALIZE' });
    // Not a state linuxptp has: not a transition.
    expect(parseLogMessage('port 1: WAITING to SLAVE on RS_SLAVE').kind).toBe('unparsed');
  });

  it('reads best-master, grandmaster-role, foreign-master and link lines', () => {
    expect(parseLogMessage('selected best master clock 00049f.fffe.ef0606')).toEqual({ kind: 'best-master', identity: '00049f.fffe.ef0606', port: null, iface: null });
    expect(parseLogMessage('selected best master clock b0227a.fffe.d8b7e3 on port 1')).toMatchObject({ port: 1 });
    expect(parseLogMessage('selected local clock da1dfd.fffe.a96067 as best master')).toMatchObject({ kind: 'local-best-master', identity: 'da1dfd.fffe.a96067' });
    expect(parseLogMessage('port 1 (eth0): assuming the grand master role')).toMatchObject({ kind: 'grandmaster-role', port: 1, iface: 'eth0' });
    expect(parseLogMessage('assuming the grand master role')).toMatchObject({ kind: 'grandmaster-role', port: null });
    expect(parseLogMessage('port 1 (end0): new foreign master c85acf.fffe.be5a9d-1')).toMatchObject({ kind: 'foreign-master', identity: 'c85acf.fffe.be5a9d-1', iface: 'end0' });
    expect(parseLogMessage('port 1 (eth0): link down')).toEqual({ kind: 'link', port: 1, iface: 'eth0', up: false });
    expect(parseLogMessage('port 2: link up')).toEqual({ kind: 'link', port: 2, iface: null, up: true });
  });

  it('reads faults and warnings as notices with a stable code', () => {
    const code = (m: string) => {
      const r = parseLogMessage(m);
      return r.kind === 'notice' ? [r.code, r.severity, r.port, r.subject] : r.kind;
    };
    expect(code('timed out while polling for tx timestamp')).toEqual(['tx-timestamp-timeout', 'error', null, null]);
    expect(code('increasing tx_timestamp_timeout may correct this issue, but it is likely caused by a driver bug')).toEqual(['tx-timestamp-advice', 'info', null, null]);
    expect(code('increasing tx_timestamp_timeout or increasing kworker priority may correct this issue, but a driver bug likely causes it')[0]).toBe('tx-timestamp-advice');
    expect(code('port 1 (eth0): send sync failed')).toEqual(['send-failed', 'error', 1, 'sync']);
    expect(code('clockcheck: clock jumped backward or running slower than expected!')[0]).toBe('clock-jump-backward');
    expect(code('clockcheck: clock jumped forward or running faster than expected!')[0]).toBe('clock-jump-forward');
    expect(code('clockcheck: clock frequency changed unexpectedly!')[0]).toBe('clock-frequency-changed');
    expect(code('port 1 (eth2): received SYNC without timestamp')).toEqual(['received-without-timestamp', 'warning', 1, 'SYNC']);
    expect(code('port 1 (eth0): rogue peer delay response')[0]).toBe('rogue-peer-delay-response');
    expect(code('port 1: missing timestamp on transmitted peer delay response')).toEqual(['missing-timestamp', 'warning', 1, 'transmitted peer delay response']);
    expect(code('port 1 (enp2s0): master state recommended in slave only mode')[0]).toBe('slave-only-master-recommended');
    expect(code('port 1 (enp2s0): defaultDS.priority1 probably misconfigured')[0]).toBe('priority1-misconfigured');
    expect(code('foreign master not using PTP timescale')[0]).toBe('not-ptp-timescale');
    expect(code('subscriber 001122.fffe.334455-1 timed out')).toEqual(['subscriber-timed-out', 'info', null, '001122.fffe.334455-1']);
    expect(parseLogMessage('updating UTC offset to 37')).toMatchObject({ code: 'utc-offset-updated', value: 37 });
    expect(code('selected /dev/ptp0 as PTP clock')).toEqual(['phc-selected', 'info', null, '/dev/ptp0']);
  });
});

describe('phc2sys and ts2phc lines', () => {
  it('reads phc2sys samples of every source kind, with and without delay', () => {
    expect(parseLogMessage('CLOCK_REALTIME phc offset       943 s2 freq  -89604 delay    504')).toEqual({ kind: 'clock-sample', clock: 'CLOCK_REALTIME', source: 'phc', offsetNs: 943, servo: 2, freqPpb: -89604, delayNs: 504, exact: true });
    expect(parseLogMessage('swp3 sys offset       -24 s2 freq  -20914 delay   6720')).toMatchObject({ clock: 'swp3', source: 'sys' });
    expect(parseLogMessage('CLOCK_REALTIME pps offset     -1158 s2 freq   -3041')).toMatchObject({ source: 'pps', delayNs: null });
    expect(parseLogMessage('phc offset       -26 s2 freq   -1797 delay   1097', 'phc2sys')).toMatchObject({ kind: 'clock-sample', clock: 'CLOCK_REALTIME', source: 'phc', delayNs: 1097 });
    expect(parseLogMessage('CLOCK_REALTIME phc offset 1762884964124186163 s2 freq +100000000 delay    612')).toMatchObject({ exact: false });
  });

  it('reads the phc2sys auto-mode messages of 3.x, 4.1–4.4 and master', () => {
    const subject = (m: string) => {
      const r = parseLogMessage(m);
      return r.kind === 'notice' ? [r.code, r.subject] : r.kind;
    };
    expect(subject('selecting eth0 as the master clock')).toEqual(['phc2sys-source-selected', 'eth0']);
    expect(subject('selecting ens1f0 as domain source clock')).toEqual(['phc2sys-source-selected', 'ens1f0']);
    expect(subject('selecting CLOCK_REALTIME as source clock')).toEqual(['phc2sys-source-selected', 'CLOCK_REALTIME']);
    expect(subject('selecting system clock as source clock')).toEqual(['phc2sys-source-selected', 'system clock']);
    expect(subject('selecting eth1 as out-of-domain source clock')).toEqual(['phc2sys-source-selected', 'eth1']);
    expect(subject('selecting CLOCK_REALTIME for synchronization')).toEqual(['phc2sys-sync-target-selected', 'CLOCK_REALTIME']);
    expect(subject('selecting system clock for synchronization')).toEqual(['phc2sys-sync-target-selected', 'system clock']);
    expect(subject('master clock not ready, waiting...')[0]).toBe('phc2sys-source-not-ready');
    expect(subject('source clock not ready, waiting...')[0]).toBe('phc2sys-source-not-ready');
    expect(subject('multiple master clocks available, postponing sync...')[0]).toBe('phc2sys-multiple-sources');
    expect(subject('multiple source clocks available, postponing sync...')[0]).toBe('phc2sys-multiple-sources');
    expect(subject('reconfiguring after port state change')[0]).toBe('phc2sys-reconfiguring');
    expect(subject('Waiting for ptp4l...')[0]).toBe('phc2sys-waiting');
    expect(subject('clock update suspended due to leap second')[0]).toBe('leap-second-suspend');
  });

  it('reads ts2phc 3.x (interface, "master offset") and 4.x (/dev/ptpN, holdover, free-running) lines', () => {
    expect(parseLogMessage('ens3f0 master offset         -1 s2 freq      -1', 'ts2phc')).toEqual({ kind: 'ts2phc-sample', clock: 'ens3f0', offsetNs: -1, servo: 2, freqPpb: -1, holdover: false, exact: true });
    expect(parseLogMessage('ens3f0 master offset         -1 s2 freq      -1')).toMatchObject({ kind: 'ts2phc-sample' });
    expect(parseLogMessage('/dev/ptp6 offset          0 s2 freq      -0')).toEqual({ kind: 'ts2phc-sample', clock: '/dev/ptp6', offsetNs: 0, servo: 2, freqPpb: -0, holdover: false, exact: true });
    expect(parseLogMessage('/dev/ptp6 offset         12 s2 freq     +35 holdover')).toMatchObject({ holdover: true });
    expect(parseLogMessage('/dev/ptp1 offset        -17', 'ts2phc')).toMatchObject({ kind: 'ts2phc-sample', servo: null, freqPpb: null });
    expect(parseLogMessage('/dev/ptp1 lost holdover lock (offset       1234)')).toMatchObject({ kind: 'notice', code: 'ts2phc-holdover-lost', subject: '/dev/ptp1', value: 1234 });
    expect(parseLogMessage('source ts not valid')).toMatchObject({ code: 'ts2phc-source-invalid' });
    expect(parseLogMessage('nmea: rmc time stamp stale')).toMatchObject({ code: 'ts2phc-nmea-stale' });
    expect(parseLogMessage('selecting /dev/ptp1 as the reference clock')).toMatchObject({ code: 'ts2phc-reference-selected', subject: '/dev/ptp1' });
  });

  it('reads whole real-shaped lines, prefix and message together', () => {
    const r = parseLogLine('phc2sys[94980.450]: [ptp4l.0.config] CLOCK_REALTIME phc offset       943 s2 freq  -89604 delay    504');
    expect(r.prefix).toMatchObject({ program: 'phc2sys', monotonicS: 94980.45, tag: 'ptp4l.0.config' });
    expect(r.record).toMatchObject({ kind: 'clock-sample', offsetNs: 943 });
    const old = parseLogLine('phc2sys[1046.183]: phc offset       -26 s2 freq   -1797 delay   1097');
    expect(old.record).toMatchObject({ kind: 'clock-sample', source: 'phc' });
  });
});

describe('bad input', () => {
  it('never throws, and keeps anything unknown as unparsed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = parseLogLine(s);
        expect(typeof r.record.kind).toBe('string');
      }),
      { numRuns: 2000 },
    );
    expect(parseLogLine('x'.repeat(100_000)).record.kind).toBe('unparsed');
    expect(parseLogLine('').record.kind).toBe('unparsed');
  });

  it('mutating a real line never throws, and a parsed sample still carries numbers from the line', () => {
    const lines = fixture('linuxptp-3.1.1-lab-slave-stdout.txt');
    fc.assert(
      fc.property(fc.constantFrom(...lines), fc.nat(200), fc.string({ maxLength: 8 }), fc.nat(8), (line, at, insert, cut) => {
        const i = at % (line.length + 1);
        const mutated = line.slice(0, i) + insert + line.slice(i + cut);
        const { record, message } = parseLogLine(mutated);
        if (record.kind === 'ptp4l-sample') {
          const numbers = message.match(/[+-]?\d+/g)?.map(Number) ?? [];
          expect(numbers).toContain(record.offsetNs);
          expect(numbers).toContain(record.pathDelayNs);
        }
        if (record.kind === 'port-state') expect(message).toContain(`${record.from} to ${record.to}`);
      }),
      { numRuns: 3000 },
    );
  });
});
