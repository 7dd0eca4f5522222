import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineClient } from '../../shared/contract/client';
import { labDevice } from '../lab/lab';
import { waitFor } from '../support/engine-server';
import { connectEngineClient } from '../support/socket-client';
import { addSshDevice, browserSuiteSkip, HAN, labKeyLogin, openConsole, shot, switchLanguage, type ConsoleSession } from './console-session';

const skip = browserSuiteSkip();

interface Seen {
  atMs: number;
  retryAt: number;
  seconds: number;
  text: string;
}

describe.skipIf(skip !== null)('the time to the next retry, counting down live in real Chromium', () => {
  let s: ConsoleSession;
  let link: Awaited<ReturnType<typeof connectEngineClient>>;
  let engine: EngineClient;

  beforeAll(async () => {
    s = await openConsole({ width: 1280, height: 820 });
    link = await connectEngineClient(s.server.url);
    engine = link.client;
  });
  afterAll(async () => {
    link?.close();
    await s?.close();
  });

  /** What the row's countdown shows now, beside the page's clock. */
  const read = async (testId: string): Promise<Seen | null> => {
    const el = s.page.getByTestId(testId);
    if ((await el.count()) === 0) return null;
    return el.evaluate((node) => ({
      atMs: Date.now(),
      retryAt: Number(node.getAttribute('data-retry-at')),
      seconds: Number(node.getAttribute('data-seconds')),
      text: node.textContent ?? '',
    }));
  };

  it('an offline device shows the engine’s retry time as seconds that tick down between status messages, in its row, on its page and where its chart would be', async () => {
    await addSshDevice(s.page, { name: 'retrying', host: '127.0.0.1', sshPort: 1, user: 'nobody', password: 'x' });
    await s.page.locator('[data-testid="device-status-retrying"][data-connection="offline"]').waitFor({ timeout: 30_000 });

    // Follow the row for a while: backoff doubles (1, 2, 4, 8 s ± 20 %), so some waits span several seconds.
    const seen: Seen[] = [];
    const end = performance.now() + 20_000;
    while (performance.now() < end) {
      const v = await read('device-retry-retrying');
      if (v) seen.push(v);
      await new Promise((r) => setTimeout(r, 150));
    }
    expect(seen.length).toBeGreaterThan(50);
    for (const v of seen) {
      const exact = Math.max(0, Math.ceil((v.retryAt - v.atMs) / 1000));
      // Right, or one behind for the moment a re-render takes just after the second turned.
      if (v.seconds !== exact) {
        expect(v.seconds, JSON.stringify(v)).toBe(exact + 1);
        expect(v.atMs - (v.retryAt - (v.seconds - 1) * 1000), JSON.stringify(v)).toBeLessThan(400);
      }
      expect(v.text).toBe(v.seconds > 0 ? `retry in ${v.seconds} s` : 'retrying…');
    }
    // Within one wait (one retry time, one status message) the number falls second by second: live, not per message.
    const byRetry = new Map<number, number[]>();
    for (const v of seen) byRetry.set(v.retryAt, [...new Set([...(byRetry.get(v.retryAt) ?? []), v.seconds])]);
    const longest = [...byRetry.values()].sort((a, b) => b.length - a.length)[0] ?? [];
    expect(longest.length, JSON.stringify([...byRetry])).toBeGreaterThanOrEqual(4);
    expect(longest).toEqual([...longest].sort((a, b) => b - a));
    for (let i = 1; i < longest.length; i++) expect((longest[i - 1] as number) - (longest[i] as number)).toBe(1);
    // Later waits are longer (exponential backoff): the retry times seen keep moving forward.
    const retryTimes = [...byRetry.keys()];
    expect(retryTimes).toEqual([...retryTimes].sort((a, b) => a - b));

    // The countdown shows the engine's own retry time (read twice apart; a retry in between is read again).
    const device = (await engine.call('devices.list')).find((d) => d.name === 'retrying');
    await waitFor('the row to show the engine’s retry time', async () => {
      const before = (await engine.call('devices.status')).find((st) => st.deviceId === device?.id)?.nextRetryAtMs;
      const shown = await read('device-retry-retrying');
      return before !== undefined && before !== null && shown?.retryAt === before;
    });

    // The device's page and its empty chart count down the same retry.
    await s.page.getByTestId('device-row-retrying').click();
    for (const where of ['device-retry-page-retrying', 'device-retry-chart-retrying']) {
      await s.page.getByTestId(where).waitFor();
      await waitFor(`${where} to count down the row's retry`, async () => {
        const [row, v] = [await read('device-retry-retrying'), await read(where)];
        return row && v && v.retryAt === row.retryAt && Math.abs(v.seconds - row.seconds) <= 1 ;
      });
    }
    await shot(s.page, 'retry-countdown');

    await switchLanguage(s.page, 'zh-CN');
    await s.page.getByTestId('device-retry-retrying').filter({ hasText: HAN }).waitFor();
    const zh = await read('device-retry-retrying');
    expect(zh?.text).toMatch(zh && zh.seconds > 0 ? new RegExp(`^${zh.seconds} 秒后重试$`) : /^正在重试…$/);
    await shot(s.page, 'retry-countdown-zh');
    await switchLanguage(s.page, 'en');
  });

  it('counts against the engine’s clock when the page’s is 90 s ahead (a console on another machine, a steered lab host)', async () => {
    const SKEW = 90_000;
    const page = await s.browser.newPage({ viewport: { width: 1280, height: 820 } });
    try {
      await page.addInitScript((skew: number) => {
        const real = Date.now.bind(Date);
        Date.now = () => real() + skew;
      }, SKEW);
      await page.goto(s.server.url);
      const el = page.getByTestId('device-retry-retrying');
      await el.waitFor({ timeout: 30_000 });
      // The offset is measured once the link is up; read until the row shows a wait (a retry may be due right then).
      const seen = await waitFor('a countdown against the engine’s clock', async () => {
        const v = await el.evaluate((node) => ({ atMs: Date.now(), retryAt: Number(node.getAttribute('data-retry-at')), seconds: Number(node.getAttribute('data-seconds')) }));
        return v.seconds > 0 ? v : null;
      });
      const engineSeconds = Math.ceil((seen.retryAt - (seen.atMs - SKEW)) / 1000);
      // Against the page's own clock every retry would look 90 s overdue ("retrying…" for ever).
      expect(seen.retryAt).toBeLessThan(seen.atMs);
      expect(Math.abs(seen.seconds - engineSeconds), JSON.stringify(seen)).toBeLessThanOrEqual(1);
      expect(seen.seconds).toBeLessThanOrEqual(37);
    } finally {
      await page.close();
    }
  });

  it('a device that measures shows no countdown', async () => {
    await addSshDevice(s.page, { ...labKeyLogin(labDevice(s.lab, 'ss-s2')), pollIntervalMs: 500 });
    await s.page.locator('[data-testid="device-status-ss-s2"][data-connection="online"]').waitFor({ timeout: 30_000 });
    await expect(s.page.getByTestId('device-retry-ss-s2').count()).resolves.toBe(0);
    // …while the offline one beside it still counts.
    await s.page.getByTestId('device-retry-retrying').waitFor();
    expect(s.consoleErrors).toEqual([]);
  });
});
