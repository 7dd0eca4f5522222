import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/engine-server';
import { OFFSET_CHART, browserSuiteSkip, chartXRange, openConsole, shot, type ConsoleSession } from './console-session';
import { DAY_S, dayOfHistory, dragAcross, type DayOfHistory } from './history-world';

const skip = browserSuiteSkip();

/** The offset chart once its newest range query has answered. */
const SETTLED = `${OFFSET_CHART}[data-loading="false"]`;

describe.skipIf(skip !== null)('history zoom and pan on the device page, in real Chromium against a real store', () => {
  let s: ConsoleSession;
  let h: DayOfHistory;

  beforeAll(async () => {
    // A day of one device at 1 Hz, written through the real store before the engine opens the folder.
    h = dayOfHistory('hist-1');
    // A second device whose history stopped two hours ago: nothing in its live window.
    dayOfHistory('quiet-1', h.dataDir, 2 * 3600_000);
    s = await openConsole({ width: 1280, height: 900 }, {}, h.dataDir);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('draws a day from minute rollups, a dragged hour from raw points, and pans through history at that resolution', async () => {
    await s.page.getByTestId('device-row-hist-1').waitFor();
    await s.page.locator(`${OFFSET_CHART}[data-points]`).waitFor({ timeout: 30_000 });
    expect(await s.page.locator(OFFSET_CHART).getAttribute('data-tier')).toBe('live');

    await s.page.getByTestId('history-span').getByText('24 h').click();
    await s.page.locator(`${SETTLED}[data-tier="minute"]`).waitFor();
    const day = await chartXRange(s.page);
    expect(day.max - day.min).toBeCloseTo(DAY_S, -1);
    expect(day.points).toBeGreaterThan(500);
    // The ten minutes without measurements six hours ago stay a break in the line.
    expect(Number(await s.page.locator(OFFSET_CHART).getAttribute('data-gaps'))).toBeGreaterThanOrEqual(1);
    await expect(s.page.getByTestId('chart-tier').first().textContent()).resolves.toBe('minute rollups');
    await shot(s.page, 'history-day-minute');

    await dragAcross(s.page, `${OFFSET_CHART} .u-over`, 0.4, 0.44);
    await s.page.locator(`${SETTLED}[data-tier="raw"]`).waitFor();
    const zoomed = await chartXRange(s.page);
    expect(zoomed.max - zoomed.min).toBeLessThan(DAY_S * 0.06);
    expect(zoomed.min).toBeGreaterThan(day.min);
    // Raw points: many more per second of history than the day's rollups drew.
    expect(zoomed.points / (zoomed.max - zoomed.min)).toBeGreaterThan((10 * day.points) / DAY_S);
    await shot(s.page, 'history-zoomed-raw');

    await s.page.getByTestId('history-pan-earlier').first().click();
    await waitFor('the x range to move earlier', async () => (await chartXRange(s.page)).min < zoomed.min);
    await s.page.locator(`${SETTLED}[data-tier="raw"]`).waitFor();
    const panned = await chartXRange(s.page);
    expect(panned.max - panned.min).toBeCloseTo(zoomed.max - zoomed.min, 0);
    expect(panned.min).toBeCloseTo(zoomed.min - (zoomed.max - zoomed.min) / 2, 0);
    expect(panned.points).toBeGreaterThan(100);

    await s.page.getByTestId('history-zoom-out').first().click();
    await s.page.getByTestId('history-zoom-out').first().click();
    await waitFor('two zoom-outs to widen the range fourfold', async () => {
      const r = await chartXRange(s.page);
      return r.max - r.min > (panned.max - panned.min) * 3.5;
    });

    await s.page.getByTestId('chart-follow-live').first().click();
    await s.page.locator(`${OFFSET_CHART}[data-tier="live"]`).waitFor();
  });

  it('browses the history of a device whose live window is empty', async () => {
    const row = s.page.getByTestId('device-row-quiet-1');
    await row.click();
    const page = s.page.locator(`[data-testid="device-page"][data-device-id="${await row.getAttribute('data-device-id')}"]`);
    await page.getByTestId('live-chart-empty').waitFor({ timeout: 30_000 });
    await page.getByTestId('history-span').getByText('6 h').click();
    const chart = page.locator(`${OFFSET_CHART}[data-loading="false"][data-tier="raw"][data-points]`);
    await chart.waitFor({ timeout: 30_000 });
    // Four of the six hours hold points (1 Hz), drawn within the chart's width.
    expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThan(50);
    await shot(s.page, 'history-quiet-device');
    expect(s.consoleErrors).toEqual([]);
  });
});
