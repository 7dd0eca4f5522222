import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alarm } from '../../shared/alarms/alarm-model';
import { AlarmsRepo } from '../../electron/core/alarms/alarms-repo';
import { openStore } from '../../electron/core/store/open-store';
import { waitFor } from '../support/engine-server';
import { browserSuiteSkip, openConsole, shot, switchLanguage, type ConsoleSession } from './console-session';

const skip = browserSuiteSkip();

function alarm(id: string, over: Partial<Alarm>): Alarm {
  const t = Date.now() - 120_000;
  return { id, key: `${id}|d1|ptp4l|{}`, ruleId: 'offset-critical', ruleName: 'Offset beyond 1 µs', kind: 'threshold', severity: 'critical', deviceId: 'd1', deviceName: 'gm-lab', labels: { instance: 'ptp4l' }, state: 'firing', summary: '|ptp.offset_from_master| 2.500 µs > 1.000 µs for 5 s on gm-lab/ptp4l', value: 2500, startedAtMs: t, firedAtMs: t + 5000, resolvedAtMs: null, ack: null, silenced: false, flapping: false, groupKey: 'offset-critical', lastChangeMs: t + 5000, ...over };
}

/** The Alarms screen against a real serve whose data folder holds a firing alarm (kept across its start) and a resolved one. */
describe.skipIf(skip !== null)('Alarms screen in real Chromium', () => {
  let s: ConsoleSession;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'syncscope-browser-alarms-'));
    const store = openStore(dataDir);
    try {
      const repo = new AlarmsRepo(store.db);
      // No rules: the screen shows only the alarms seeded here (the defaults would call the local device not measuring).
      repo.replaceRules([]);
      // A device of this folder (this machine's own pmc: no ptp4l here, so it only says no-data) for its row's alarm dot.
      const gm = store.devices.add({ transport: 'local', name: 'gm-lab' });
      const firing = alarm('a0000000-0000-4000-8000-000000000001', { deviceId: gm.id, key: `offset-critical|${gm.id}|ptp4l|{}` });
      const old = alarm('a0000000-0000-4000-8000-000000000002', { key: 'servo|d2|ptp4l|{}', ruleId: 'servo-not-locked', ruleName: 'Servo not locked', severity: 'warning', deviceId: 'd2', deviceName: 'bc-lab', state: 'resolved', summary: 'ptp.servo_state is 0, expected 2 or 3 for 30 s on bc-lab/ptp4l', resolvedAtMs: Date.now() - 60_000 });
      repo.record([firing, old].map((a) => ({ alarm: a, transition: { alarmId: a.id, tMs: a.lastChangeMs, from: null, to: a.state, note: 'rule' } })));
    } finally {
      store.close();
    }
    s = await openConsole({ width: 1280, height: 820 }, {}, dataDir);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('shows the firing alarm with a badge and a dot on its device, acknowledges it with a comment, filters the history, silences it for a while, and speaks Chinese', async () => {
    const page = s.page;
    await page.getByTestId('alarm-badge').and(page.locator('[data-count="1"]')).waitFor();
    // The device's row carries a red dot beside its status while its critical alarm fires.
    await page.locator('[data-testid="device-alarm-dot-gm-lab"][data-severity="critical"]').waitFor();
    await page.getByTestId('nav-alarms').click();
    const rows = page.getByTestId('alarm-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    await expect(rows.first().innerText()).resolves.toContain('2.500 µs > 1.000 µs');
    await page.getByTestId('alarm-ack-button').click();
    await page.getByTestId('ack-comment').fill('swapping the GNSS cable');
    await page.getByTestId('ack-submit').click();
    await page.locator('[data-testid="alarm-row"][data-state="acknowledged"]').waitFor();
    await expect(page.getByTestId('alarm-ack').innerText()).resolves.toMatch(/swapping the GNSS cable/);
    // Acknowledged: nothing left to call anyone about.
    await page.getByTestId('alarm-badge').waitFor({ state: 'detached' });
    await shot(page, 'alarms-acknowledged');
    await page.getByTestId('nav-devices').click();
    await page.getByTestId('device-row-gm-lab').waitFor();
    expect(await page.getByTestId('device-alarm-dot-gm-lab').count()).toBe(0);
    await page.getByTestId('nav-alarms').click();

    await page.getByTestId('alarms-tab-history').click();
    await page.locator('[data-testid="alarm-row"][data-state="resolved"]').waitFor();
    expect(await rows.count()).toBe(2);
    await page.getByTestId('alarms-filter-severity').getByText('Warning').click();
    await waitFor('only the warning', async () => (await rows.count()) === 1);
    await expect(rows.first().innerText()).resolves.toContain('bc-lab');

    // A maintenance window on gm-*: the acknowledged alarm is kept and shown, marked silenced; ending it unmarks it.
    await page.getByTestId('alarms-filter-severity').getByText('All').click();
    await page.getByTestId('alarms-tab-silences').click();
    await page.getByTestId('silence-device').fill('gm-*');
    await page.getByTestId('silence-comment').fill('GNSS antenna work');
    await page.getByTestId('silence-create').click();
    await expect(page.getByTestId('silence-row').innerText()).resolves.toContain('GNSS antenna work');
    await page.getByTestId('alarms-tab-active').click();
    await page.locator('[data-testid="alarm-row"][data-silenced="true"]').waitFor();
    await page.getByTestId('alarms-tab-silences').click();
    await page.getByTestId('silence-expire').click();
    await page.getByTestId('silence-row').waitFor({ state: 'detached' });
    await page.getByTestId('alarms-tab-active').click();
    await page.locator('[data-testid="alarm-row"][data-silenced="false"]').waitFor();

    await switchLanguage(page, 'zh-CN');
    await expect(page.getByTestId('nav-alarms').innerText()).resolves.toContain('告警');
    await expect(page.getByTestId('alarms-screen').innerText()).resolves.toContain('历史');
    await shot(page, 'alarms-zh');
    expect(s.consoleErrors).toEqual([]);
  });
});
