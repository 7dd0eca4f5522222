import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePollOutput, SECTION_MARK, splitSections } from './poll-output';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const section = (name: string, body: string) => `\n${SECTION_MARK} ${name}\n${body}`;

describe('one poll\'s sections', () => {
  it('splits at the markers, even after output with no final newline (tc -j)', () => {
    const text = `${section('qdisc', '[]')}${section('class eth0', '')}${section('stat', 'cpu  1 2 3 4')}\n`;
    expect([...splitSections(text)]).toEqual([
      ['qdisc', '[]'],
      ['class eth0', ''],
      ['stat', 'cpu  1 2 3 4'],
    ]);
  });

  it('reads the text fallback when an old tc refused -j, for qdiscs and classes', () => {
    const text = [
      section('qdisc', 'Option "-j" is unknown, try "tc -help".'),
      section('qdisc-text', fixture('tc-6.1-qdisc-tbf-clsact.txt')),
      section('class eth0', 'Option "-j" is unknown, try "tc -help".'),
      section('class-text eth0', fixture('tc-6.1-class-htb-j-prints-text.txt')),
    ].join('');
    const out = parsePollOutput(text, ['eth0']);
    expect(out.qdiscs?.format).toBe('text');
    expect(out.qdiscs?.entries.map((q) => q.kind)).toEqual(['tbf', 'clsact']);
    expect(out.interfaces.get('eth0')?.classes?.entries.map((c) => c.classid)).toEqual(['1:10', '1:1']);
  });

  it('takes MAC merge from JSON or text, and an ethtool without --show-mm as nothing to show rather than a problem', () => {
    const withMm = parsePollOutput(section('ethtool-mm eth1', fixture('ethtool-show-mm-stmmac.json')), ['eth1']);
    expect(withMm.interfaces.get('eth1')?.macMerge?.verifyStatus).toBe('SUCCEEDED');
    const old = parsePollOutput(`${section('ethtool-mm eth1', fixture('ethtool-6.1-show-mm-unsupported.txt'))}${section('ethtool-mm-text eth1', fixture('ethtool-6.1-show-mm-unsupported.txt'))}`, ['eth1']);
    expect(old.interfaces.get('eth1')?.macMerge).toBeNull();
    const text = parsePollOutput(`${section('ethtool-mm eth0', 'ethtool: bad command line argument(s)')}${section('ethtool-mm-text eth0', fixture('ethtool-show-mm-am65.txt'))}`, ['eth0']);
    expect(text.interfaces.get('eth0')?.macMerge?.counters.MACMergeFragCountTx).toBe(57824);
  });

  it('adds the standard groups to the driver\'s counters, and nothing from an ethtool that refuses --all-groups', () => {
    const withGroups = parsePollOutput(`${section('ethtool-S eth0', fixture('ethtool-igc-S.txt'))}${section('ethtool-groups eth0', fixture('ethtool-S-groups.json'))}`, ['eth0']);
    expect(withGroups.interfaces.get('eth0')?.ethtool?.device).toMatchObject({ tx_hwtstamp_timeouts: 0, 'eth-mac.FramesTransmittedOK': 1200, 'rmon.rx-pkts65to127': 20 });
    const refused = parsePollOutput(`${section('ethtool-S eth0', fixture('ethtool-igc-S.txt'))}${section('ethtool-groups eth0', 'ethtool: bad command line argument(s)')}`, ['eth0']);
    expect(refused.interfaces.get('eth0')?.ethtool?.problems).toEqual([]);
    expect(Object.keys(refused.interfaces.get('eth0')?.ethtool?.device ?? {}).some((k) => k.includes('.'))).toBe(false);
  });

  it('gives nothing, not an error, for a section the poll did not ask for', () => {
    const out = parsePollOutput('', ['eth0']);
    expect(out.qdiscs).toBeNull();
    expect(out.interfaces.get('eth0')).toEqual({ classes: null, ethtool: null, timestamping: null, macMerge: null });
    expect([out.procStat, out.meminfo, out.loadavg, out.netdev]).toEqual([null, null, null, null]);
  });
});
