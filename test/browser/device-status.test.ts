import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labDevice } from '../lab/lab';
import { HAN, addSshDevice, browserSuiteSkip, labKeyLogin, openConsole, shot, switchLanguage, type ConsoleSession } from './console-session';

const skip = browserSuiteSkip();

/** Whether an element's text is cut (an ellipsis, or clipped): its content is wider than its box. */
function clipped(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const label = el.querySelector('.mantine-Badge-label') ?? el;
    return label.scrollWidth > label.clientWidth + 0.5 || el.scrollWidth > el.clientWidth + 0.5;
  });
}

describe.skipIf(skip !== null)('device states and reasons in real Chromium', () => {
  let s: ConsoleSession;
  const badge = (name: string) => s.page.getByTestId(`device-status-${name}`);

  beforeAll(async () => {
    s = await openConsole({ width: 1280, height: 820 });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('shows why a device at a closed port is offline, in its row and where its chart would be', async () => {
    await addSshDevice(s.page, { name: 'closed-port', host: '127.0.0.1', sshPort: 1, user: 'nobody', password: 'x' });
    await s.page.locator('[data-testid="device-status-closed-port"][data-connection="offline"]').waitFor({ timeout: 30_000 });
    const rowError = s.page.getByTestId('device-error-closed-port');
    await expect(rowError.getAttribute('data-code')).resolves.toBe('ssh-refused');
    const empty = s.page.getByTestId('live-chart-empty');
    await s.page.locator('[data-testid="live-chart-empty"][data-connection="offline"]').waitFor();
    const reason = s.page.getByTestId('live-chart-reason');
    await expect(reason.getAttribute('data-code')).resolves.toBe('ssh-refused');
    const english = await reason.innerText();
    expect(english).toMatch(/127\.0\.0\.1/);
    expect(english).not.toMatch(/Waiting for the first sample/);
    expect(await empty.innerText()).toMatch(/not reachable/);
    // The row says the same as the chart (the row clamps to two lines, the reason is whole).
    expect(english.startsWith((await rowError.locator('p').first().innerText()).replace(/…$/, ''))).toBe(true);
    await shot(s.page, 'status-offline-reason');

    await switchLanguage(s.page, 'zh-CN');
    await expect(empty.innerText()).resolves.toMatch(/无法连接 closed-port/);
    const chinese = await reason.innerText();
    expect(chinese).toMatch(HAN);
    expect(chinese).toMatch(/127\.0\.0\.1/);
    expect(await rowError.innerText()).toMatch(HAN);
    await rowError.hover();
    await expect(s.page.getByTestId('device-error-tooltip-closed-port').innerText()).resolves.toBe(chinese);
    await shot(s.page, 'status-offline-reason-zh');
    await switchLanguage(s.page, 'en');
  });

  it('shows a reachable device that does not measure as "no data", apart from online and offline', async () => {
    await addSshDevice(s.page, { ...labKeyLogin(labDevice(s.lab, 'ss-s1'), 'wrong-uds'), udsPath: '/var/run/no-ptp4l-here' });
    await s.page.locator('[data-testid="device-status-wrong-uds"][data-connection="no-data"]').waitFor({ timeout: 30_000 });
    await expect(badge('wrong-uds').innerText()).resolves.toMatch(/^no data$/i);
    await s.page.locator('[data-testid="live-chart-empty"][data-connection="no-data"]').waitFor();
    const code = await s.page.getByTestId('device-error-wrong-uds').getAttribute('data-code');
    await expect(s.page.getByTestId('live-chart-reason').getAttribute('data-code')).resolves.toBe(code);
    await expect(s.page.getByTestId('live-chart-empty').innerText()).resolves.toMatch(/reachable but not measuring/);
    const colours = await Promise.all(['closed-port', 'wrong-uds'].map((name) => badge(name).evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).color)));
    expect(colours[0]).not.toBe(colours[1]);
  });

  it('at 768 px wide (and wider), in Chinese and English, keeps each column header on one line and every badge whole', async () => {
    await addSshDevice(s.page, { ...labKeyLogin(labDevice(s.lab, 'ss-s2')), pollIntervalMs: 500 });
    await s.page.getByTestId('device-port-state-ss-s2').filter({ hasText: /UNCALIBRATED|SLAVE|LISTENING/ }).waitFor({ timeout: 30_000 });
    for (const [language, width] of [['zh-CN', 768], ['zh-CN', 1366], ['en', 768], ['en', 1280]] as const) {
      await switchLanguage(s.page, language);
      await s.page.setViewportSize({ width, height: 768 });
      const headerLines = await s.page.locator('[data-testid="device-table"] thead th').evaluateAll((ths) =>
        ths.map((th) => {
          const range = th.ownerDocument.createRange();
          range.selectNodeContents(th);
          // One line box per line of text: a header broken a character per line has several.
          return { text: th.textContent, shown: th.getClientRects().length > 0, lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size };
        }),
      );
      const shown = headerLines.filter((h) => h.shown);
      expect(shown.length).toBeGreaterThanOrEqual(5);
      expect(shown.every((h) => h.lines === 1), JSON.stringify(headerLines)).toBe(true);
      if (language === 'zh-CN') await expect(badge('wrong-uds').innerText()).resolves.toBe('无数据');
      for (const name of ['closed-port', 'wrong-uds', 'ss-s2']) {
        await expect(clipped(badge(name)), `${name} status, ${language} at ${width}px`).resolves.toBe(false);
      }
      await expect(clipped(s.page.getByTestId('device-port-state-ss-s2').locator('.mantine-Badge-root')), `port state, ${language} at ${width}px`).resolves.toBe(false);
      await shot(s.page, `status-table-${language}-${width}`);
    }
    expect(s.consoleErrors).toEqual([]);
  });
});
