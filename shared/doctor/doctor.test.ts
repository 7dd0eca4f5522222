import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCTOR_TEXT } from './doctor-text';
import { checkLeapSeconds, checkLinuxptpVersion, checkPtp4lRunning, checkTimeDaemons, checkTimestamping, checkTxTimeouts, ethtoolTimestampingArgv, findingText } from './checks';
import { parseEthtoolTimestamping } from './ethtool-timestamping';
import { parseLeapSecondsList } from './leap-seconds';
import { hasFeature, parseLinuxptpVersion } from './linuxptp-version';
import { parseProcessList } from './process-list';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

const OLD_ETHTOOL_I210 = `Time stamping parameters for enp1s0:
Capabilities:
\thardware-transmit     (SOF_TIMESTAMPING_TX_HARDWARE)
\tsoftware-transmit     (SOF_TIMESTAMPING_TX_SOFTWARE)
\thardware-receive      (SOF_TIMESTAMPING_RX_HARDWARE)
\tsoftware-receive      (SOF_TIMESTAMPING_RX_SOFTWARE)
\tsoftware-system-clock (SOF_TIMESTAMPING_SOFTWARE)
\thardware-raw-clock    (SOF_TIMESTAMPING_RAW_HARDWARE)
PTP Hardware Clock: 0
Hardware Transmit Timestamp Modes:
\toff                   (HWTSTAMP_TX_OFF)
\ton                    (HWTSTAMP_TX_ON)
Hardware Receive Filter Modes:
\tnone                  (HWTSTAMP_FILTER_NONE)
\tall                   (HWTSTAMP_FILTER_ALL)
`;

describe('ethtool -T', () => {
  it('reads the lab veth (ethtool 6.1): software only, no PHC', () => {
    const caps = parseEthtoolTimestamping(fixture('ethtool-6.1-veth-T.txt'));
    expect(caps).toEqual({ iface: 'eth0', readable: true, capabilities: ['software-transmit', 'software-receive', 'software-system-clock'], phcIndex: null, txModes: [], rxFilters: [] });
    expect(checkTimestamping('eth0', caps, 'SOFTWARE')).toMatchObject({ status: 'ok' });
    expect(checkTimestamping('eth0', caps, 'HARDWARE')).toMatchObject({ status: 'fail', params: { missing: 'hardware-transmit, hardware-receive, hardware-raw-clock, PTP Hardware Clock' } });
  });

  it('reads the older ioctl printout with SOF_ names', () => {
    const caps = parseEthtoolTimestamping(OLD_ETHTOOL_I210);
    expect(caps.phcIndex).toBe(0);
    expect(caps.txModes).toEqual(['off', 'on']);
    expect(caps.rxFilters).toEqual(['none', 'all']);
    expect(checkTimestamping('enp1s0', caps, 'HARDWARE').status).toBe('ok');
    expect(checkTimestamping('enp1s0', caps, 'ONESTEP')).toMatchObject({ status: 'fail', params: { missing: 'transmit mode onestep-sync' } });
  });

  it('says unknown for output that is not ethtool -T, and refuses hostile interface names in the argv', () => {
    expect(checkTimestamping('eth0', parseEthtoolTimestamping('ethtool: command not found'), 'HARDWARE').status).toBe('unknown');
    expect(ethtoolTimestampingArgv('eth0')).toEqual(['ethtool', '-T', 'eth0']);
    for (const bad of ['eth0; reboot', '$(id)', '../x', 'a b', '', 'x'.repeat(16), '..']) expect(ethtoolTimestampingArgv(bad)).toBeNull();
  });
});

describe('leap-seconds.list', () => {
  const leap = parseLeapSecondsList(fixture('debian-tzdata-2025b-leap-seconds.list'));

  it('reads the expiry and TAI−UTC of the real tzdata file', () => {
    expect(new Date(leap.expiresAtMs!).toISOString()).toBe('2026-06-28T00:00:00.000Z');
    expect(leap.taiMinusUtcS).toBe(37);
  });

  it('fails once expired, warns within 30 days, passes before', () => {
    const expires = leap.expiresAtMs!;
    expect(checkLeapSeconds(leap, Date.UTC(2026, 10, 25))).toMatchObject({ status: 'fail', params: { date: '2026-06-28' } });
    expect(checkLeapSeconds(leap, expires - 10 * 86_400_000)).toMatchObject({ status: 'warn', params: { days: 10 } });
    expect(checkLeapSeconds(leap, expires - 100 * 86_400_000)).toMatchObject({ status: 'ok', params: { taiMinusUtc: 37 } });
    expect(checkLeapSeconds(parseLeapSecondsList('garbage'), 0).status).toBe('unknown');
  });
});

