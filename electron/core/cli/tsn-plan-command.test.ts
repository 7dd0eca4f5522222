import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/processes';

// These run the built CLI (out/main/cli.js, via bin/syncscope.cjs) as a user would: `npm run build` first.
const taprio = {
  kind: 'taprio',
  numTc: 3,
  priorityMap: [2, 2, 1, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2],
  queues: [
    { count: 1, offset: 0 },
    { count: 1, offset: 1 },
    { count: 2, offset: 2 },
  ],
  clockid: 'TAI',
  schedule: { baseTimeNs: 'BASE', entries: [{ gateMask: 1, intervalNs: 300000 }, { gateMask: 2, intervalNs: 300000 }, { gateMask: 4, intervalNs: 400000 }] },
};

describe('syncscope tsn plan', { timeout: 30_000 }, () => {
  let dir: string;
  const file = (name: string, value: unknown) => {
    const path = join(dir, name);
    // A bare JSON number keeps all 19 digits only if Syncscope reads it exactly: write it that way.
    writeFileSync(path, JSON.stringify(value).replace('"BASE"', '1528743495910289987'));
    return path;
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-tsn-plan-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the tc command of a valid model with its 64-bit base-time exact, and exits 0', async () => {
    const run = await runCli(['tsn', 'plan', file('taprio.json', taprio), '--dev', 'eth0']);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toBe(
      'tc qdisc replace dev eth0 parent root handle 100 taprio num_tc 3 map 2 2 1 0 2 2 2 2 2 2 2 2 2 2 2 2 queues 1@0 1@1 2@2 base-time 1528743495910289987 cycle-time 1000000 sched-entry S 01 300000 sched-entry S 02 300000 sched-entry S 04 400000 clockid CLOCK_TAI\n',
    );
  });

  it('exits 1 with the validation errors (en and zh-CN), and refuses a hostile interface name', async () => {
    const bad = file('bad.json', { dev: 'eth0', qdisc: { ...taprio, schedule: { ...taprio.schedule, cycleTimeNs: '900000' } } });
    const run = await runCli(['tsn', 'plan', bad]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${bad}: error: schedule.cycleTimeNs: The entries add up to 1000000 ns, longer than the cycle-time of 900000 ns.`);
    const zh = await runCli(['tsn', 'plan', bad, '--lang', 'zh-CN']);
    expect(zh.stderr).toContain('各条目时长之和为 1000000 ns，超过了 900000 ns 的周期。');
    const hostile = await runCli(['tsn', 'plan', file('ok.json', taprio), '--dev', 'eth0; reboot']);
    expect(hostile.status).toBe(1);
    expect(hostile.stdout).toBe('');
    expect(hostile.stderr).toContain('The interface name "eth0; reboot" is not a plain Linux interface name.');
  });

  it('plans a root and its children from one list, with warnings on stderr and JSON on request', async () => {
    const list = file('mqprio-cbs.json', [
      { dev: 'eth0', qdisc: { kind: 'mqprio', numTc: 3, priorityMap: [2, 2, 1, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2], queues: [{ count: 1, offset: 0 }, { count: 1, offset: 1 }, { count: 2, offset: 2 }], hw: 0 } },
      { dev: 'eth0', device: { linkSpeedMbps: 1000 }, qdisc: { kind: 'cbs', parent: '100:1', idleslopeKbps: 800000, sendslopeKbps: -200000, hicreditBytes: 1200, locreditBytes: -300 } },
    ]);
    const run = await runCli(['tsn', 'plan', list]);
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      'tc qdisc replace dev eth0 parent root handle 100 mqprio num_tc 3 map 2 2 1 0 2 2 2 2 2 2 2 2 2 2 2 2 queues 1@0 1@1 2@2 hw 0',
      'tc qdisc replace dev eth0 parent 100:1 cbs idleslope 800000 sendslope -200000 hicredit 1200 locredit -300',
      '',
    ]);
    expect(run.stderr).toBe('');
    const warned = await runCli(['tsn', 'plan', file('starve.json', { ...taprio, schedule: { baseTimeNs: 0, entries: [{ gateMask: 4, intervalNs: 1000000 }, { gateMask: 3, intervalNs: 19000000 }] } }), '--dev', 'eth0']);
    expect(warned.status).toBe(0);
    expect(warned.stderr).toContain("warning: schedule.entries: PTP's traffic class 2 (socket priority 0) stays closed for up to 19000000 ns");
    const json = await runCli(['tsn', 'plan', list, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ valid: true, commands: [{ command: expect.stringContaining(' mqprio num_tc 3 ') as unknown, problems: [] }, { argv: expect.arrayContaining(['cbs', 'idleslope', '800000']) as unknown }] });
  });

  it('exits 2 for a file that is missing or not JSON, naming the line and column', async () => {
    expect((await runCli(['tsn', 'plan', join(dir, 'nope.json')])).status).toBe(2);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"kind": "taprio",\n  "numTc": 3,,\n}');
    const run = await runCli(['tsn', 'plan', broken]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('The text is not valid JSON at line 2, column 14');
  });
});
