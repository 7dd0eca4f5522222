import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RotatingSshd, throughOwnJump } from '../lab/host-key-sshd';
import { labDevice, labIsolatedDevice } from '../lab/lab';
import { runCli } from '../support/processes';
import { connectEngineClient } from '../support/socket-client';
import { browserSuiteSkip, openConsole, shot, type ConsoleSession } from './console-session';

const skip = browserSuiteSkip();
/** Its own sshd port on ss-x1 (the other host-key suites use 2231-2234). */
const PORT = 2235;
const NAME = 'hk-ui-jump';

describe.skipIf(skip !== null)('the host-key prompt for a jump host with its own login, in real Chromium against the real engine', () => {
  let s: ConsoleSession;
  let jump: RotatingSshd;
  let link: Awaited<ReturnType<typeof connectEngineClient>>;
  const modal = () => s.page.getByTestId('host-key-modal');
  const state = (connection: string) => s.page.locator(`[data-testid="device-status-${NAME}"][data-connection="${connection}"]`);

  beforeAll(async () => {
    s = await openConsole({ width: 1280, height: 820 });
    jump = new RotatingSshd(labIsolatedDevice(s.lab, 'ss-x1'), PORT);
    await jump.start();
    link = await connectEngineClient(s.server.url);
    // ss-s1 as root by key, through a second sshd in ss-x1 where the jump logs in as sslab by password.
    await link.client.call('devices.add', throughOwnJump(NAME, labDevice(s.lab, 'ss-s1'), jump, labIsolatedDevice(s.lab, 'ss-x1')));
  });
  afterAll(async () => {
    link?.close();
    await s?.close();
    await jump?.stop();
  });

  it('asks about the changed key of the jump host (old and new, named as the jump host’s), and accepting it keeps the jump’s own login', async () => {
    await state('online').waitFor({ timeout: 30_000 });
    const old = jump.fingerprint;
    await jump.rotate();
    await s.page.locator(`[data-testid="host-key-modal"][data-kind="changed"][data-device="${NAME}"]`).waitFor({ timeout: 30_000 });
    const text = await modal().innerText();
    expect(text).toContain(`This is the key of the jump host on the way to ${NAME}.`);
    expect(text).toContain(`${labIsolatedDevice(s.lab, 'ss-x1').host}:${PORT}`);
    await expect(s.page.getByTestId('host-key-old').innerText()).resolves.toBe(old);
    await expect(s.page.getByTestId('host-key-presented').innerText()).resolves.toBe(jump.fingerprint);
    await shot(s.page, 'host-key-jump-changed');

    await s.page.getByTestId('host-key-trust').click();
    await modal().waitFor({ state: 'detached' });
    await state('online').waitFor({ timeout: 30_000 });
    const device = (await link.client.call('devices.list')).find((d) => d.name === NAME);
    expect(device?.jump).toMatchObject({ hostKeySha256: jump.fingerprint, authKind: 'password' });
  });

  it('a rejected new jump key keeps the device out, is not asked again after a reload, and the CLI can still accept it', async () => {
    await jump.rotate();
    await s.page.locator(`[data-testid="host-key-modal"][data-kind="changed"][data-device="${NAME}"]`).waitFor({ timeout: 30_000 });
    await s.page.getByTestId('host-key-reject').click();
    await modal().waitFor({ state: 'detached' });
    await state('offline').waitFor({ timeout: 30_000 });
    const error = s.page.getByTestId(`device-error-${NAME}`);
    await expect(error.innerText()).resolves.toMatch(/rejected by the operator/);
    await error.hover();
    await expect(s.page.getByTestId(`device-error-tooltip-${NAME}`).innerText()).resolves.toContain(`${jump.fingerprint} --jump`);

    await s.page.reload();
    await s.page.locator('[data-testid="engine-connection"][data-state="connected"]').waitFor();
    await state('offline').waitFor();
    // Several retries pass with the question closed.
    await new Promise((r) => setTimeout(r, 3000));
    expect(await modal().count()).toBe(0);

    const cli = await runCli(['device', 'trust-key', NAME, jump.fingerprint, '--jump', '--server', s.server.url]);
    expect(cli.stdout, cli.stderr).toContain(`Accepted the new host key of the jump host of ${NAME}`);
    await state('online').waitFor({ timeout: 30_000 });
    expect(s.consoleErrors).toEqual([]);
  });
});
