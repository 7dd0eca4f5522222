import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLoadavg } from './proc-loadavg';
import { parseMeminfo } from './proc-meminfo';
import { parseNetDev } from './proc-net-dev';
import { cpuUsage, parseProcStat } from './proc-stat';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('/proc system files', () => {
  it('reads this machine\'s /proc/stat: every CPU, boot time, running processes', () => {
    const st = parseProcStat(fixture('proc-stat-host.txt'));
    expect(st.cpus[0]?.cpu).toBe('all');
    expect(st.cpus.length).toBeGreaterThanOrEqual(2);
    expect(st.bootTimeS).toBeGreaterThan(1_600_000_000);
    expect(st.procsRunning).toBeGreaterThanOrEqual(1);
    const all = st.cpus[0];
    const perCpu = st.cpus.slice(1).reduce((s, c) => s + c.total, 0);
    expect(Math.abs((all?.total ?? 0) - perCpu) / perCpu).toBeLessThan(0.01);
  });

  it('turns two /proc/stat readings into busy, iowait and steal shares; a reboot gives none', () => {
    const a = parseProcStat('cpu  100 0 100 800 0 0 0 0 0 0\ncpu0 100 0 100 800 0 0 0 0 0 0\nbtime 1700000000\n');
    const b = parseProcStat('cpu  130 0 120 840 10 0 0 0 0 0\ncpu0 130 0 120 840 10 0 0 0 0 0\nbtime 1700000000\n');
    expect(cpuUsage(a, b)).toEqual([
      { cpu: 'all', busy: 0.5, iowait: 0.1, steal: 0 },
      { cpu: '0', busy: 0.5, iowait: 0.1, steal: 0 },
    ]);
    expect(cpuUsage(b, a)).toEqual([]);
  });

  it('reads /proc/meminfo in bytes, estimating available memory before Linux 3.14', () => {
    const m = parseMeminfo(fixture('proc-meminfo-host.txt'));
    expect(m.totalBytes).toBeGreaterThan(64 * 1024 * 1024);
    expect(m.availableBytes).toBeGreaterThan(0);
    expect(m.availableBytes).toBeLessThanOrEqual(m.totalBytes ?? 0);
    const old = parseMeminfo('MemTotal:  1000 kB\nMemFree:  100 kB\nBuffers:  50 kB\nCached:  200 kB\n');
    expect(old).toMatchObject({ totalBytes: 1024000, availableBytes: 350 * 1024, freeBytes: 102400 });
  });

  it('reads /proc/loadavg and refuses what is not one', () => {
    expect(parseLoadavg('0.52 0.58 0.59 1/467 12345\n')).toEqual({ load1: 0.52, load5: 0.58, load15: 0.59, runnable: 1, tasks: 467 });
    expect(parseLoadavg(fixture('proc-loadavg-host.txt'))).not.toBeNull();
    expect(parseLoadavg('cat: /proc/loadavg: No such file')).toBeNull();
  });

  it('reads /proc/net/dev per interface', () => {
    const rows = parseNetDev(fixture('proc-net-dev-host.txt'));
    expect(rows.map((r) => r.iface)).toContain('lo');
    expect(rows.find((r) => r.iface === 'eth0')?.rxBytes).toBeGreaterThan(0);
    const one = parseNetDev('Inter-|   Receive\n face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n  eth0: 1000 10 1 2 0 0 0 0 2000 20 3 4 0 0 0 0\n');
    expect(one).toEqual([{ iface: 'eth0', rxBytes: 1000, rxPackets: 10, rxErrors: 1, rxDrops: 2, txBytes: 2000, txPackets: 20, txErrors: 3, txDrops: 4 }]);
  });
});