describe('processes and versions', () => {
  it('finds the lab ptp4l instances in real ps output', () => {
    const ps = parseProcessList(fixture('procps-ps-lab.txt'));
    expect(checkPtp4lRunning(ps)).toMatchObject({ status: 'ok', params: { count: 3 } });
    expect(checkTimeDaemons(ps)).toMatchObject({ status: 'ok' });
    expect(checkPtp4lRunning(parseProcessList('  PID COMMAND COMMAND\n'))).toMatchObject({ status: 'fail' });
  });

  it('matches each instance to the ptp4l started with its config file, not to any ptp4l', () => {
    const ps = parseProcessList(' 10 ptp4l ptp4l -f /etc/linuxptp/eth0.conf -i eth0\n 11 ptp4l /usr/sbin/ptp4l --config=/etc/linuxptp/eth1.conf\n 12 ptp4l ptp4l -f /other/machine.conf\n');
    const eth0 = { name: 'eth0', configPath: '/etc/linuxptp/eth0.conf' };
    const eth1 = { name: 'eth1', configPath: '/etc/linuxptp/eth1.conf' };
    expect(checkPtp4lRunning(ps, [eth0, eth1])).toMatchObject({ status: 'ok', textId: 'doctor.ptp4l.ok-by-config', params: { count: 2 } });
    expect(checkPtp4lRunning(ps, [eth0, { name: 'eth2', configPath: '/etc/linuxptp/eth2.conf' }])).toMatchObject({ status: 'warn', params: { instances: 'eth2 (/etc/linuxptp/eth2.conf)', count: 3 } });
    // A path that is only a prefix of another is not a match.
    expect(checkPtp4lRunning(ps, [{ name: 'e', configPath: '/etc/linuxptp/eth' }])).toMatchObject({ status: 'warn' });
    // Without config paths, every ptp4l counts.
    expect(checkPtp4lRunning(ps, [{ name: 'ptp4l' }])).toMatchObject({ status: 'ok', textId: 'doctor.ptp4l.ok', params: { count: 3 } });
  });

  it('flags chronyd or timesyncd steering the clock phc2sys steers', () => {
    const ps = parseProcessList(' 10 phc2sys phc2sys -a -r\n 11 chronyd /usr/sbin/chronyd -F 1\n 12 systemd-timesyn /lib/systemd/systemd-timesyncd\n');
    expect(checkTimeDaemons(ps)).toMatchObject({ status: 'fail', params: { daemons: 'chronyd, systemd-timesyn' } });
    expect(checkTimeDaemons(parseProcessList(' 11 chronyd /usr/sbin/chronyd\n'))).toMatchObject({ status: 'ok' });
  });

  it('reads linuxptp versions as distros print them, and what each supports', () => {
    expect(parseLinuxptpVersion('3.1.1\n')).toMatchObject({ major: 3, minor: 1, patch: 1 });
    expect(parseLinuxptpVersion('v4.4')).toMatchObject({ major: 4, minor: 4, patch: 0 });
    expect(parseLinuxptpVersion('3.1.1-6.el8_9.2')).toMatchObject({ major: 3, minor: 1, patch: 1 });
    expect(parseLinuxptpVersion('ptp4l: command not found')).toBeNull();
    expect(hasFeature(parseLinuxptpVersion('3.1.1')!, 'readOnlyUds')).toBe(false);
    expect(hasFeature(parseLinuxptpVersion('4.2')!, 'messageTagLevel')).toBe(true);
    expect(checkLinuxptpVersion(parseLinuxptpVersion('1.9.2'))).toMatchObject({ status: 'warn', params: { version: '1.9.2', lacks: 'PORT_STATS_NP, PORT_SERVICE_STATS_NP, UNICAST_MASTER_TABLE_NP, PORT_HWCLOCK_NP, PORT_CORRECTIONS_NP' } });
    // The data sets a version lacks are the ones the collector does not ask it for.
    expect(checkLinuxptpVersion(parseLinuxptpVersion('3.1.1'))).toMatchObject({ status: 'ok', params: { version: '3.1.1', lacks: 'PORT_SERVICE_STATS_NP, UNICAST_MASTER_TABLE_NP, PORT_HWCLOCK_NP, PORT_CORRECTIONS_NP' } });
    expect(checkLinuxptpVersion(parseLinuxptpVersion('4.2'))).toMatchObject({ status: 'ok', params: { version: '4.2', lacks: 'PORT_CORRECTIONS_NP' } });
    expect(checkLinuxptpVersion(parseLinuxptpVersion('4.5'))).toMatchObject({ status: 'ok', params: { version: '4.5', lacks: '—' } });
    expect(checkLinuxptpVersion(null).status).toBe('unknown');
    expect(checkTxTimeouts(3)).toMatchObject({ status: 'warn', params: { count: 3 } });
  });

  it('speaks both languages with the same placeholders', () => {
    const holes = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [id, t] of Object.entries(DOCTOR_TEXT)) {
      expect(holes(t['zh-CN'].message), id).toEqual(holes(t.en.message));
      expect(holes(t['zh-CN'].hint), id).toEqual(holes(t.en.hint));
    }
    const f = checkLeapSeconds(parseLeapSecondsList(fixture('debian-tzdata-2025b-leap-seconds.list')), Date.UTC(2026, 10, 25));
    expect(findingText(f, 'zh-CN').message).toBe('闰秒文件已于 2026-06-28 过期。');
  });
});
