import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipUnlessAvailable } from '../support/skip';
import { chromiumSkipReason, launchChromium } from '../support/chromium';
import { startCliServer, type CliServer } from '../support/cli-server';
import { waitFor } from '../support/engine-server';
import { labDevice, labSkipReason, labUp, type LabInfo } from '../lab/lab';

const OUT = process.env.SYNCSCOPE_TEST_OUTPUT ?? join(__dirname, '../../test-output');
const skip = skipUnlessAvailable('browser tests', labSkipReason() ?? chromiumSkipReason());

describe.skipIf(skip !== null)('the console in real Chromium against a real `syncscope serve` and a lab device', () => {
  let lab: LabInfo;
  let server: CliServer;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    lab = await labUp();
    dataDir = mkdtempSync(join(tmpdir(), 'syncscope-browser-'));
    server = await startCliServer(['--port', '0', '--metrics-port', '0', '--data', dataDir]);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 820 } });
    page.on('console', (m) => {
      if (m.type() === 'error' && !/frame-ancestors/.test(m.text())) consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens on a clear first screen', async () => {
    await page.goto(server.url);
    await page.getByTestId('welcome').waitFor();
    await expect(page.getByTestId('engine-connection').getAttribute('data-state')).resolves.toBe('connected');
    await page.screenshot({ path: join(OUT, 'first-screen.png') });
  });

  it('shows the offending field when the form is wrong', async () => {
    await page.getByTestId('add-device').click();
    await page.getByTestId('device-form-name').fill('ss-s1');
    await page.getByTestId('device-form-host').fill('not a host');
    await page.getByTestId('device-form-user').fill('root');
    await page.getByTestId('device-form-password').fill('x');
    await page.getByTestId('device-form-submit').click();
    await expect(page.getByTestId('device-form').getByText('host must be an IP address or a DNS name').count()).resolves.toBeGreaterThan(0);
  });

  it('adds a lab device and streams its offset and path delay into the live chart', async () => {
    const s1 = labDevice(lab, 'ss-s1');
    await page.getByTestId('device-form-host').fill(s1.host);
    await page.getByTestId('device-form-authKind').getByText('Private key').click();
    await page.getByTestId('device-form-privateKey').fill(readFileSync(s1.privateKeyPath, 'utf8'));
    await page.getByTestId('device-form-udsPath').fill(s1.udsPath);
    await page.getByTestId('device-form-pollIntervalMs').fill('500');
    await page.getByTestId('device-form-submit').click();
    await page.getByTestId('device-row-ss-s1').waitFor();
    await page.locator('[data-testid="device-status-ss-s1"][data-connection="online"]').waitFor({ timeout: 30_000 });
    // A freshly started lab slave listens a few seconds before it finds its master.
    await page.getByTestId('device-port-state-ss-s1').filter({ hasText: /UNCALIBRATED|SLAVE/ }).waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="live-chart"][data-points]').waitFor({ timeout: 30_000 });
    const canvas = await page.locator('[data-testid="live-chart"] canvas').elementHandle();
    // Polled from the test side: the page's CSP (rightly) forbids evaluating strings.
    const points = async () => Number(await page.getByTestId('live-chart').getAttribute('data-points'));
    const atLock = await points();
    await waitFor('8 more points once the slave has its master', async () => (await points()) >= atLock + 8, 30_000, 250);
    // The chart streamed into the same canvas: it was not re-created per sample.
    expect(await canvas?.evaluate((c) => c.isConnected)).toBe(true);
    await page.screenshot({ path: join(OUT, 'live-chart.png') });

    const metrics = await (await fetch(server.metricsUrl!)).text();
    expect(metrics).toMatch(/^syncscope_ptp_mean_path_delay_seconds\{device="ss-s1"\} \d/m);
    expect(consoleErrors).toEqual([]);
  });

  it('speaks Simplified Chinese', async () => {
    await page.getByTestId('language-switch').click();
    await page.getByText('简体中文').click();
    await expect(page.getByTestId('add-device').innerText()).resolves.toMatch(/[\u4e00-\u9fff]/);
    await page.screenshot({ path: join(OUT, 'live-chart-zh.png') });
  });

  it('tells the operator when the engine goes away', async () => {
    await server.stop();
    await page.getByTestId('engine-disconnected-banner').waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('engine-connection').getAttribute('data-state')).resolves.toBe('disconnected');
    await page.screenshot({ path: join(OUT, 'engine-lost.png') });
  });
});
