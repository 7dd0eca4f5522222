import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POINT_FLAGS, type Reading } from '../series/series';
import { importedDeviceId, KEPT_UNPARSED_LINES, LogImportConverter } from './log-import-converter';

// Real `ptp4l -m` output of the lab's slave (shared/ptp/log/fixtures/README.md).
const STDOUT = readFileSync(join(__dirname, '..', 'ptp/log/fixtures/linuxptp-3.1.1-lab-slave-stdout.txt'), 'utf8').trimEnd().split('\n');
/** The device booted at this wall time, so `[s]` maps to BOOT_MS + s·1000 (UTC). */
const BOOT_MS = Date.UTC(2026, 11, 7, 9, 0, 0);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The fixture's lines re-printed the way syslog and journalctl print them, from each line's monotonic stamp; `delayMs` is the logging delay. */
function asForm(form: string, line: string, delayMs = 3): string {
  const m = /^ptp4l\[(\d+\.\d+)\]: (.*)$/.exec(line)!;
  const mono = m[1]!;
  const msg = m[2]!;
  const wall = new Date(BOOT_MS + Number(mono) * 1000 + delayMs);
  const d = wall.getUTCDate();
  const hms = wall.toISOString().slice(11, 19);
  const us = String(wall.getUTCMilliseconds() * 1000).padStart(6, '0');
  const bsd = `${MONTHS[wall.getUTCMonth()]} ${String(d).padStart(2, ' ')} ${hms}`;
  const iso = wall.toISOString().slice(0, 19);
  switch (form) {
    case 'short':
      return `${bsd} ss-s1 ptp4l[812]: [${mono}] ${msg}`;
    case 'journal-short':
      // journalctl -o short pads the day with a zero where syslog pads it with a space.
      return `${bsd.replace(/ {2}(\d) /, ' 0$1 ')} ss-s1 ptp4l[812]: [${mono}] ${msg}`;
    case 'short-precise':
      return `${bsd}.${us} ss-s1 ptp4l[812]: [${mono}] ${msg}`;
    case 'short-iso':
      return `${iso}+0000 ss-s1 ptp4l[812]: [${mono}] ${msg}`;
    case 'short-iso-precise':
      return `${iso}.${us}+00:00 ss-s1 ptp4l[812]: [${mono}] ${msg}`;
    case 'journal-wrapped-stdout':
      return `${bsd} ss-s1 ptp4l[812]: ptp4l[${mono}]: ${msg}`;
    case 'json':
      return JSON.stringify({ __REALTIME_TIMESTAMP: String(wall.getTime() * 1000), _HOSTNAME: 'ss-s1', SYSLOG_IDENTIFIER: 'ptp4l', _PID: '812', MESSAGE: `[${mono}] ${msg}` });
    default:
      return line;
  }
}

function run(lines: readonly string[], defaultDevice = 'lab-s1') {
  const conv = new LogImportConverter({ defaultDevice, year: 2026, utcOffsetMinutes: 0 });
  lines.forEach((l, i) => conv.line(l, i + 1));
  return { conv, ...conv.take() };
}

const offsets = (readings: Reading[]) => readings.flatMap((r) => r.values.filter((v) => v.metric === 'ptp.servo_offset').map((v) => ({ tMs: r.tUs / 1000, value: v.value, device: r.deviceTimeNs })));

