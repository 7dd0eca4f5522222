import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/processes';

const OLD = '[global]\ndomainNumber 0\npriority1 128\n';
const NEW = '[global]\ndomainNumber 0\npriority1 127\n';

// These run the built CLI (out/main/cli.js, via bin/syncscope.cjs): `npm run build` first.
// The device is this machine (the local transport) with a config in a temp folder; no ptp4l runs
// there, so a push gets as far as verify, and rolls back.
describe('syncscope config push / audit / restart-command', () => {
  let dir: string;
  let data: string;
  let conf: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-cli-push-'));
    data = join(dir, 'data');
    conf = join(dir, 'ptp4l.conf');
    writeFileSync(conf, OLD);
    writeFileSync(join(dir, 'restart.sh'), 'echo restarted\n');
    expect((await runCli(['device', 'add', '--local', '--name', 'bench', '--instance', `ptp4l:${join(dir, 'ptp4l')}:${conf}`, '--data', data])).status).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sets a restart command, and refuses one with shell syntax', async () => {
    const bad = await runCli(['config', 'restart-command', 'bench', '--data', data, '--', 'systemctl', 'restart', 'ptp4l;reboot']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('no spaces or shell characters');
    const ok = await runCli(['config', 'restart-command', 'bench', '--data', data, '--', 'sh', join(dir, 'restart.sh')]);
    expect(ok).toMatchObject({ status: 0, stdout: `bench (ptp4l) applies a pushed config with: sh ${join(dir, 'restart.sh')}\n` });
  }, 60_000);

  it('shows the diff, pushes nothing without a yes, and refuses an invalid config with its line', async () => {
    writeFileSync(join(dir, 'new.conf'), NEW);
    const asked = await runCli(['config', 'push', 'bench', join(dir, 'new.conf'), '--data', data]);
    expect(asked.status).toBe(13);
    expect(asked.stdout).toContain('-priority1 128\n+priority1 127\n');
    expect(asked.stderr).toContain('Not pushed: no terminal to ask on');
    writeFileSync(join(dir, 'bad.conf'), '[global]\npriority1 300\n');
    const bad = await runCli(['config', 'push', 'bench', join(dir, 'bad.conf'), '--yes', '--data', data]);
    expect(bad.status).toBe(13);
    expect(bad.stderr).toMatch(/bad\.conf:2: error: .*priority1/);
    expect(readFileSync(conf, 'utf8')).toBe(OLD);
  }, 60_000);

  it('pushes with --yes, rolls back when ptp4l does not come back, and the audit lists it (table, JSON, CSV)', async () => {
    const push = await runCli(['config', 'push', 'bench', join(dir, 'new.conf'), '--yes', '--timeout', '1', '--data', data]);
    expect(push.status).toBe(13);
    expect(push.stdout).toMatch(/verify\s+failed\s+ptp4l \(ptp4l\) on bench did not answer pmc/);
    // The old file is back, and the backup is beside it.
    expect(readFileSync(conf, 'utf8')).toBe(OLD);
    const backups = readdirSync(dir).filter((f) => f.startsWith('ptp4l.conf.syncscope-backup-'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(dir, backups[0]!), 'utf8')).toBe(OLD);

    const table = await runCli(['config', 'audit', '--data', data]);
    expect(table.stdout).toMatch(/bench\s+.*ptp4l\.conf \(ptp4l\)\s+rollback-failed\s+cli:\S+\s+push verify/);
    const json = JSON.parse((await runCli(['config', 'audit', '--json', '--device', 'bench', '--data', data])).stdout) as { outcome: string; diff: string; steps: { phase: string; step: string; state: string }[] }[];
    expect(json).toHaveLength(1);
    expect(json[0]!.diff).toContain('+priority1 127');
    expect(json[0]!.steps.map((s) => `${s.phase} ${s.step} ${s.state}`)).toEqual([
      'push connect ok',
      'push read ok',
      'push validate ok',
      'push backup ok',
      'push write ok',
      'push apply ok',
      'push verify failed',
      'rollback write ok',
      'rollback apply ok',
      'rollback verify failed',
    ]);
    const csv = (await runCli(['config', 'audit', '--csv', '-', '--data', data])).stdout;
    expect(csv.startsWith('\uFEFFstarted_utc,ended_utc,duration_ms,actor,device')).toBe(true);
    // The diff starts with "---": a spreadsheet would read it as a formula, so it is guarded.
    expect(csv).toContain(`"'--- ${conf} (device)`);
  }, 60_000);
});
