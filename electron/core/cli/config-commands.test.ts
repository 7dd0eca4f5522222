import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PTPCONF_TEMPLATES } from '../../../shared/ptpconf';
import { runCli } from '../../../test/support/processes';

// These run the built CLI (out/main/cli.js, via bin/syncscope.cjs) as a user would: `npm run build` first.
const LAB_LIB = join(__dirname, '..', '..', '..', 'test', 'lab', 'lab-lib.sh');

/** A lab device's ptp4l.conf, written by the lab's own function with write_ptp4l_conf's arguments. */
const labConf = (...args: string[]) => execFileSync('bash', ['-c', `source "$0"; lab_ptp4l_conf "$@"`, LAB_LIB, ...args], { encoding: 'utf8' });

describe('syncscope config check', { timeout: 30_000 }, () => {
  let dir: string;
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-config-check-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 for a valid file and 1 with line-numbered messages for an invalid one', async () => {
    const good = await runCli(['config', 'check', file('gptp.conf', PTPCONF_TEMPLATES.gptp.text)]);
    expect(good).toMatchObject({ status: 0, stderr: '' });
    expect(good.stdout).toContain('gptp.conf: valid for linuxptp 4.4 (0 errors, 0 warnings)');

    const bad = file('bad.conf', '[global]\n# lab slave\npriority1 300\n[eth0]\ndomainNumber 24\nlogSyncIntrval -3\n');
    const run = await runCli(['config', 'check', bad, '--linuxptp', '3.1.1']);
    expect(run.status).toBe(1);
    expect(run.stdout.split('\n').filter((l) => l.startsWith(bad))).toEqual([
      `${bad}:3: error: Line 3: 300 is out of range for priority1 (0 to 255).`,
      `${bad}:5: error: Line 5: domainNumber is a global option and cannot be set in the port section [eth0].`,
      `${bad}:6: error: Line 6: unknown option logSyncIntrval.`,
      `${bad}: invalid for linuxptp 3.1 (3 errors, 0 warnings)`,
    ]);
    expect(run.stdout).toContain('Did you mean logSyncInterval?');
  });

  it('speaks Simplified Chinese with --lang zh-CN and prints JSON with --json', async () => {
    const bad = file('zh.conf', '[global]\npriority1 300\n');
    const zh = await runCli(['config', 'check', bad, '--lang', 'zh-CN']);
    expect(zh.status).toBe(1);
    expect(zh.stdout).toContain(`${bad}:2: error: 第 2 行：300 超出了 priority1 的取值范围（0 到 255）。`);
    const json = await runCli(['config', 'check', bad, '--json']);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ valid: false, errors: 1, issues: [{ line: 2, severity: 'error', id: 'ptpconf.out-of-range', option: 'priority1' }] });
  });

  it('exits 2 for a file it cannot read or a version it does not know', async () => {
    const missing = await runCli(['config', 'check', join(dir, 'nope.conf')]);
    expect(missing).toMatchObject({ status: 2, stdout: '' });
    expect(missing.stderr).toContain(`Cannot read ${join(dir, 'nope.conf')}: no such file.`);
    expect((await runCli(['config', 'check', dir])).status).toBe(2);
    const version = await runCli(['config', 'check', file('v.conf', '[global]\n'), '--linuxptp', 'banana']);
    expect(version.status).toBe(2);
    expect(version.stderr).toContain('banana is not a linuxptp version.');
  });

  it("passes the lab's own ptp4l.conf files (grandmaster and slave), which still say slaveOnly: deprecated in 4.x, so --strict fails there", async () => {
    const gm = file('ss-gm1.conf', labConf('ss-gm1 (gm, instance ptp4l)', '0', '0', '/run/syncscope-lab/ss-gm1/ptp4l', '1', '6', '0'));
    const slave = file('ss-s1.conf', labConf('ss-s1 (slave, instance ptp4l)', '0', '1', '/run/syncscope-lab/ss-s1/ptp4l', '128', '248', '1'));
    for (const f of [gm, slave]) expect(await runCli(['config', 'check', f, '--linuxptp', '3.1.1', '--strict'])).toMatchObject({ status: 0 });
    const newer = await runCli(['config', 'check', slave, '--linuxptp', '4.4']);
    expect(newer.status).toBe(0);
    expect(newer.stdout).toContain('slaveOnly is deprecated in linuxptp 4.4; it is read as clientOnly.');
    expect((await runCli(['config', 'check', slave, '--linuxptp', '4.4', '--strict'])).status).toBe(1);
  });
});
