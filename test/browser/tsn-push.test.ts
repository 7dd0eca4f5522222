import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labScenarioDevice, type LabDevice } from '../lab/lab';
import { addLabDeviceWithConfig, engineClient } from './config-session';
import { browserSuiteSkip, openConsole, shot, type ConsoleSession } from './console-session';

const skip = browserSuiteSkip();
const run = promisify(execFile);

/** A veth pair inside ss-t1 only (tsnp0 → tsnp1), with the kernel's default root qdisc (noqueue): what a failed push must leave in place. */
const NETNS = 'ss-t1';
const IFACE = 'tsnp0';
const inT1 = async (script: string) => (await run('ip', ['netns', 'exec', NETNS, 'sh', '-c', script], { timeout: 20_000 })).stdout;
const rootQdisc = async () => (await inT1(`tc qdisc show dev ${IFACE} root`)).trim();

/**
 * The TSN tab's push in real Chromium against a real engine and the lab's ss-t1 (run under the lab
 * lock): the gate-control list editor's taprio is previewed against the interface's qdiscs now (the
 * kernel's noqueue against the intended tc command), confirmed, and applied through the config push pipeline. This
 * kernel has no taprio, so the apply fails with tc's own words, the steps say so, and the interface
 * keeps its qdisc. An invalid schedule cannot be pushed at all.
 */
describe.skipIf(skip !== null)('pushing a taprio schedule from the TSN tab, on ss-t1', () => {
  let s: ConsoleSession;
  let client: Awaited<ReturnType<typeof engineClient>> | undefined;
  let t1: LabDevice;
  const page = () => s.page;
  const id = (testId: string) => page().getByTestId(testId);

  beforeAll(async () => {
    s = await openConsole({ width: 1280, height: 1000 });
    t1 = labScenarioDevice(s.lab, 'ss-t1');
    await inT1(`ip link del ${IFACE} 2>/dev/null; ip link add ${IFACE} type veth peer name tsnp1 && ip link set ${IFACE} up && ip link set tsnp1 up`);
    client = await engineClient(s.server.url);
    await addLabDeviceWithConfig(client.engine, t1);
    await id(`device-row-${t1.name}`).click();
    await id('device-tab-tsn').click();
    await id('tsn-tab').waitFor();
  }, 180_000);
  afterAll(async () => {
    client?.close();
    await s?.close();
    await inT1(`ip link del ${IFACE} 2>/dev/null; exit 0`);
  }, 60_000);

  it('offers no push while the schedule is invalid', async () => {
    await id('gcl-iface').fill(IFACE);
    await id('gcl-interval-1').fill('350000');
    await id('gcl-no-command').waitFor();
    expect(await id('gcl-push-button').isDisabled()).toBe(true);
    await id('gcl-interval-1').fill('300000');
    await page().locator('[data-testid="gcl-verdict"][data-valid="true"]').waitFor();
    expect(await id('gcl-push-button').isDisabled()).toBe(false);
  });

  it('previews the interface\'s qdisc against the taprio command, and after the confirm fails at apply with tc\'s words, leaving the qdisc as it was', async () => {
    expect(await rootQdisc()).toMatch(/^qdisc noqueue 0: root/);
    await id('gcl-push-button').click();
    const modal = id('gcl-push-modal');
    await modal.waitFor({ timeout: 60_000 });
    const preview = (await modal.textContent()) ?? '';
    expect(preview).toContain('noqueue');
    expect(preview).toContain(`tc qdisc replace dev ${IFACE} parent root handle 100 taprio num_tc 3`);
    await shot(page(), 'tsn-push-preview');
    await id('gcl-push-confirm').click();

    const result = page().locator('[data-testid="gcl-push-result"]');
    await result.waitFor({ timeout: 120_000 });
    const outcome = await result.getAttribute('data-outcome');
    expect(['failed', 'rolled-back']).toContain(outcome);
    const apply = page().locator('[data-testid="gcl-push-steps"] [data-step="push:apply"]');
    expect(await apply.getAttribute('data-state')).toBe('failed');
    // tc's own refusal, verbatim (the kernel has no sch_taprio): "Error: Specified qdisc kind is unknown." or iproute2's older wording.
    const said = (await result.textContent()) ?? '';
    expect(said).toMatch(/exited 2: Error: Specified qdisc kind is unknown\.|Unknown qdisc "taprio"/);
    expect(await page().locator('[data-testid="gcl-push-steps"] [data-step="rollback:verify"]').getAttribute('data-state')).toBe('ok');
    await shot(page(), 'tsn-push-failed');
    expect(await rootQdisc()).toMatch(/^qdisc noqueue 0: root/);

    const audit = await client!.engine.call('config.audit', { limit: 5 });
    expect(audit[0]).toMatchObject({ targetKind: 'tsn-qdisc', target: IFACE, outcome });
  });
});
