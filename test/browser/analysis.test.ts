import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POINT_COLUMNS } from '../../shared/history/export/export-rows';
import { HAN, OUT, browserSuiteSkip, openConsole, shot, switchLanguage, type ConsoleSession } from './console-session';
import { dayOfHistory, horizontalOverflow, teAt, type DayOfHistory } from './history-world';

const skip = browserSuiteSkip();

describe.skipIf(skip !== null)('the Analysis view, export and report in real Chromium against a real store', () => {
  let s: ConsoleSession;
  let h: DayOfHistory;
  const page = () => s.page;

  beforeAll(async () => {
    h = dayOfHistory('te-1');
    s = await openConsole({ width: 1280, height: 1000 }, {}, h.dataDir);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('summarises the last hour and judges the TE series against the masks on log-log MTIE/TDEV charts', async () => {
    await page().getByTestId('device-row-te-1').waitFor();
    await page().getByTestId('device-tab-analysis').click();
    const summary = page().getByTestId('analysis-summary');
    await summary.waitFor({ timeout: 30_000 });
    await expect(summary.getByTestId('summary-column').innerText()).resolves.toBe('te-1 · ptp4l');
    // A 40 ns swing with ±3 ns of jitter: |offset| p99 between 35 and 45 ns.
    const p99 = await summary.locator('[data-row="p99"] td').innerText();
    expect(Number(/^([\d.]+) ns$/.exec(p99)?.[1])).toBeGreaterThan(35);
    expect(Number(/^([\d.]+) ns$/.exec(p99)?.[1])).toBeLessThan(45);

    const result = page().getByTestId('timing-result');
    await result.waitFor({ timeout: 60_000 });
    expect(Number(await page().getByTestId('mtie-chart').getAttribute('data-points'))).toBeGreaterThan(3);
    expect(Number(await page().getByTestId('tdev-chart').getAttribute('data-points'))).toBeGreaterThan(3);
    expect(await page().getByTestId('mtie-chart').getAttribute('data-masks')).toBe('g8273.2-class-c');
    await expect(page().getByTestId('mtie-chart').locator('canvas').count()).resolves.toBe(1);
    // max|TE| ≈ 43 ns: over class C's 30 ns, well within G.8271.1's 1100 ns.
    const verdict = (id: string) => page().locator(`[data-testid="mask-verdict"][data-mask-id="${id}"]`);
    expect(await verdict('g8273.2-class-c').getAttribute('data-verdict')).toBe('fail');
    expect(await verdict('g8271.1-network-c').getAttribute('data-verdict')).toBe('pass');
    await expect(verdict('g8273.2-class-c').locator('[data-limit="maxAbsTe"]').innerText()).resolves.toMatch(/max\|TE\| · fail · 4\d(\.\d+)? ns of 30 ns/);
    await shot(page(), 'analysis-summary');
    await page().getByTestId('timing-panel').screenshot({ path: join(OUT, 'analysis-timing.png') });

    // The transient marker: a click on the TE chart leaves out what came before it, and the analysis runs again.
    expect(await result.getAttribute('data-excluded')).toBe('0');
    await page().getByTestId('te-chart').scrollIntoViewIfNeeded();
    const te = (await page().locator('[data-testid="te-chart"] .u-over').boundingBox())!;
    await page().mouse.click(te.x + te.width * 0.25, te.y + te.height / 2);
    await page().locator('[data-testid="timing-result"]:not([data-exclude-before-ms=""])').waitFor({ timeout: 30_000 });
    const excluded = Number(await result.getAttribute('data-excluded'));
    expect(excluded).toBeGreaterThan(600);
    expect(excluded).toBeLessThan(1200);
    expect(await page().getByTestId('te-chart').getAttribute('data-marker-ms')).toBe(await result.getAttribute('data-exclude-before-ms'));
    await expect(page().getByTestId('transient-input').inputValue()).resolves.toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);

    // A user mask is drawn and judged beside the standard ones.
    await page().getByTestId('user-mask-name').fill('Lab 100');
    await page().getByTestId('user-mask-mtie').fill('100');
    await page().getByTestId('user-mask-add').click();
    await verdict('user-lab-100').waitFor({ timeout: 30_000 });
    await page().locator('[data-testid="mtie-chart"][data-masks="g8273.2-class-c user-lab-100"]').waitFor();
    await page().getByTestId('timing-panel').screenshot({ path: join(OUT, 'analysis-transient-user-mask.png') });
    expect(s.consoleErrors).toEqual([]);
  });

  it('exports the range as a CSV download whose header and first row are right', async () => {
    const [download] = await Promise.all([page().waitForEvent('download'), page().getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toBe('te-1.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const [header, first] = text.slice(1).split('\r\n');
    expect(header).toBe(POINT_COLUMNS.join(','));
    const cells = first!.split(',');
    const [timeUtc, timeNs, device, instance, metric, labels, unit, value, flags] = cells;
    expect(cells).toHaveLength(POINT_COLUMNS.length);
    expect(timeUtc).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    const ms = Date.parse(timeUtc!);
    expect(BigInt(timeNs!)).toBe(BigInt(ms) * 1_000_000n);
    // The Analysis tab opened on the last hour; the first row is the oldest point in it.
    expect(ms).toBeGreaterThanOrEqual(h.endMs - 3600_000 - 60_000);
    expect([device, instance, metric, labels, unit, flags]).toEqual(['te-1', 'ptp4l', 'ptp.offset_from_master', '', 'ns', '']);
    expect(Number(value)).toBe(teAt((ms - h.startMs) / 1000));
    await page().locator('[data-testid="export-status"][data-state="done"]').waitFor();
    expect(text.split('\r\n').length).toBeGreaterThan(2 * 3000);
  });

  it('saves the report as one self-contained HTML page with its MTIE/TDEV charts', async () => {
    const [download] = await Promise.all([page().waitForEvent('download', { timeout: 60_000 }), page().getByTestId('export-reportHtml').click()]);
    expect(download.suggestedFilename()).toBe('te-1-report.html');
    const html = readFileSync((await download.path())!, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain('te-1');
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(3);
    // Nothing to run and nothing fetched: it opens offline (the SVG namespace is the only URL in it).
    expect(html).not.toMatch(/<script|(src|href)=["']?https?:/i);
  });

  it('shows the Analysis view in Chinese without overflowing the window', async () => {
    await switchLanguage(page(), 'zh-CN');
    await page().getByTestId('timing-result').waitFor({ timeout: 60_000 });
    await expect(page().getByTestId('analysis-view').innerText()).resolves.toMatch(HAN);
    await expect(page().locator('[data-testid="mask-verdict"][data-mask-id="g8273.2-class-c"]').innerText()).resolves.toContain('未通过');
    expect(await horizontalOverflow(page())).toBeLessThanOrEqual(0);
    await shot(page(), 'analysis-zh');
    await page().getByTestId('timing-panel').screenshot({ path: join(OUT, 'analysis-timing-zh.png') });
    expect(s.consoleErrors).toEqual([]);
  });
});