describe('reading a raw log into a session', () => {
  it('reads plain `ptp4l -m` output on relative time: [seconds] since the device booted', () => {
    const { conv, readings, events } = run(STDOUT);
    expect(conv.counts).toMatchObject({ lines: STDOUT.length, unparsed: 0, wallLines: 0 });
    expect(conv.timeBase).toBe('relative');
    const o = offsets(readings);
    expect(o[0]).toEqual({ tMs: 575_349, value: 3103, device: '575349000000' });
    expect(o.length).toBe(STDOUT.filter((l) => l.includes('master offset')).length);
    expect(readings.every((r) => r.deviceId === 'log-lab-s1' && r.instance === 'ptp4l')).toBe(true);
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(['port-state', 'gm-change', 'foreign-master']));
    expect(conv.devices).toEqual(new Map([['lab-s1', 'log-lab-s1']]));
  });

  it.each(['short', 'journal-short', 'short-precise', 'short-iso', 'short-iso-precise', 'journal-wrapped-stdout', 'json'])(
    'reads the same lines as %s, anchored to wall time, each sample within its stamp\'s precision',
    (form) => {
      const plain = offsets(run(STDOUT).readings);
      const { conv, readings } = run(STDOUT.map((l) => asForm(form, l)));
      expect(conv.counts.unparsed).toBe(0);
      expect(conv.timeBase).toBe('wall');
      expect([...conv.devices.keys()]).toEqual(['ss-s1']);
      const o = offsets(readings);
      expect(o.map((x) => x.value)).toEqual(plain.map((x) => x.value));
      // Whole-second stamps are refined by [seconds]; the error is the logging delay, at most a second.
      const tolerance = form.includes('precise') || form === 'json' ? 4 : 1000;
      o.forEach((x, i) => expect(Math.abs(x.tMs - (BOOT_MS + (plain[i]!.tMs as number)))).toBeLessThanOrEqual(tolerance));
      // 2 s apart in the log, 2 s apart here: spacing comes from [seconds], not from the truncated stamp.
      expect(o[1]!.tMs - o[0]!.tMs).toBeCloseTo(plain[1]!.tMs - plain[0]!.tMs, 6);
    },
  );

  it('keeps lines of several hosts and instances apart (message_tag, program)', () => {
    const lines = [
      'Dec  7 10:00:00 bc-1 ptp4l[1]: [100.000] [ptp4l.eth0.config] master offset 5 s2 freq -3 path delay 100',
      'Dec  7 10:00:00 bc-1 ptp4l[2]: [100.000] [ptp4l.eth1.config:6] master offset 7 s2 freq -3 path delay 100',
      'Dec  7 10:00:00 gm-2 phc2sys[3]: [100.500] CLOCK_REALTIME phc offset -12 s2 freq +5 delay 900',
    ];
    const { readings, conv } = run(lines);
    expect(new Set(readings.map((r) => `${r.deviceId}/${r.instance}`))).toEqual(new Set(['log-bc-1/ptp4l.eth0.config', 'log-bc-1/ptp4l.eth1.config', 'log-gm-2/phc2sys']));
    expect(conv.devices.get('gm-2')).toBe(importedDeviceId('gm-2'));
  });

  it('flags placeholder offsets other tools write (999999, -9999999999999999) as sentinels, not values', () => {
    const { readings, conv } = run(['ptp4l[10.000]: master offset 999999 s2 freq +0 path delay 999999', 'ptp4l[11.000]: master offset -9999999999999999 s0 freq +0 path delay 10', 'ptp4l[12.000]: master offset 12 s2 freq +0 path delay 10']);
    const o = readings.map((r) => r.values.find((v) => v.metric === 'ptp.servo_offset'));
    expect(o.map((v) => [v?.value, v?.flags])).toEqual([
      [null, POINT_FLAGS.sentinel],
      [null, POINT_FLAGS.sentinel],
      [12, 0],
    ]);
    // A path delay of 999999 is a path delay.
    expect(readings[0]?.values.find((v) => v.metric === 'ptp.servo_path_delay')?.value).toBe(999999);
    expect(conv.counts.placeholders).toBe(2);
  });

  it('counts every unparsed line and keeps the first ones with their line numbers, clipped', () => {
    const junk = Array.from({ length: KEPT_UNPARSED_LINES + 50 }, (_, i) => `kernel: something else ${i} ${'x'.repeat(i === 0 ? 2000 : 0)}`);
    const { conv } = run(['', ...junk, STDOUT[3]!, '{"not": "a journal entry"}']);
    expect(conv.counts).toMatchObject({ lines: junk.length + 2, parsed: 1, unparsed: junk.length + 1 });
    expect(conv.unparsedKept.length).toBe(KEPT_UNPARSED_LINES);
    expect(conv.unparsedKept[0]).toMatchObject({ lineNo: 2 });
    expect(conv.unparsedKept[0]!.text.length).toBe(512);
  });

  it('moves BSD stamps into the next year when the log passes New Year', () => {
    const { readings } = run(['Dec 31 23:59:59 h ptp4l[1]: [10.000] master offset 1 s2 freq +0 path delay 1', 'Jan  1 00:00:01 h ptp4l[1]: [12.000] master offset 2 s2 freq +0 path delay 1']);
    expect(readings.map((r) => new Date(r.tUs / 1000).toISOString())).toEqual(['2026-12-31T23:59:59.000Z', '2027-01-01T00:00:01.000Z']);
  });
});
