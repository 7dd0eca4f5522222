import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuiteSkip, openConsole, shot, switchLanguage, type ConsoleSession } from './console-session';
import { dayOfHistory } from './history-world';

const skip = browserSuiteSkip();
const DAY_MS = 86_400_000;

describe.skipIf(skip !== null)('scheduled compliance reports in real Chromium', () => {
  let s: ConsoleSession;
  let work: string;
  const page = () => s.page;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'syncscope-schedules-ui-'));
    // A day of one device ending now, written through the real store before `syncscope serve` opens the folder.
    const h = dayOfHistory('rep-1', join(work, 'data'));
    s = await openConsole({ width: 1280, height: 900 }, {}, h.dataDir);
  });
  afterAll(async () => {
    await s?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('adds a daily schedule, runs it now into its folder, shows the result, in both languages, and deletes it', async () => {
    await page().getByTestId('nav-sessions').click();
    const section = page().getByTestId('report-schedules');
    await section.waitFor();
    await section.getByText('No schedules yet.').waitFor();
    await page().getByTestId('schedule-add').click();
    const form = page().getByTestId('schedule-add-modal');
    await page().getByTestId('schedule-name').waitFor();
    await page().getByTestId('schedule-name').fill('Lab nightly');
    await page().getByTestId('schedule-device-rep-1').click();
    await page().getByTestId('schedule-warn-gmChanges').fill('0');
    // A relative folder is refused while typing: the path is on the engine's machine, and the engine has no working folder to offer.
    await page().getByTestId('schedule-folder').fill('reports/lab');
    await form.getByText('Give an absolute path').waitFor();
    expect(await page().getByTestId('schedule-add-submit').isDisabled()).toBe(true);
    // A file where a folder should be: the engine says it cannot write there.
    await page().getByTestId('schedule-folder').fill(join(work, 'data', 'syncscope.db', 'reports'));
    await page().getByTestId('schedule-add-submit').click();
    await expect(page().getByTestId('schedule-add-error').innerText()).resolves.toContain('is a file, not a folder');
    const folder = join(work, 'reports', 'lab');
    await page().getByTestId('schedule-folder').fill(folder);
    await page().getByTestId('schedule-add-submit').click();
    await page().getByTestId('schedule-name').waitFor({ state: 'detached' });

    const row = page().getByTestId('schedule-row-Lab nightly');
    await expect(row.innerText()).resolves.toMatch(/Lab nightly\s+rep-1\s+daily at 00:00\s+g8273\.2-class-c\s+.*never/s);
    await page().getByTestId('schedule-run-Lab nightly').click();
    const lastRun = row.getByTestId('schedule-last-run');
    await row.locator('[data-testid="schedule-last-run"]:not([data-level="never"])').waitFor({ timeout: 60_000 });

    // Yesterday's report (UTC), as HTML and JSON in the folder; the one grandmaster change of the day crosses the warn threshold of none.
    const date = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - 1).toISOString().slice(0, 10);
    expect(readdirSync(folder).sort()).toEqual([`Lab-nightly-daily-${date}.html`, `Lab-nightly-daily-${date}.json`]);
    const json = JSON.parse(readFileSync(join(folder, `Lab-nightly-daily-${date}.json`), 'utf8')) as { compliance: { level: string; findings: { text: string }[] } };
    expect(await lastRun.getAttribute('data-level')).toBe(json.compliance.level);
    expect(json.compliance.findings.map((f) => f.text)).toContain('rep-1 ptp4l: 1 grandmaster changes above the warn threshold 0');
    await expect(row.getByTestId('schedule-html-file').innerText()).resolves.toBe(join(folder, `Lab-nightly-daily-${date}.html`));
    await expect(lastRun.innerText()).resolves.toContain('rep-1 ptp4l: 1 grandmaster changes above the warn threshold 0');
    expect(readFileSync(join(folder, `Lab-nightly-daily-${date}.html`), 'utf8')).toContain('<h2>rep-1</h2>');
    await shot(page(), 'report-schedules');

    await switchLanguage(page(), 'zh-CN');
    await section.getByText('定时合规报告').waitFor();
    await expect(row.innerText()).resolves.toMatch(/每天 00:00/);
    await expect(lastRun.innerText()).resolves.toMatch(json.compliance.level === 'alert' ? /告警/ : /警告/);
    await shot(page(), 'report-schedules-zh');
    await switchLanguage(page(), 'en');

    await page().getByTestId('schedule-delete-Lab nightly').click();
    await page().getByTestId('schedule-delete-confirm').click();
    await section.getByText('No schedules yet.').waitFor();
    // The reports it wrote stay.
    expect(existsSync(join(folder, `Lab-nightly-daily-${date}.html`))).toBe(true);
    expect(s.consoleErrors).toEqual([]);
  });
});
