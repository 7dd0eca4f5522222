import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labDevice } from '../lab/lab';
import { HAN, addSshDevice, browserSuiteSkip, labKeyLogin, openConsole, shot, switchLanguage, type ConsoleSession } from './console-session';

const skip = browserSuiteSkip();
const FIXTURES = join(__dirname, '../../shared/tsn/config/fixtures');

/**
 * The device page's TSN tab in real Chromium against the real engine and the lab's ss-s1: the
 * gate-control list editor (a typed interval breaks the cycle and the error clears when it is met
 * again, a gate toggled and a boundary dragged on the timeline change the command, a hostile
 * interface name gets no command), the cbs calculator's numbers, and the schedule read back from
 * tc's JSON (the lab's kernel has no taprio: saved output built from iproute2) with oper and admin
 * side by side, in English and Chinese.
 */
describe.skipIf(skip !== null)('the TSN tab in real Chromium', () => {
  let s: ConsoleSession;
  const page = () => s.page;
  const id = (testId: string) => page().getByTestId(testId);
  const command = () => id('gcl-command').textContent();
  const problem = (problemId: string) => page().locator(`[data-testid="gcl-problems"] [data-problem-id="${problemId}"]`);

  beforeAll(async () => {
    s = await openConsole({ width: 1280, height: 1000 });
    await addSshDevice(page(), labKeyLogin(labDevice(s.lab, 'ss-s1')));
    await id('device-row-ss-s1').click();
    await id('device-tab-tsn').click();
    await id('tsn-tab').waitFor();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('shows the example schedule valid, with its command', async () => {
    await page().locator('[data-testid="gcl-verdict"][data-valid="true"]').waitFor();
    expect(await command()).toBe(
      'tc qdisc replace dev eth0 parent root handle 100 taprio num_tc 3 map 0 1 2 2 2 2 2 2 2 2 2 2 2 2 2 2 queues 1@0 1@1 2@2 base-time 0 cycle-time 1000000 sched-entry S 01 300000 sched-entry S 02 300000 sched-entry S 05 400000 clockid CLOCK_TAI',
    );
  });

  it('shows an error while the intervals do not add up to the cycle, and clears it when they do', async () => {
    await id('gcl-interval-1').fill('350000');
    await problem('tsn-config.taprio.cycle-shorter').waitFor();
    expect(await problem('tsn-config.taprio.cycle-shorter').textContent()).toContain('The entries add up to 1050000 ns, longer than the cycle-time of 1000000 ns.');
    await id('gcl-no-command').waitFor();
    expect(await page().locator('[data-testid="gcl-verdict"]').getAttribute('data-valid')).toBe('false');
    await shot(page(), 'tsn-editor-cycle-error');

    await id('gcl-interval-2').fill('350000');
    await page().locator('[data-testid="gcl-verdict"][data-valid="true"]').waitFor();
    expect(await problem('tsn-config.taprio.cycle-shorter').count()).toBe(0);
    expect(await command()).toContain('sched-entry S 01 300000 sched-entry S 02 350000 sched-entry S 05 350000 clockid CLOCK_TAI');
  });

  it('toggles a gate on the timeline and moves time between entries by dragging their boundary', async () => {
    const cell = id('gcl-timeline-cell-0-1');
    expect(await cell.getAttribute('data-open')).toBe('false');
    await cell.click();
    await page().locator('[data-testid="gcl-timeline-cell-0-1"][data-open="true"]').waitFor();
    expect(await command()).toContain('sched-entry S 03 300000');

    const box = await id('gcl-timeline-boundary-0').boundingBox();
    if (!box) throw new Error('the boundary between entries 0 and 1 is not on screen');
    await page().mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page().mouse.down();
    await page().mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2, { steps: 6 });
    await page().mouse.up();
    const after = (await command()) ?? '';
    const [first, second] = [...after.matchAll(/sched-entry S \w+ (\d+)/g)].map((m) => Number(m[1]));
    expect(first).toBeGreaterThan(300000);
    expect((first ?? 0) + (second ?? 0)).toBe(650000);
    expect(await page().locator('[data-testid="gcl-verdict"]').getAttribute('data-valid')).toBe('true');
  });

  it('gives no command for a hostile interface name, and says why in Chinese too', async () => {
    await id('gcl-iface').fill('eth0; reboot');
    await problem('tsn-config.iface-invalid').waitFor();
    await id('gcl-no-command').waitFor();
    await switchLanguage(page(), 'zh-CN');
    expect(await problem('tsn-config.iface-invalid').textContent()).toMatch(HAN);
    await shot(page(), 'tsn-editor-zh');
    await switchLanguage(page(), 'en');
    await id('gcl-iface').fill('eth0');
    await id('gcl-command').waitFor();
  });

  it('computes tc-cbs(8)\'s example in the cbs calculator, and warns or refuses past the link', async () => {
    const value = async (key: string) => Number(await id(`cbs-${key}`).getAttribute('data-value'));
    expect([await value('idleslope'), await value('sendslope'), await value('hicredit'), await value('locredit')]).toEqual([20000, -980000, 30, -1470]);
    expect(await id('cbs-command').textContent()).toBe('tc qdisc replace dev eth0 parent 100:4 cbs idleslope 20000 sendslope -980000 hicredit 30 locredit -1470');
    await id('cbs-reserved').fill('800000');
    await page().locator('[data-testid="cbs-problems"] [data-problem-id="tsn-config.cbs.reservation-high"]').waitFor();
    expect(await value('hicredit')).toBe(1200);
    await id('cbs-link-speed').fill('100');
    await page().locator('[data-testid="cbs-problems"] [data-problem-id="tsn-config.cbs.idleslope-range"]').waitFor();
    expect(await id('cbs-idleslope').textContent()).toBe('—');
    await id('cbs-link-speed').fill('1000');
    await id('cbs-reserved').fill('20000');
    await page().locator('[data-testid="cbs-hicredit"][data-value="30"]').waitFor();
  });

  it('reads the schedule back from tc\'s JSON: oper and pending admin side by side, from old iproute2 too, and opens it in the editor', async () => {
    await id('schedule-input').fill(readFileSync(join(FIXTURES, 'iproute2-6.5-taprio-admin-pending-pretty.txt'), 'utf8'));
    await id('schedule-read').click();
    await page().locator('[data-testid="schedule-qdisc-0"][data-verdict="pending"]').waitFor();
    expect(await id('schedule-verdict-0').textContent()).toBe('Pending: a new schedule takes over at base-time 1691160511783528178 ns.');
    expect(await id('schedule-oper-0-details').textContent()).toContain('base-time 0 ns');
    expect(await id('schedule-admin-0-details').textContent()).toContain('base-time 1691160511783528178 ns');
    expect(await page().locator('[data-testid="schedule-admin-0-timeline"] rect[data-open="true"]').count()).toBe(8);
    await shot(page(), 'tsn-schedule-pending');

    await id('schedule-input').fill(readFileSync(join(FIXTURES, 'iproute2-6.4-taprio-unlabeled-admin-pretty.txt'), 'utf8'));
    await id('schedule-read').click();
    await page().locator('[data-testid="schedule-problems"] [data-problem-id="tsn-config.json-unlabeled-admin"]').waitFor();
    expect(await id('schedule-verdict-0').textContent()).toBe('Pending: a new schedule takes over at base-time 1691160103110424418 ns.');

    await id('schedule-input').fill(readFileSync(join(FIXTURES, 'iproute2-6.1-taprio-txtime-assist-etf.txt'), 'utf8'));
    await id('schedule-read').click();
    await page().locator('[data-testid="schedule-qdisc-0"][data-verdict="active"]').waitFor();
    await id('schedule-edit-0').click();
    await page().locator('[data-testid="gcl-verdict"][data-valid="true"]').waitFor();
    expect(await command()).toContain('base-time 1765152000000000037 cycle-time 1000000 sched-entry S 01 300000 sched-entry S 02 300000 sched-entry S 00 100000 sched-entry S 04 300000 flags 0x1 txtime-delay 40000 clockid CLOCK_TAI');
  });

  it('reads the qdiscs of the lab device over its connection: none is taprio, a missing interface is tc\'s answer, a hostile name is refused before any command', async () => {
    await id('schedule-iface').fill('eth0');
    // The collector may still be connecting (the engine then says "not connected now"): ask again until it answers.
    const until = Date.now() + 60_000;
    for (;;) {
      await id('schedule-read-device').click();
      await page().locator('[data-testid="schedule-none"], [data-testid="schedule-error"]').first().waitFor({ timeout: 20_000 });
      if ((await id('schedule-none').count()) > 0) break;
      expect(await id('schedule-error').getAttribute('data-code')).toBe('ssh-disconnected');
      if (Date.now() > until) throw new Error('ss-s1 never answered tc -j qdisc show over its connection');
      await page().waitForTimeout(1000);
    }
    expect(JSON.parse((await id('schedule-input').inputValue()) || 'null')).toEqual(expect.arrayContaining([expect.objectContaining({ root: true })]));
    await id('schedule-iface').fill('eth9');
    await id('schedule-read-device').click();
    await id('schedule-tc-failed').waitFor();
    expect(await id('schedule-tc-failed').textContent()).toContain('Cannot find device "eth9"');
    await id('schedule-iface').fill('eth0; reboot');
    await id('schedule-read-device').click();
    await page().locator('[data-testid="schedule-error"][data-code="invalid-input"]').waitFor();
    expect(await id('schedule-error').textContent()).toContain('is not a plain Linux interface name');
  });

  it('charts the qdisc statistics the TSN collector stores for the lab device\'s ptp4l interface', async () => {
    await page().locator('[data-testid="tsn-stats"]:not([data-charts="0"])').waitFor({ timeout: 60_000 });
    const chart = page().locator('[data-testid="tsn-chart"][data-chart$="/qdisc/bitRate"]').first();
    await chart.waitFor();
    await page().locator('[data-testid="tsn-chart"]:not([data-points="0"])').first().waitFor({ timeout: 30_000 });
    await chart.scrollIntoViewIfNeeded();
    await shot(page(), 'tsn-stats');
  });

  it('logged no console errors', () => {
    expect(s.consoleErrors).toEqual([]);
  });
});
