import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMacMerge } from './ethtool-mm';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('ethtool --show-mm (MAC merge, frame preemption)', () => {
  it('reads the text printout with its statistics', () => {
    const mm = parseMacMerge(fixture('ethtool-show-mm-am65.txt'));
    expect(mm).toMatchObject({ iface: 'eth0', pmacEnabled: true, txEnabled: true, txActive: true, txMinFragSize: 124, rxMinFragSize: 124, verifyEnabled: true, verifyTimeMs: 10, maxVerifyTimeMs: 134, verifyStatus: 'SUCCEEDED', problems: [] });
    expect(mm.counters).toEqual({ MACMergeFrameAssErrorCount: 0, MACMergeFrameSmdErrorCount: 0, MACMergeFrameAssOkCount: 0, MACMergeFragCountRx: 0, MACMergeFragCountTx: 57824, MACMergeHoldCount: 0 });
  });

  it('reads the JSON printout to the same state', () => {
    const mm = parseMacMerge(fixture('ethtool-show-mm-stmmac.json'));
    expect(mm).toMatchObject({ iface: 'eth1', pmacEnabled: true, txActive: true, txMinFragSize: 60, verifyTimeMs: 100, maxVerifyTimeMs: 128, verifyStatus: 'SUCCEEDED', problems: [] });
    expect(mm.counters.MACMergeFragCountTx).toBe(35105);
  });

  it('says the tool refused on an ethtool without --show-mm (real 6.1 output)', () => {
    const mm = parseMacMerge(fixture('ethtool-6.1-show-mm-unsupported.txt'));
    expect(mm.pmacEnabled).toBeNull();
    expect(mm.problems[0]).toMatchObject({ messageId: 'tsn.tool-failed' });
    expect(mm.problems[0]?.message).toContain('ethtool --show-mm failed on the device: ethtool: bad command line argument(s)');
  });
});
