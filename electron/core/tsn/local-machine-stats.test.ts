import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEthtoolStats } from '../../../shared/tsn/stats/ethtool-stats';
import { parseLoadavg } from '../../../shared/tsn/stats/proc-loadavg';
import { parseMeminfo } from '../../../shared/tsn/stats/proc-meminfo';
import { parseNetDev } from '../../../shared/tsn/stats/proc-net-dev';
import { cpuUsage, parseProcStat } from '../../../shared/tsn/stats/proc-stat';
import { parseClasses, parseQdiscs } from '../../../shared/tsn/stats/tc-parse';

const tc = (...args: string[]) => execFileSync('tc', args, { encoding: 'utf8' });

/** This machine's own tc, ethtool and /proc, read as a device's would be. */
describe('statistics of this machine', () => {
  it('reads lo\'s qdisc from tc -s -j and from the text form alike', () => {
    const json = parseQdiscs(tc('-s', '-j', 'qdisc', 'show', 'dev', 'lo'));
    const text = parseQdiscs(tc('-s', 'qdisc', 'show', 'dev', 'lo'));
    for (const r of [json, text]) {
      expect(r.problems).toEqual([]);
      expect(r.entries).toHaveLength(1);
      // `dev lo` given: tc leaves the interface out of each entry.
      expect(r.entries[0]).toMatchObject({ kind: 'noqueue', handle: '0:', root: true, dev: null, drops: 0, backlogBytes: 0, qlen: 0 });
    }
    expect(json.format).toBe('json');
    expect(text.format).toBe('text');
  });

  it('says what tc said about an interface that does not exist', () => {
    const res = spawnSync('tc', ['-s', '-j', 'class', 'show', 'dev', 'nosuchif0'], { encoding: 'utf8' });
    const r = parseClasses(`${res.stdout}${res.stderr}`);
    expect(r.entries).toEqual([]);
    expect(r.problems[0]).toMatchObject({ messageId: 'tsn.tool-failed' });
    expect(r.problems[0]?.message).toContain('nosuchif0');
  });

  it('reads ethtool -S of lo (no statistics) as the tool\'s own words', () => {
    const res = spawnSync('ethtool', ['-S', 'lo'], { encoding: 'utf8' });
    const s = parseEthtoolStats(`${res.stdout}${res.stderr}`);
    expect(s.queues).toEqual([]);
    expect(s.problems[0]).toMatchObject({ messageId: 'tsn.tool-failed' });
  });

  it('reads /proc/stat twice into a CPU share, and /proc/meminfo, /proc/loadavg, /proc/net/dev', async () => {
    const a = parseProcStat(readFileSync('/proc/stat', 'utf8'));
    await new Promise((r) => setTimeout(r, 300));
    const b = parseProcStat(readFileSync('/proc/stat', 'utf8'));
    expect(b.bootTimeS).toBe(a.bootTimeS);
    const all = cpuUsage(a, b).find((u) => u.cpu === 'all');
    expect(all?.busy).toBeGreaterThanOrEqual(0);
    expect(all?.busy).toBeLessThanOrEqual(1);
    const mem = parseMeminfo(readFileSync('/proc/meminfo', 'utf8'));
    expect(mem.availableBytes).toBeLessThanOrEqual(mem.totalBytes ?? 0);
    expect(parseLoadavg(readFileSync('/proc/loadavg', 'utf8'))?.tasks).toBeGreaterThan(0);
    expect(parseNetDev(readFileSync('/proc/net/dev', 'utf8')).map((d) => d.iface)).toContain('lo');
  });
});
