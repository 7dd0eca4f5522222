import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlReport } from '../../shared/history/report/html-report';
import { knownReport } from '../../shared/history/report/report-fixture';
import { chromiumSkipReason, launchChromium } from '../support/chromium';
import { skipUnlessAvailable } from '../support/skip';

const skip = skipUnlessAvailable('the offline report test', chromiumSkipReason());

// The HTML report is a file a colleague opens with no network and no Syncscope: real Chromium, every request but the file refused.
describe.skipIf(skip !== null)('the HTML report in Chromium, offline', () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    browser = await launchChromium();
    dir = mkdtempSync(join(tmpdir(), 'syncscope-report-browser-'));
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders its tables and three charts from the file alone, asking for nothing else and running no script', async () => {
    const file = join(dir, 'report.html');
    writeFileSync(file, htmlReport(knownReport({ name: '<img src=x onerror="window.pwned=1">ss-s1', amplitudeNs: 40, gate: ['g8273.2-class-c'] }), 'zh-CN'));
    const context = await browser.newContext({ offline: true, javaScriptEnabled: true });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href);
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(errors).toEqual([]);
    expect(await page.evaluate('typeof window.pwned')).toBe('undefined');
    expect(await page.locator('h2').first().textContent()).toBe('<img src=x onerror="window.pwned=1">ss-s1');
    expect(await page.locator('.gate').textContent()).toBe('判定（g8273.2-class-c）：未通过');
    const boxes = await page.locator('svg.chart').evaluateAll((svgs) => svgs.map((s) => s.getBoundingClientRect().width));
    expect(boxes).toHaveLength(3);
    for (const w of boxes) expect(w).toBeGreaterThan(300);
    // The MTIE chart draws its curve and the class C limit.
    const mtie = page.locator('svg.chart').nth(1);
    expect(await mtie.locator('polyline').count()).toBe(1);
    expect(await mtie.locator('line[stroke-dasharray="5 3"]').count()).toBeGreaterThanOrEqual(1);
    await context.close();
  });
});
