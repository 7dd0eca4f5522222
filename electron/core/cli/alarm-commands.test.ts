import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alarm } from '../../../shared/alarms/alarm-model';
import { AlarmsRepo } from '../alarms/alarms-repo';
import { openStore } from '../store/open-store';

const MAIN = resolve(__dirname, 'main.ts');

/** The CLI from source in its own process (no build needed): status, stdout, stderr. */
function syncscope(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    // A data folder the commands fail to pass lands in this test's own folder, never the user's default one.
    const env = { ...process.env, SYNCSCOPE_DATA: join(dir, 'default-data') };
    execFile(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: resolve(__dirname, '../../..'), timeout: 60_000, env }, (err, stdout, stderr) => {
      ok({ status: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

let dir: string;

describe('syncscope alarms, on a data folder', { timeout: 90_000 }, () => {
  let alarm: Alarm;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-alarms-cli-'));
    const store = openStore(dir);
    try {
      // An alarm a collecting engine recorded earlier, still firing.
      const repo = new AlarmsRepo(store.db);
      const t = Date.now() - 60_000;
      alarm = { id: '7f3a9c1e-0000-4000-8000-000000000001', key: 'offset-critical|d1|ptp4l|{}', ruleId: 'offset-critical', ruleName: 'Offset beyond 1 µs', kind: 'threshold', severity: 'critical', deviceId: 'd1', deviceName: 'ss-s1', labels: { instance: 'ptp4l' }, state: 'firing', summary: '|ptp.offset_from_master| 2.500 µs > 1.000 µs for 5 s on ss-s1/ptp4l', value: 2500, startedAtMs: t, firedAtMs: t + 5000, resolvedAtMs: null, ack: null, silenced: false, flapping: false, groupKey: 'offset-critical', lastChangeMs: t + 5000 };
      repo.record([{ alarm, transition: { alarmId: alarm.id, tMs: t + 5000, from: 'pending', to: 'firing', note: 'rule' } }]);
    } finally {
      store.close();
    }
  });
  afterAll(() => {
    expect(existsSync(join(dir, 'default-data'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists active alarms as a table and as JSON', async () => {
    const table = await syncscope(['alarms', '--active', '--data', dir]);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^ID\s+STATE\s+SEVERITY\s+DEVICE\s+RULE\s+SINCE\s+SUMMARY/);
    expect(table.stdout).toContain('7f3a9c1e  firing  critical  ss-s1   offset-critical');
    const json = await syncscope(['alarms', '--json', '--data', dir]);
    expect((JSON.parse(json.stdout) as Alarm[]).map((a) => a.id)).toEqual([alarm.id]);
  });

  it('acknowledges by the id prefix it shows, with a comment kept for the running engine to apply', async () => {
    const r = await syncscope(['alarms', 'ack', '7f3a9c1e', '--comment', 'cable swapped', '--data', dir]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Acknowledged 7f3a9c1e (Offset beyond 1 µs on ss-s1); the running engine applies it within a second');
    const store = openStore(dir);
    try {
      expect(store.db.prepare('SELECT alarm_id, comment, applied FROM alarm_acks').all()).toEqual([{ alarm_id: alarm.id, comment: 'cable swapped', applied: 0 }]);
    } finally {
      store.close();
    }
    const missing = await syncscope(['alarms', 'ack', 'ffffffff', '--data', dir]);
    expect(missing.status).toBe(3);
    expect(missing.stderr).toContain('There is no alarm ffffffff.');
  });

  it('exports the rules to a file and imports an edited file back, refusing a broken one with the reason', async () => {
    const file = join(dir, 'rules.json');
    expect((await syncscope(['alarms', 'rules', 'export', file, '--data', dir])).stdout).toMatch(/^Wrote \d+ rules to /);
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { rules: { id: string; value?: number }[] };
    const edited = { ...exported, rules: [...exported.rules.filter((r) => r.id !== 'offset-out-of-band'), { id: 'lab-offset', name: 'Lab offset', severity: 'warning', kind: 'threshold', metric: 'ptp.offset_from_master', op: '>', abs: true, value: 250 }] };
    writeFileSync(file, JSON.stringify(edited));
    const imported = await syncscope(['alarms', 'rules', 'import', file, '--replace', '--data', dir]);
    expect(imported.stdout).toContain(`Imported ${edited.rules.length} rules; ${edited.rules.length} in all`);
    const yaml = await syncscope(['alarms', 'prometheus-rules', '--data', dir]);
    expect(yaml.stdout).toContain('alert: "SyncscopeLabOffset"');
    expect(yaml.stdout).not.toContain('SyncscopeOffsetOutOfBand');
    writeFileSync(file, JSON.stringify({ ...edited, version: 9 }));
    const bad = await syncscope(['alarms', 'rules', 'import', file, '--data', dir]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('The alarm rule file is not valid: version:');
  });
});
