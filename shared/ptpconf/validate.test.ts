import { describe, expect, it } from 'vitest';
import { issueText, type PtpConfIssue } from './issue';
import { PTPCONF_TEMPLATES } from './templates';
import { validatePtpConf } from './validate';
import { LINUXPTP_RELEASES, releaseOf } from './versions';

const brief = (issues: PtpConfIssue[]) => issues.map((i) => `${i.line} ${i.severity} ${i.id}`);
const en = (i: PtpConfIssue | undefined) => (i ? issueText(i, 'en').message : '');
const zh = (i: PtpConfIssue | undefined) => (i ? issueText(i, 'zh-CN').message : '');

describe('validating a ptp4l.conf against linuxptp’s option table', () => {
  it('says which line holds an out-of-range value, in English and Chinese, with the range', () => {
    const r = validatePtpConf('[global]\n# comment\npriority1 300\nlogSyncInterval -3\n');
    expect(brief(r.issues)).toEqual(['3 error ptpconf.out-of-range']);
    expect(en(r.issues[0])).toBe('Line 3: 300 is out of range for priority1 (0 to 255).');
    expect(zh(r.issues[0])).toBe('第 3 行：300 超出了 priority1 的取值范围（0 到 255）。');
    expect(issueText(r.issues[0]!, 'en').hint).toContain('"300 is an out of range value for option priority1 at line 3"');
  });

  it('reads numbers as C does (hex, octal, sign) and refuses what strtol would not', () => {
    expect(validatePtpConf('[global]\ntransportSpecific 0x1\nnetwork_transport L2\ndelay_mechanism P2P\nclockAccuracy 0xFE\nlogSyncInterval -4\nuds_file_mode 0660\n').issues).toEqual([]);
    const r = validatePtpConf('[global]\ndomainNumber 2 4\npriority1 12.5\nstep_threshold 1e-3\nfirst_step_threshold abc\n');
    expect(brief(r.issues)).toEqual(['2 error ptpconf.not-an-integer', '3 error ptpconf.not-an-integer', '5 error ptpconf.not-a-number']);
  });

  it('suggests the option meant by a misspelt or mis-cased name', () => {
    const r = validatePtpConf('[global]\nPriority1 10\nlogSyncIntrval 0\nfrobnicate 1\n');
    expect(r.issues.map((i) => issueText(i, 'en').hint)).toEqual([
      expect.stringContaining('Did you mean priority1?'),
      expect.stringContaining('Did you mean logSyncInterval?'),
      expect.stringContaining('Check the spelling'),
    ]);
    expect(issueText(r.issues[0]!, 'zh-CN').hint).toContain('您是想写 priority1 吗？');
  });

  it('refuses a global option in a port section and a bad enum value, naming the valid ones', () => {
    const r = validatePtpConf('[global]\n[eth0]\npriority1 3\ndelay_mechanism e2e\nnetwork_transport UDP\n');
    expect(brief(r.issues)).toEqual(['3 error ptpconf.wrong-scope', '5 error ptpconf.bad-enum']);
    expect(issueText(r.issues[1]!, 'en').hint).toBe('Valid values: UDPv4, UDPv6, L2.');
  });

  it('knows which options a linuxptp release has: clientOnly is 4.0, slaveOnly is deprecated from 4.0', () => {
    const old = validatePtpConf('[global]\nclientOnly 1\n', { release: '3.1' });
    expect(brief(old.issues)).toEqual(['2 error ptpconf.not-in-version']);
    expect(en(old.issues[0])).toBe('Line 2: clientOnly is not in linuxptp 3.1; it first appears in 4.0.');
    expect(validatePtpConf('[global]\nslaveOnly 1\n', { release: '3.1' }).issues).toEqual([]);
    const now = validatePtpConf('[global]\nslaveOnly 1\n', { release: '4.4' });
    expect(brief(now.issues)).toEqual(['2 warning ptpconf.deprecated']);
    expect(en(now.issues[0])).toBe('Line 2: slaveOnly is deprecated in linuxptp 4.4; it is read as clientOnly.');
    expect(brief(validatePtpConf('[global]\ndomainNumber 200\n', { release: '3.1' }).issues)).toEqual(['2 error ptpconf.out-of-range']);
    expect(validatePtpConf('[global]\ndomainNumber 200\n', { release: '4.0' }).issues).toEqual([]);
    expect(brief(validatePtpConf('[global]\ndelay_mechanism COMMON_P2P\n', { release: '4.2' }).issues)).toEqual(['2 error ptpconf.value-not-in-version']);
  });

  it('warns (not refuses) when an option’s first release is inferred rather than read', () => {
    const r = validatePtpConf('[global]\nsocket_priority 3\n', { release: '2.0' });
    expect(brief(r.issues)).toEqual(['2 warning ptpconf.maybe-not-in-version']);
  });

  it('maps a device’s ptp4l -v text to the table’s release', () => {
    expect(releaseOf('3.1.1')).toBe('3.1');
    expect(releaseOf('3.1.1-6.el8')).toBe('3.1');
    expect(releaseOf('v4.4')).toBe('4.4');
    expect(releaseOf('5.0')).toBe('4.4');
    expect(releaseOf('1.8')).toBeNull();
    expect(releaseOf('banana')).toBeNull();
  });

  it('catches the structural mistakes ptp4l refuses: a setting before any section, a name without a value, a bad port name', () => {
    const r = validatePtpConf('priority1 1\n[global]\nverbose\n[this-name-is-far-too-long]\nlogSyncInterval 0\n');
    expect(brief(r.issues)).toEqual(['1 error ptpconf.not-in-section', '3 error ptpconf.no-value', '4 error ptpconf.bad-interface']);
  });

  it('says a comment after a value is part of the value, and warns of a repeated option', () => {
    const r = validatePtpConf('[global]\npriority1 128 # primary\nmessage_tag gm # one\npriority2 1\npriority2 2\n');
    expect(brief(r.issues)).toEqual(['2 error ptpconf.inline-comment', '3 warning ptpconf.inline-comment', '5 warning ptpconf.duplicate']);
    expect(en(r.issues[2])).toBe('Line 5: priority2 is set again in [global] (first on line 4); the later value wins.');
  });

  it('reads unicast master tables: ids, entries by transport, and the port that names one', () => {
    const good = '[global]\n[unicast_master_table]\ntable_id 1\nlogQueryInterval 2\nUDPv4 192.0.2.11\nUDPv6 2001:db8::1\nL2 00:1b:19:00:00:01\n[eth0]\nunicast_master_table 1\n';
    expect(validatePtpConf(good).issues).toEqual([]);
    const bad = '[global]\n[unicast_master_table]\nUDPv4 192.0.2.11\ntable_id 0\ntable_id 1\nUDPv4 192.0.2.300\nIPX 1\ntable_id 1\n[eth0]\nunicast_master_table 2\n';
    expect(brief(validatePtpConf(bad).issues)).toEqual([
      '3 error ptpconf.table-missing-id',
      '4 error ptpconf.table-bad-id',
      '6 error ptpconf.bad-address',
      '7 error ptpconf.table-bad-entry',
      '8 error ptpconf.table-duplicate-id',
      '10 error ptpconf.table-not-found',
    ]);
  });

  it('checks address-valued options by their form', () => {
    const r = validatePtpConf('[global]\nptp_dst_mac 01:1B:19:00:00\nclockIdentity 001122.fffe.334455\nmanufacturerIdentity 00:1B\n');
    expect(brief(r.issues)).toEqual(['2 error ptpconf.bad-address', '4 error ptpconf.bad-address']);
  });

  it('validates every template clean in every release from 3.1', () => {
    for (const t of Object.values(PTPCONF_TEMPLATES)) {
      for (const release of LINUXPTP_RELEASES.filter((r) => r >= '3.1')) expect({ id: t.id, release, issues: validatePtpConf(t.text, { release }).issues }).toEqual({ id: t.id, release, issues: [] });
    }
  });

  it('never throws, whatever the text', () => {
    for (const t of ['', '\n', '[', '[]\nx y', '[unicast_master_table]\n', '\u0000\u0001', 'a'.repeat(5000)]) expect(() => validatePtpConf(t)).not.toThrow();
  });
});
