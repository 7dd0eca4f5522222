import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labDevice } from '../lab/lab';
import { waitFor } from '../support/engine-server';
import { OFFSET_CHART, addSshDevice, browserSuiteSkip, chartXRange, labKeyLogin, openConsole, shot, switchLanguage, type ConsoleSession } from './console-session';

const skip = browserSuiteSkip();

describe.skipIf(skip !== null)('the live chart in real Chromium, fed by lab devices', () => {
  let s: ConsoleSession;
  const chart = () => s.page.locator(OFFSET_CHART);
  const plotArea = () => s.page.locator(`${OFFSET_CHART} .u-over`);
  const points = async () => (await chartXRange(s.page)).points;

  beforeAll(async () => {
    s = await openConsole({ width: 1280, height: 820 });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('puts a single sample in a window of about a minute, not years', async () => {
    // Polled once an hour: the first poll is the only sample this test will see.
    await addSshDevice(s.page, { ...labKeyLogin(labDevice(s.lab, 'ss-s1'), 'hourly'), pollIntervalMs: 3_600_000 });
    await s.page.locator(`${OFFSET_CHART}[data-points="1"][data-x-min]`).waitFor({ timeout: 30_000 });
    const { min, max } = await chartXRange(s.page);
    const spanSec = max - min;
    expect(spanSec).toBeGreaterThan(10);
    expect(spanSec).toBeLessThanOrEqual(120);
    const nowSec = Date.now() / 1000;
    expect(min).toBeLessThan(nowSec);
    expect(max).toBeGreaterThan(nowSec - 120);
    await shot(s.page, 'chart-single-point');
  });

  it('zooms to a dragged range and stays there while samples arrive; "Follow live" and double-click return', async () => {
    await addSshDevice(s.page, { ...labKeyLogin(labDevice(s.lab, 'ss-s2')), pollIntervalMs: 250 });
    const row = s.page.getByTestId('device-row-ss-s2');
    await row.click();
    await s.page.locator(`${OFFSET_CHART}[data-device-id="${await row.getAttribute('data-device-id')}"]`).waitFor();
    await waitFor('a dozen points of ss-s2', async () => (await points()) >= 12, 30_000, 100);
    const live = await chartXRange(s.page);

    const box = (await plotArea().boundingBox())!;
    const y = box.y + box.height / 2;
    await s.page.mouse.move(box.x + box.width * 0.3, y);
    await s.page.mouse.down();
    await s.page.mouse.move(box.x + box.width * 0.45, y, { steps: 5 });
    await s.page.mouse.move(box.x + box.width * 0.6, y, { steps: 5 });
    await s.page.mouse.up();
    await s.page.locator(`${OFFSET_CHART}[data-zoomed="true"]`).waitFor();
    const zoomed = await chartXRange(s.page);
    expect(zoomed.min).toBeGreaterThan(live.min);
    expect(zoomed.max).toBeLessThan(live.max);
    expect(zoomed.max - zoomed.min).toBeLessThan((live.max - live.min) * 0.5);

    await waitFor('6 more samples while zoomed', async () => (await points()) >= zoomed.points + 6, 30_000, 100);
    const later = await chartXRange(s.page);
    expect([later.min, later.max]).toEqual([zoomed.min, zoomed.max]);
    await shot(s.page, 'chart-zoomed');

    await s.page.getByTestId('chart-follow-live').click();
    await s.page.locator(`${OFFSET_CHART}[data-zoomed="false"]`).waitFor();
    await waitFor('the x range to follow the newest samples again', async () => (await chartXRange(s.page)).max > later.max + 0.5, 30_000, 100);

    await s.page.mouse.move(box.x + box.width * 0.2, y);
    await s.page.mouse.down();
    await s.page.mouse.move(box.x + box.width * 0.5, y, { steps: 5 });
    await s.page.mouse.up();
    await s.page.locator(`${OFFSET_CHART}[data-zoomed="true"]`).waitFor();
    const again = await chartXRange(s.page);
    await plotArea().dblclick({ position: { x: box.width * 0.5, y: box.height / 2 } });
    await s.page.locator(`${OFFSET_CHART}[data-zoomed="false"]`).waitFor();
    await waitFor('double-click to follow the newest samples again', async () => (await chartXRange(s.page)).max > again.max + 0.5, 30_000, 100);
  });

  it('writes the time in the legend the way each language does', async () => {
    const box = (await plotArea().boundingBox())!;
    const legendTime = async () => {
      await s.page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2);
      return s.page.locator(`${OFFSET_CHART} .u-legend .u-series`).first().locator('.u-value').innerText();
    };
    expect(await legendTime()).toMatch(/^\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}:\d{2}(am|pm)$/);
    await switchLanguage(s.page, 'zh-CN');
    await chart().locator('canvas').waitFor();
    expect(await legendTime()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2}$/);
    await shot(s.page, 'chart-zh');
  });

  it('says above a chart with old samples that its device stopped measuring, and why', async () => {
    await expect(s.page.getByTestId('ptp-no-data').count()).resolves.toBe(0);
    // Pointed at a path where no ptp4l listens, ss-s2 stays reachable but stops measuring.
    await s.page.getByTestId('device-edit-ss-s2').click();
    await s.page.getByTestId('device-form-instances.0.udsPath').fill('/var/run/no-ptp4l-here');
    await s.page.getByTestId('device-form-submit').click();
    await s.page.locator('[data-testid="device-status-ss-s2"][data-connection="no-data"]').waitFor({ timeout: 30_000 });
    const stale = s.page.getByTestId('ptp-no-data');
    await stale.waitFor();
    expect(await points()).toBeGreaterThan(0);
    await expect(stale.innerText()).resolves.toMatch(/ss-s2 目前没有测量数据/);
    await expect(stale.innerText()).resolves.toMatch(/no-ptp4l-here/);
    await shot(s.page, 'chart-stale-zh');
    expect(s.consoleErrors).toEqual([]);
  });
});
