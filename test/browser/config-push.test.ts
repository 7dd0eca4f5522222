import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labScenarioDevice, labUp, type LabDevice } from '../lab/lab';
import { holdLabDevice } from '../lab/lab-helpers';
import { addLabDeviceWithConfig, engineClient } from './config-session';
import { OUT, browserSuiteSkip, openConsole, type ConsoleSession } from './console-session';

const skip = browserSuiteSkip();

/**
 * The Config tab's push flow in real Chromium on the lab's ss-p1 (the config-push scenario device:
 * run this file under the lab lock, as that scenario's own test runs): a priority1 changed in the
 * form is pushed after the confirm and applied, and a config ptp4l will not start with (hardware
 * time stamps on a veth) is rolled back by itself; the push history shows both, and the device
 * ends with the file it had.
 */
describe.skipIf(skip !== null)('pushing a ptp4l.conf from the Config tab, on ss-p1', () => {
  let s: ConsoleSession;
  let client: Awaited<ReturnType<typeof engineClient>> | undefined;
  let p1: LabDevice;
  let original = '';
  let release: (() => Promise<void>) | null = null;
  const page = () => s.page;
  const conf = () => p1.instances[0]!.ptp4lConfig;
  const restartScript = () => join(s.lab.stateDir, p1.name, 'restart-ptp4l');
  const shot = (name: string) => page().screenshot({ path: join(OUT, `${name}.png`), fullPage: true });

  const push = async (outcome: string) => {
    await page().getByTestId('config-push-button').click();
    const modal = page().getByTestId('config-push-modal');
    await modal.waitFor({ timeout: 30_000 });
    // ss-p1 is a free-running slave on software time stamps: it stays UNCALIBRATED, which verify must accept.
    await modal.getByTestId('config-verify-UNCALIBRATED').check();
    await page().getByTestId('config-push-confirm').click();
    await page().locator(`[data-testid="config-push-result"][data-outcome="${outcome}"]`).waitFor({ timeout: 120_000 });
  };

  beforeAll(async () => {
    s = await openConsole({ width: 1280, height: 1000 });
    p1 = labScenarioDevice(s.lab, 'ss-p1');
    release = await holdLabDevice(s.lab.stateDir, p1.name);
    original = readFileSync(conf(), 'utf8');
    client = await engineClient(s.server.url);
    await addLabDeviceWithConfig(client.engine, p1, { restartCommand: [restartScript()] });
  }, 180_000);
  afterAll(async () => {
    client?.close();
    await s?.close();
    if (p1 && original && readFileSync(conf(), 'utf8') !== original) {
      writeFileSync(conf(), original);
      execFileSync('ip', ['netns', 'exec', p1.netns, restartScript()], { timeout: 30_000 });
    }
    await release?.();
    await labUp();
  }, 180_000);

  it('pushes a priority1 changed in the form after the confirm: applied, and in the history', async () => {
    await page().getByTestId(`device-row-${p1.name}`).click();
    await page().getByTestId('device-tab-config').click();
    await page().locator(`[data-testid="config-loaded"][data-path="${conf()}"]`).waitFor({ timeout: 30_000 });
    await page().getByTestId('config-release').selectOption(s.lab.linuxptpVersion.split('.').slice(0, 2).join('.'));
    await page().locator('[data-testid="config-check"][data-errors="0"]').waitFor();
    await page().getByTestId('config-view').getByText('Form').click();
    await page().getByTestId('config-field-global-priority1').fill('127');
    await push('applied');
    expect(readFileSync(conf(), 'utf8')).toBe(original.replace(/^priority1(\s+)128$/m, 'priority1$1127'));
    await page().locator('[data-testid="config-audit-row"][data-outcome="applied"]').waitFor({ timeout: 30_000 });
    // The tab reads the device's file again after a push: nothing left to push.
    await expect(page().getByTestId('config-push-reason').innerText()).resolves.toContain('Nothing to push');
    await shot('config-push-applied');
  });

  it('rolls back a config ptp4l cannot start with, by itself, and says so', async () => {
    const before = readFileSync(conf(), 'utf8');
    await page().getByTestId('config-view').getByText('Form').click();
    await page().getByTestId('config-field-global-time_stamping').selectOption('hardware');
    await page().locator('[data-testid="config-check"][data-errors="0"]').waitFor();
    await push('rolled-back');
    await expect(page().getByTestId('config-push-result').innerText()).resolves.toContain('Failed, and the backup was restored automatically');
    await page().locator('[data-testid="config-audit-row"][data-outcome="rolled-back"]').waitFor({ timeout: 30_000 });
    // Newest first: this push, then the applied one.
    await expect(page().getByTestId('config-audit-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-outcome')))).resolves.toEqual(['rolled-back', 'applied']);
    expect(readFileSync(conf(), 'utf8')).toBe(before);
    // The edit stays to be fixed, now compared with the file the rollback restored.
    await expect(page().getByTestId('config-field-global-time_stamping').inputValue()).resolves.toBe('hardware');
    await page().getByTestId('config-view').getByText('Changes').click();
    await expect(page().locator('[data-testid="config-diff"]').getAttribute('data-added')).resolves.toBe('1');
    await shot('config-push-rolled-back');
    expect(s.consoleErrors).toEqual([]);
  });
});
