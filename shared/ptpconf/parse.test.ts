import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines } from './diff';
import { optionValue, removeOptionText, setOption, setOptionText } from './edit';
import { parsePtpConf, writePtpConf } from './parse';

// Lines made of what ptp4l.conf lines are made of, so sections, comments and settings all occur.
const piece = fc.constantFrom('[global]', '[eth0]', '[unicast_master_table]', '#', ' ', '\t', '\r', 'priority1', '128', 'x', '[', ']', 'UDPv4', '1.2.3.4', '  # c');
const line = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
const text = fc.tuple(fc.array(line, { maxLength: 12 }), fc.boolean()).map(([l, nl]) => l.join('\n') + (nl ? '\n' : ''));

describe('ptp4l.conf text kept byte for byte', () => {
  it('writes back the exact text it read, for any text', () => {
    fc.assert(fc.property(fc.oneof(text, fc.string()), (t) => writePtpConf(parsePtpConf(t)) === t), { numRuns: 2000 });
  });

  it('reads back a value it set, in any section, and changes nothing else when the option was there', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('global', 'eth0', 'eth1'), fc.constantFrom('priority1', 'logSyncInterval', 'delay_mechanism'), fc.stringMatching(/^[A-Za-z0-9.:-]{1,8}$/), (t, section, option, value) => {
        const conf = setOption(parsePtpConf(t), section, option, value);
        expect(optionValue(conf, section, option)).toBe(value);
        // Every line of the original is still there, in order: an edit only replaces or inserts.
        const changed = diffLines(t, writePtpConf(conf)).filter((d) => d.kind !== 'same');
        expect(changed.filter((d) => d.kind === 'remove').length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });

  it('reads ptp4l’s line kinds: comments only at the start, sections by name, settings with a value', () => {
    const conf = parsePtpConf('# top\npriority1 1\n[global]\n  domainNumber\t 24  \r\nverbose\n[ eth0 ]\nlogSyncInterval -3 # not a comment\n[unicast_master_table]\nUDPv4 192.0.2.1\n');
    expect(conf.lines.map((l) => l.kind)).toEqual(['comment', 'orphan', 'section', 'option', 'no-value', 'section', 'option', 'section', 'table-entry']);
    expect(conf.lines[3]).toMatchObject({ key: 'domainNumber', value: '24' });
    expect(conf.lines[5]?.section).toEqual({ kind: 'port', name: 'eth0' });
    expect(conf.lines[6]).toMatchObject({ key: 'logSyncInterval', value: '-3 # not a comment' });
  });
});

describe('minimal edits', () => {
  const GPTP = '#\n# gPTP\n#\n[global]\ngmCapable\t\t1\npriority1\t\t248\nlogSyncInterval\t\t-3\n';

  it('replaces only the value of an existing option, keeping its spacing', () => {
    expect(setOptionText(GPTP, 'global', 'priority1', '246')).toBe(GPTP.replace('priority1\t\t248', 'priority1\t\t246'));
    const crlf = '[global]\r\npriority1   128\r\n';
    expect(setOptionText(crlf, 'global', 'priority1', '7')).toBe('[global]\r\npriority1   7\r\n');
  });

  it('adds a new option under the last setting of its section, aligned like its neighbour', () => {
    expect(setOptionText(GPTP, 'global', 'priority2', '248')).toBe(`${GPTP}priority2\t\t248\n`);
    const spaced = '[global]\ndomainNumber            0\n\n[eth0]\n';
    expect(setOptionText(spaced, 'global', 'verbose', '1')).toBe('[global]\ndomainNumber            0\nverbose                 1\n\n[eth0]\n');
    expect(setOptionText(spaced, 'eth0', 'delay_mechanism', 'P2P')).toBe(`${spaced}delay_mechanism         P2P\n`);
  });

  it('adds a missing section: [global] before the first section, a port section at the end', () => {
    expect(setOptionText('# mine\n[eth0]\nlogSyncInterval 0\n', 'global', 'domainNumber', '24')).toBe('# mine\n[global]\ndomainNumber    24\n\n[eth0]\nlogSyncInterval 0\n');
    expect(setOptionText('[global]\npriority1 1\n', 'eth1', 'network_transport', 'L2')).toBe('[global]\npriority1 1\n\n[eth1]\nnetwork_transport L2\n');
    expect(setOptionText('', 'global', 'priority1', '1')).toBe('[global]\npriority1 1\n');
  });

  it('edits the line ptp4l reads when an option is repeated (the last), and removes every copy', () => {
    const twice = '[global]\npriority1 1\npriority1 2\n';
    expect(setOptionText(twice, 'global', 'priority1', '3')).toBe('[global]\npriority1 1\npriority1 3\n');
    expect(removeOptionText(twice, 'global', 'priority1')).toBe('[global]\n');
  });
});
