import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RotatingSshd } from '../lab/host-key-sshd';
import { labIsolatedDevice } from '../lab/lab';
import { LANGUAGE_STORAGE_KEY } from '../../renderer/src/i18n/language';
import { HAN, addSshDevice, browserSuiteSkip, labKeyLogin, openConsole, shot, type ConsoleSession } from './console-session';

const skip = browserSuiteSkip();
/** Its own sshd port on ss-x1 (the CLI lab suite uses another). */
const PORT = 2232;

describe.skipIf(skip !== null)('the SSH host-key prompt in real Chromium against the real engine', () => {
  let s: ConsoleSession;
  let sshd: RotatingSshd;
  const modal = () => s.page.getByTestId('host-key-modal');
  const reloadIn = async (language: 'en' | 'zh-CN') => {
    await s.page.getByTestId('engine-connection').evaluate((el, [key, value]) => el.ownerDocument.defaultView?.localStorage.setItem(key, value), [LANGUAGE_STORAGE_KEY, language] as const);
    await s.page.reload();
    await s.page.locator(`html[lang="${language}"]`).waitFor({ state: 'attached' });
    await modal().waitFor();
  };
  const state = (name: string, connection: string) => s.page.locator(`[data-testid="device-status-${name}"][data-connection="${connection}"]`);

  beforeAll(async () => {
    s = await openConsole({ width: 1280, height: 820 });
    sshd = new RotatingSshd(labIsolatedDevice(s.lab, 'ss-x1'), PORT);
    await sshd.start();
  });
  afterAll(async () => {
    await s?.close();
    await sshd?.stop();
  });

  it('asks on first contact with the fingerprint, logs in only once trusted', async () => {
    const x1 = labIsolatedDevice(s.lab, 'ss-x1');
    const logFrom = sshd.log().length;
    await addSshDevice(s.page, { ...labKeyLogin(x1, 'hk-ui'), hostKeySha256: undefined, sshPort: PORT });
    await s.page.locator('[data-testid="host-key-modal"][data-kind="new"]').waitFor({ timeout: 30_000 });
    await state('hk-ui', 'awaiting-host-key').waitFor();
    const fp = s.page.getByTestId('host-key-presented');
    await expect(fp.innerText()).resolves.toBe(sshd.fingerprint);
    expect(await fp.evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).fontFamily ?? '')).toMatch(/mono/i);
    await expect(modal().getAttribute('data-device')).resolves.toBe('hk-ui');
    await expect(s.page.getByRole('dialog').innerText()).resolves.toContain('Trust the SSH host key of hk-ui?');
    await expect(modal().innerText()).resolves.toContain(`${x1.host}:${PORT}`);
    expect(sshd.log().slice(logFrom)).not.toMatch(/userauth-request|Accepted publickey/);
    await shot(s.page, 'host-key-first-contact');

    // The prompt holds the page (the header's language switch is behind it): the language is chosen as a returning operator's would be, then the page reloaded.
    await reloadIn('zh-CN');
    await expect(modal().innerText()).resolves.toMatch(HAN);
    await expect(modal().innerText()).resolves.toContain(sshd.fingerprint);
    await expect(s.page.getByTestId('host-key-trust').innerText()).resolves.toBe('信任并记住');
    await shot(s.page, 'host-key-first-contact-zh');
    await reloadIn('en');
    await expect(s.page.getByTestId('host-key-trust').innerText()).resolves.toBe('Trust and remember');

    await s.page.getByTestId('host-key-trust').click();
    await modal().waitFor({ state: 'detached' });
    await state('hk-ui', 'online').waitFor({ timeout: 30_000 });
    expect(sshd.log().slice(logFrom)).toMatch(/Accepted publickey for root/);
  });

  it('refuses a rotated key showing old and new, and goes online once the new key is accepted', async () => {
    const old = sshd.fingerprint;
    await sshd.rotate();
    await s.page.locator('[data-testid="host-key-modal"][data-kind="changed"]').waitFor({ timeout: 30_000 });
    await state('hk-ui', 'awaiting-host-key').waitFor();
    await expect(s.page.getByTestId('host-key-old').innerText()).resolves.toBe(old);
    await expect(s.page.getByTestId('host-key-presented').innerText()).resolves.toBe(sshd.fingerprint);
    await expect(s.page.getByTestId('host-key-trust').innerText()).resolves.toBe('Accept the new key');
    await shot(s.page, 'host-key-changed');

    await s.page.getByTestId('host-key-trust').click();
    await modal().waitFor({ state: 'detached' });
    await state('hk-ui', 'online').waitFor({ timeout: 30_000 });
  });

  it('keeps a rejected key out: the device is refused and not asked about it again', async () => {
    await addSshDevice(s.page, { ...labKeyLogin(labIsolatedDevice(s.lab, 'ss-x1'), 'hk-ui-rejected'), hostKeySha256: undefined, sshPort: PORT });
    await s.page.locator('[data-testid="host-key-modal"][data-kind="new"]').waitFor({ timeout: 30_000 });
    await s.page.getByTestId('host-key-reject').click();
    await modal().waitFor({ state: 'detached' });
    await state('hk-ui-rejected', 'offline').waitFor({ timeout: 45_000 });
    await expect(s.page.getByTestId('device-error-hk-ui-rejected').innerText()).resolves.toMatch(/rejected by the operator/);
    expect(await modal().count()).toBe(0);
    expect(s.consoleErrors).toEqual([]);
  });
});
