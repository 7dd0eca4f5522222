import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labDevice } from '../lab/lab';
import { waitFor } from '../support/engine-server';
import { HAN, OFFSET_CHART, addSshDevice, browserSuiteSkip, chartXRange, labKeyLogin, openConsole, shot, switchLanguage, type ConsoleSession } from './console-session';
import { dayOfHistory, dragAcross, horizontalOverflow, sessionFileOf } from './history-world';

const skip = browserSuiteSkip();
const SETTLED = `${OFFSET_CHART}[data-loading="false"]`;

describe.skipIf(skip !== null)('sessions in real Chromium: the sample, import, capture, delete, offline', () => {
  let s: ConsoleSession;
  let work: string;
  const page = () => s.page;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'syncscope-sessions-ui-'));
    // The engine's sample session: a day of one device written through the real store, captured by the real SessionService.
    const sample = await sessionFileOf(dayOfHistory('lab-day', join(work, 'sample-source')), 'Sample: a day of lab-day');
    s = await openConsole({ width: 1280, height: 900 }, { SYNCSCOPE_SAMPLE_SESSION: sample });
  });
  afterAll(async () => {
    await s?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('opens the sample session from the first screen: offline, charted, zoomable', async () => {
    await page().getByTestId('welcome').waitFor();
    await page().getByTestId('welcome').getByTestId('open-sample-session').click();
    await page().getByTestId('session-view').waitFor();
    await expect(page().getByTestId('session-title').innerText()).resolves.toBe('Sample: a day of lab-day');
    await expect(page().getByTestId('offline-banner').innerText()).resolves.toMatch(/Offline session: recorded .+ – .+, no device is contacted\./);
    // The whole day from minute rollups, then a dragged slice from raw points of the file.
    await page().locator(`${SETTLED}[data-tier="minute"][data-points]`).waitFor({ timeout: 30_000 });
    const day = await chartXRange(page());
    expect(day.max - day.min).toBeGreaterThan(86_000);
    expect(day.points).toBeGreaterThan(500);
    await shot(page(), 'session-sample');
    await dragAcross(page(), `${OFFSET_CHART} .u-over`, 0.5, 0.53);
    await page().locator(`${SETTLED}[data-tier="raw"]`).waitFor();
    expect((await chartXRange(page())).max - (await chartXRange(page())).min).toBeLessThan(86_400 * 0.05);
    await page().getByTestId('history-whole').first().click();
    await page().locator(`${SETTLED}[data-tier="minute"]`).waitFor();

    // The session's Analysis tab reads the file too: the whole day summarised and judged.
    await page().getByTestId('session-tab-analysis').click();
    await expect(page().getByTestId('summary-column').innerText()).resolves.toBe('lab-day · ptp4l');
    const result = page().getByTestId('timing-result');
    await result.waitFor({ timeout: 60_000 });
    expect(Number(await result.getAttribute('data-points'))).toBeGreaterThan(80_000);
    expect(await page().locator('[data-testid="mask-verdict"][data-mask-id="g8273.2-class-c"]').getAttribute('data-verdict')).toBe('fail');
    await shot(page(), 'session-sample-analysis');
    await page().getByTestId('session-tab-charts').click();
    expect(s.consoleErrors).toEqual([]);
  });

  it('imports a real lab log with live progress to the end, and cancels a long import', async () => {
    const lab = labDevice(s.lab, 'ss-s1');
    const log = join(work, 'ss-s1-ptp4l.log');
    copyFileSync(lab.ptp4lLog, log);
    await page().getByTestId('nav-sessions').click();
    await page().getByTestId('sessions-screen').waitFor();
    await page().getByTestId('session-import').click();
    await page().getByTestId('import-paths').fill(log);
    await page().getByTestId('import-session').fill('ss-s1 log');
    await page().getByTestId('import-device').fill('ss-s1');
    await page().getByTestId('import-start').click();
    const progress = page().getByTestId('import-progress');
    await page().locator('[data-testid="import-progress"][data-state="done"]').waitFor({ timeout: 30_000 });
    const lines = readFileSync(log, 'utf8').split('\n').filter(Boolean).length;
    expect(Number(await progress.getAttribute('data-lines'))).toBe(lines);
    await expect(page().getByTestId('import-progress-text').innerText()).resolves.toContain(`Imported ${lines} lines into “ss-s1 log”`);
    await shot(page(), 'session-import-done');
    await page().getByTestId('import-open').click();
    await page().locator('[data-testid="session-view"][data-source="import"]').waitFor();
    await page().getByTestId('offline-banner').waitFor();
    await page().locator(`${OFFSET_CHART}[data-points]`).first().waitFor({ timeout: 30_000 });
    // The log gave only ptp4l's [seconds]: the chart counts time since boot, not dates in 1970.
    const plot = (await page().locator(`${OFFSET_CHART} .u-over`).first().boundingBox())!;
    await page().mouse.move(plot.x + plot.width * 0.5, plot.y + plot.height / 2);
    await expect(page().locator(`${OFFSET_CHART} .u-legend .u-series`).first().locator('.u-value').first().innerText()).resolves.toMatch(/^\d+:\d{2}:\d{2}\.\d$/);
    await shot(page(), 'session-imported');

    // A long log (the lab's lines many times over) is stopped where it is.
    const big = join(work, 'long-ptp4l.log');
    const text = readFileSync(lab.ptp4lLog, 'utf8');
    writeFileSync(big, text.repeat(Math.ceil(150e6 / text.length)));
    await page().getByTestId('nav-sessions').click();
    await page().getByTestId('session-import').click();
    await page().getByTestId('import-paths').fill(big);
    await page().getByTestId('import-session').fill('long log');
    await page().getByTestId('import-start').click();
    await page().locator('[data-testid="import-progress"][data-state="running"]').waitFor({ timeout: 30_000 });
    const before = Number(await progress.getAttribute('data-percent'));
    expect(before).toBeLessThan(100);
    await shot(page(), 'session-import-running');
    await page().getByTestId('import-cancel').click();
    await page().locator('[data-testid="import-progress"][data-state="cancelled"]').waitFor({ timeout: 30_000 });
    await expect(page().getByTestId('import-progress-text').innerText()).resolves.toMatch(/Import cancelled after \d+ lines\./);
    await page().getByTestId('import-close').click();
    rmSync(big);
  });

  it('captures a session from a lab device, named, with notes', async () => {
    await page().getByTestId('nav-devices').click();
    await addSshDevice(page(), { ...labKeyLogin(labDevice(s.lab, 'ss-s2')), pollIntervalMs: 250 });
    await waitFor('a dozen points of ss-s2', async () => (await page().locator(OFFSET_CHART).first().getAttribute('data-points').then(Number)) >= 12, 60_000, 200);
    await page().getByTestId('nav-sessions').click();
    await page().getByTestId('session-capture').click();
    await page().getByTestId('capture-name').fill('ss-s2 bench run');
    await page().getByTestId('capture-device-ss-s2').click();
    await page().getByTestId('capture-notes').fill('GM ss-gm, default profile.');
    await page().getByTestId('capture-submit').click();
    await page().locator('[data-testid="session-view"][data-source="capture"]').waitFor({ timeout: 30_000 });
    await expect(page().getByTestId('session-notes').innerText()).resolves.toContain('GM ss-gm, default profile.');
    await page().locator(`[data-testid="session-device"][data-device-name="ss-s2"] ${OFFSET_CHART}[data-points]`).waitFor({ timeout: 30_000 });
    expect(Number(await page().locator(`[data-testid="session-device"] ${OFFSET_CHART}`).getAttribute('data-points'))).toBeGreaterThanOrEqual(12);
    await shot(page(), 'session-captured');
  });

  it('lists every session with its source, and deletes one only after confirmation', async () => {
    await page().getByTestId('nav-sessions').click();
    const row = (name: string) => page().getByTestId(`session-row-${name}`);
    await row('ss-s2 bench run').waitFor();
    expect(await row('ss-s2 bench run').getAttribute('data-source')).toBe('capture');
    expect(await row('ss-s1 log').getAttribute('data-source')).toBe('import');
    expect(await row('Sample: a day of lab-day').count()).toBe(1);
    await shot(page(), 'sessions-list');
    await page().getByTestId('session-delete-ss-s1 log').click();
    await page().getByTestId('session-delete-confirm').click();
    await row('ss-s1 log').waitFor({ state: 'detached' });
    expect(await row('ss-s2 bench run').count()).toBe(1);

    // A file that is no session is refused with the engine's reason, and left as it was.
    const notSession = join(work, 'notes.session.sqlite');
    writeFileSync(notSession, 'just some notes\n');
    await page().getByTestId('session-open-file').click();
    await page().getByTestId('session-open-path').fill(notSession);
    await page().getByTestId('session-open-submit').click();
    const refused = page().getByTestId('session-open-error');
    await refused.waitFor();
    expect(await refused.getAttribute('data-code')).toBeTruthy();
    expect(readFileSync(notSession, 'utf8')).toBe('just some notes\n');
    await shot(page(), 'session-open-refused');
    await page().getByRole('button', { name: 'Cancel' }).click();
  });

  it('shows the sessions screens in Chinese without overflowing the window', async () => {
    await switchLanguage(page(), 'zh-CN');
    await page().getByTestId('sessions-screen').waitFor();
    await expect(page().getByTestId('sessions-screen').innerText()).resolves.toMatch(HAN);
    expect(await horizontalOverflow(page())).toBeLessThanOrEqual(0);
    await shot(page(), 'sessions-list-zh');
    await page().getByTestId('session-import').click();
    await page().getByTestId('import-paths').waitFor();
    expect(await horizontalOverflow(page())).toBeLessThanOrEqual(0);
    await shot(page(), 'session-import-zh');
    await page().getByTestId('import-close').click();
    await page().getByTestId('session-open-Sample: a day of lab-day').click();
    await page().locator(`${SETTLED}[data-tier="minute"]`).waitFor({ timeout: 60_000 });
    await expect(page().getByTestId('offline-banner').innerText()).resolves.toMatch(/离线会话：录制于 .+ – .+，不会联系任何设备。/);
    expect(await horizontalOverflow(page())).toBeLessThanOrEqual(0);
    await shot(page(), 'session-sample-zh');
    await switchLanguage(page(), 'en');
    expect(s.consoleErrors).toEqual([]);
  });
});
