import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncscopeError } from '../../../shared/domain/errors';
import { InterfaceName } from '../../../shared/tsn/stats/interface-name';
import { parsePollOutput, splitSections } from '../../../shared/tsn/stats/poll-output';
import { LocalTransport } from '../transport/local-transport';
import { pollCommand } from './tsn-poll-command';

describe('the TSN poll command', () => {
  let t: LocalTransport | null = null;
  afterEach(() => t?.close());

  it('refuses an interface name that is not one, before anything runs', () => {
    for (const hostile of ['eth0; reboot', '$(reboot)', '-e', 'eth0 eth1', "a'b", '..', 'x'.repeat(16), '']) {
      let thrown: unknown = null;
      try {
        pollCommand({ interfaces: [hostile], capabilities: false });
      } catch (err) {
        thrown = err;
      }
      expect(thrown, hostile).toBeInstanceOf(SyncscopeError);
      expect((thrown as SyncscopeError).value).toMatchObject({ code: 'invalid-input', messageId: 'tsn.bad-interface', field: 'tsnInterfaces' });
      expect(InterfaceName.safeParse(hostile).success, hostile).toBe(false);
    }
    for (const fine of ['eth0', 'enp3s0f1', 'br-lan', 'eth0.100', 'wlp2s0', 'lo']) expect(InterfaceName.safeParse(fine).success, fine).toBe(true);
  });

  it('prints every section of this machine in one exec, and the poll output reads back', async () => {
    t = new LocalTransport();
    await t.connect();
    const res = await t.exec(pollCommand({ interfaces: ['lo'], capabilities: true }));
    expect(res.exitCode).toBe(0);
    const sections = splitSections(res.stdout);
    expect([...sections.keys()]).toEqual(expect.arrayContaining(['qdisc', 'class lo', 'ethtool-S lo', 'ethtool-T lo', 'stat', 'meminfo', 'loadavg', 'netdev']));
    const out = parsePollOutput(res.stdout, ['lo']);
    // The same qdiscs as tc itself says, read through the markers.
    const direct = JSON.parse(execFileSync('tc', ['-s', '-j', 'qdisc', 'show'], { encoding: 'utf8' })) as { dev: string; kind: string; handle: string }[];
    expect(out.qdiscs?.entries.map((q) => `${q.dev}/${q.kind}/${q.handle}`)).toEqual(direct.map((q) => `${q.dev}/${q.kind}/${q.handle}`));
    expect(out.qdiscs?.entries.find((q) => q.dev === 'lo')?.kind).toBe('noqueue');
    expect(out.interfaces.get('lo')?.timestamping?.capabilities).toContain('software-receive');
    expect(out.procStat?.cpus[0]?.cpu).toBe('all');
    expect(out.meminfo?.totalBytes).toBeGreaterThan(0);
    expect(out.loadavg).not.toBeNull();
    expect(out.netdev?.map((d) => d.iface)).toContain('lo');
    expect(out.bootId).toBe(readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim());
  });
});
