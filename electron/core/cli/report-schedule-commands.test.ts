import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportSchedule } from '../../../shared/history/report/report-schedule';
import { fillHistory } from '../../../test/support/history-data';
import { runCliFromSource } from '../../../test/support/cli-source';
import { openStore } from '../store/open-store';

const DAY_MS = 86_400_000;

// These run the CLI from source in its own process, on a data folder filled through the real store.
describe('syncscope reports schedules, on a data folder', { timeout: 120_000 }, () => {
  let dir: string;
  let data: string;
  // Yesterday (UTC): the newest complete day a daily schedule made at 00:00 reports.
  const yesterday = Math.floor(Date.now() / DAY_MS) * DAY_MS - DAY_MS;
  const cli = (...args: string[]) => runCliFromSource([...args, '--data', data], join(dir, 'default'));
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-schedules-cli-'));
    data = join(dir, 'data');
    const store = openStore(data);
    try {
      fillHistory(store, { name: 'gm-1', startMs: yesterday + 3_600_000, seconds: 1800, hz: 1, offsetAt: () => 0 });
    } finally {
      store.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds a schedule with thresholds, lists it, runs it now into its folder, and removes it', async () => {
    const folder = join(dir, 'reports', 'gm');
    const add = await cli('reports', 'schedules', 'add', '--name', 'GM nightly', '--device', 'gm-1', '--period', 'daily', '--mask', 'class-c', '--warn', 'gm-changes=0', '--alert', 'max-abs-offset=1.5us', '--warn', 'gaps=5m', '--folder', folder, '--lang', 'zh-CN');
    expect(add.stderr).toBe('');
    expect(add.stdout).toMatch(/^Added report schedule GM nightly \([0-9a-f]{8}\): daily, into /);
    const [s] = JSON.parse((await cli('reports', 'schedules', 'list', '--json')).stdout) as ReportSchedule[];
    expect(s).toMatchObject({ name: 'GM nightly', period: 'daily', hourUtc: 0, masks: ['class-c'], warn: { gmChanges: 0, gapsTotalMs: 300_000 }, alert: { maxAbsOffsetNs: 1500 }, folder, lang: 'zh-CN', enabled: true, lastRun: null });
    const table = (await cli('reports', 'schedules', 'list')).stdout.split('\n');
    expect(table[0]).toMatch(/^ID +NAME +DEVICES +WHEN \(UTC\) +MASKS +WARN +ALERT +FOLDER +LAST RUN$/);
    expect(table[1]).toMatch(/GM nightly +gm-1 +daily 00:00 +class-c +gaps=300000 gm-changes=0 +max-abs-offset=1500 .* never$/);

    const run = await cli('reports', 'schedules', 'run-now', s!.id.slice(0, 8));
    expect(run.status).toBe(0);
    const date = new Date(yesterday).toISOString().slice(0, 10);
    const html = join(folder, `GM-nightly-daily-${date}.html`);
    // Half an hour is too short to judge class C (a warning), and one grandmaster change crosses the warn threshold of none.
    expect(run.stdout.split('\n')[0]).toBe(`warn: ${html} and ${join(folder, `GM-nightly-daily-${date}.json`)} (${new Date(yesterday).toISOString().slice(0, 16)}Z to ${new Date(yesterday + DAY_MS).toISOString().slice(0, 16)}Z)`);
    expect(run.stdout.split('\n').slice(1)).toEqual(['  warn: gm-1 ptp4l: G.8273.2 class C could not be judged on this data', '  warn: gm-1 ptp4l: 1 grandmaster changes above the warn threshold 0', '']);
    expect(readFileSync(html, 'utf8')).toContain('定时报告');
    expect((await cli('reports', 'schedules', 'list')).stdout).toMatch(/GM nightly .* warn \d{4}-\d\d-\d\dT\d\d:\d\dZ\n$/);

    expect((await cli('reports', 'schedules', 'remove', 'gm nightly')).stdout).toBe('Removed report schedule gm nightly.\n');
    expect((await cli('reports', 'schedules', 'list')).stdout).toMatch(/^No report schedules\./);
    expect(existsSync(html)).toBe(true);
  });

  it('refuses what it cannot schedule, exit 2, saying what to give', async () => {
    const badKey = await cli('reports', 'schedules', 'add', '--name', 'x', '--device', 'gm-1', '--period', 'daily', '--warn', 'offset=3', '--folder', join(dir, 'r'));
    expect(badKey.status).toBe(2);
    expect(badKey.stderr).toContain('--warn offset=3: no threshold "offset"');
    const notAFolder = await cli('reports', 'schedules', 'add', '--name', 'x', '--device', 'gm-1', '--period', 'weekly', '--folder', join(data, 'syncscope.db', 'r'));
    expect(notAFolder.status).toBe(2);
    expect(notAFolder.stderr).toContain('syncscope.db is a file, not a folder');
    const noDevice = await cli('reports', 'schedules', 'add', '--name', 'x', '--device', 'nope', '--period', 'daily', '--folder', join(dir, 'r'));
    expect(noDevice.status).toBe(3);
    expect((await cli('reports', 'schedules', 'run-now', 'nothing')).stderr).toContain('No report schedule nothing.');
  });
});
