import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/engine-server';
import { labDevice } from '../lab/lab';
import { OFFSET_CHART, browserSuiteSkip, openConsole, shot, switchLanguage, type ConsoleSession } from './console-session';

const skip = browserSuiteSkip();

describe.skipIf(skip !== null)('the console in real Chromium against a real `syncscope serve` and a lab device', () => {
  let s: ConsoleSession;

  beforeAll(async () => {
    s = await openConsole({ width: 1280, height: 820 });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('opens on a clear first screen', async () => {
    await s.page.getByTestId('welcome').waitFor();
    await expect(s.page.getByTestId('engine-connection').getAttribute('data-state')).resolves.toBe('connected');
    await shot(s.page, 'first-screen');
  });

  it('shows the offending field when the form is wrong', async () => {
    await s.page.getByTestId('add-device').click();
    await s.page.getByTestId('device-form-name').fill('ss-s1');
    await s.page.getByTestId('device-form-host').fill('not a host');
    await s.page.getByTestId('device-form-user').fill('root');
    await s.page.getByTestId('device-form-password').fill('x');
    await s.page.getByTestId('device-form-submit').click();
    await expect(s.page.getByTestId('device-form').getByText('host must be an IP address or a DNS name').count()).resolves.toBeGreaterThan(0);
  });

  it('adds a lab device and streams its offset and path delay into the live chart', async () => {
    const s1 = labDevice(s.lab, 'ss-s1');
    await s.page.getByTestId('device-form-host').fill(s1.host);
    await s.page.getByTestId('device-form-authKind').getByText('Private key').click();
    await s.page.getByTestId('device-form-privateKey').fill(readFileSync(s1.privateKeyPath, 'utf8'));
    await s.page.getByTestId('device-form-instances.0.udsPath').fill(s1.udsPath);
    // The lab's key, as an operator would copy it from the device: no host-key prompt for a known device.
    await s.page.getByTestId('device-form-hostKeySha256').fill(s1.hostKeySha256);
    await s.page.getByTestId('device-form-pollIntervalMs').fill('500');
    await s.page.getByTestId('device-form-submit').click();
    await s.page.getByTestId('device-row-ss-s1').waitFor();
    await s.page.locator('[data-testid="device-status-ss-s1"][data-connection="online"]').waitFor({ timeout: 30_000 });
    // A freshly started lab slave listens a few seconds before it finds its master.
    await s.page.getByTestId('device-port-state-ss-s1').filter({ hasText: /UNCALIBRATED|SLAVE/ }).waitFor({ timeout: 30_000 });
    await s.page.locator(`${OFFSET_CHART}[data-points]`).waitFor({ timeout: 30_000 });
    const canvas = await s.page.locator(`${OFFSET_CHART} canvas`).elementHandle();
    // Polled from the test side: the page's CSP (rightly) forbids evaluating strings.
    const points = async () => Number(await s.page.locator(OFFSET_CHART).getAttribute('data-points'));
    const atLock = await points();
    await waitFor('8 more points once the slave has its master', async () => (await points()) >= atLock + 8, 30_000, 250);
    // The chart streamed into the same canvas: it was not re-created per sample.
    expect(await canvas?.evaluate((c) => c.isConnected)).toBe(true);
    await shot(s.page, 'live-chart');

    const metrics = await (await fetch(s.server.metricsUrl!)).text();
    expect(metrics).toMatch(/^syncscope_ptp_mean_path_delay_seconds\{device="ss-s1",instance_name="ptp4l"\} \d/m);
    expect(s.consoleErrors).toEqual([]);
  });

  it('speaks Simplified Chinese', async () => {
    await switchLanguage(s.page, 'zh-CN');
    await expect(s.page.getByTestId('add-device').innerText()).resolves.toMatch(/[\u4e00-\u9fff]/);
    await shot(s.page, 'live-chart-zh');
  });

  it('tells the operator when the engine goes away', async () => {
    await s.server.stop();
    await s.page.getByTestId('engine-disconnected-banner').waitFor({ timeout: 15_000 });
    await expect(s.page.getByTestId('engine-connection').getAttribute('data-state')).resolves.toBe('disconnected');
    await shot(s.page, 'engine-lost');
  });
});
