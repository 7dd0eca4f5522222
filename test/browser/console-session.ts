import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { chromiumSkipReason, launchChromium } from '../support/chromium';
import { startCliServer, type CliServer } from '../support/cli-server';
import { skipUnlessAvailable } from '../support/skip';
import { labSkipReason, labUp, type LabDevice, type LabInfo } from '../lab/lab';

/**
 * One browser suite's world: the real `syncscope serve` (the CLI, on a fresh data folder), real
 * Chromium on its page, and the lab's real devices. Each suite file opens its own, so files stay
 * independent; every page error or console error is collected, and a suite ends by asserting none.
 */

export const OUT = process.env.SYNCSCOPE_TEST_OUTPUT ?? join(__dirname, '../../test-output');

export function browserSuiteSkip(): string | null {
  return skipUnlessAvailable('browser tests', labSkipReason() ?? chromiumSkipReason());
}

export interface ConsoleSession {
  lab: LabInfo;
  server: CliServer;
  browser: Browser;
  page: Page;
  consoleErrors: string[];
  close(): Promise<void>;
}

/**
 * `env` is added to the engine's environment (say, the SSH_AUTH_SOCK of a test's ssh-agent);
 * `dataDir` is a data folder the test filled beforehand (removed at close like a fresh one).
 */
export async function openConsole(viewport: { width: number; height: number }, env: NodeJS.ProcessEnv = {}, dataDir = mkdtempSync(join(tmpdir(), 'syncscope-browser-'))): Promise<ConsoleSession> {
  mkdirSync(OUT, { recursive: true });
  const lab = await labUp();
  const server = await startCliServer(['--port', '0', '--metrics-port', '0', '--data', dataDir], undefined, env);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(server.url);
  await page.locator('[data-testid="engine-connection"][data-state="connected"]').waitFor();
  return {
    lab,
    server,
    browser,
    page,
    consoleErrors,
    close: async () => {
      await browser.close();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function shot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: join(OUT, `${name}.png`) });
}

export async function switchLanguage(page: Page, language: 'en' | 'zh-CN'): Promise<void> {
  await page.getByTestId('language-switch').getByText(language === 'en' ? 'English' : '简体中文').click();
  await page.locator(`html[lang="${language}"]`).waitFor();
}

/** Opens the add dialog from the welcome screen or the device list. */
export async function openAddDialog(page: Page): Promise<Locator> {
  await page.getByTestId('add-device').click();
  const form = page.getByTestId('device-form');
  await form.waitFor();
  return form;
}

export interface SshFields {
  name: string;
  host: string;
  sshPort?: number;
  user: string;
  password?: string;
  privateKeyPath?: string;
  udsPath?: string;
  pollIntervalMs?: number;
  hostKeySha256?: string;
}

/** Fills the add dialog the way a person does (the key pasted from its file) and submits it. */
export async function addSshDevice(page: Page, fields: SshFields): Promise<void> {
  const form = await openAddDialog(page);
  await fillSshForm(page, fields);
  await form.getByTestId('device-form-submit').click();
  await page.getByTestId(`device-row-${fields.name}`).waitFor();
}

export async function fillSshForm(page: Page, fields: SshFields): Promise<void> {
  const input = (field: string) => page.getByTestId(`device-form-${field}`);
  await input('name').fill(fields.name);
  await input('host').fill(fields.host);
  if (fields.sshPort !== undefined) await input('sshPort').fill(String(fields.sshPort));
  await input('user').fill(fields.user);
  if (fields.privateKeyPath) {
    await input('authKind').locator('label').nth(1).click();
    await input('privateKey').fill(readFileSync(fields.privateKeyPath, 'utf8'));
  } else {
    await input('password').fill(fields.password ?? '');
  }
  if (fields.hostKeySha256) await input('hostKeySha256').fill(fields.hostKeySha256);
  if (fields.udsPath) await input('instances.0.udsPath').fill(fields.udsPath);
  if (fields.pollIntervalMs !== undefined) await input('pollIntervalMs').fill(String(fields.pollIntervalMs));
}

/** The lab device's key login, as the form takes it. */
export function labKeyLogin(device: LabDevice, name = device.name): SshFields {
  return { name, host: device.host, sshPort: device.sshPort, user: device.user, privateKeyPath: device.privateKeyPath, udsPath: device.udsPath, hostKeySha256: device.hostKeySha256 };
}

/** Where an element is on screen, and whether it is the topmost thing at its own centre (not covered, not clipped away). */
export async function onScreen(locator: Locator): Promise<{ top: number; bottom: number; left: number; right: number; hittable: boolean }> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = el.ownerDocument.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, hittable: hit !== null && (el === hit || el.contains(hit)) };
  });
}

/** The device page's offset chart (of its one ptp4l instance): the chart the tests follow. */
export const OFFSET_CHART = '[data-testid="live-chart"][data-program="ptp4l"][data-kind="offset"]';

/** The offset chart's current x range (s), as its uPlot x scale reports it. */
export async function chartXRange(page: Page): Promise<{ min: number; max: number; points: number }> {
  const chart = page.locator(OFFSET_CHART);
  const [min, max, points] = await Promise.all([chart.getAttribute('data-x-min'), chart.getAttribute('data-x-max'), chart.getAttribute('data-points')]);
  return { min: Number(min), max: Number(max), points: Number(points ?? 0) };
}

export const HAN = /[\u4e00-\u9fff]/;
