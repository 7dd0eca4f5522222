import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labDevice } from '../lab/lab';
import { waitFor } from '../support/engine-server';
import { HAN, browserSuiteSkip, fillSshForm, labKeyLogin, onScreen, openAddDialog, openConsole, shot, switchLanguage, type ConsoleSession } from './console-session';

const skip = browserSuiteSkip();
const VIEWPORT = { width: 1366, height: 768 };

describe.skipIf(skip !== null)('the device form in real Chromium at 1366×768', () => {
  let s: ConsoleSession;
  const input = (field: string) => s.page.getByTestId(`device-form-${field}`);
  const modalBody = () => s.page.locator('.mantine-Modal-content');
  const inViewport = (box: { top: number; bottom: number }) => box.top >= 0 && box.bottom <= VIEWPORT.height;
  /** In the viewport and not covered (by the dialog's sticky header, say) nor scrolled away inside the dialog. */
  const seen = (box: { top: number; bottom: number; hittable: boolean }) => inViewport(box) && box.hittable;

  beforeAll(async () => {
    s = await openConsole(VIEWPORT);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('keeps the action buttons in sight while the body scrolls', async () => {
    await openAddDialog(s.page);
    await input('authKind').locator('label').nth(1).click(); // private key: the tallest form
    const body = await modalBody().evaluate((el) => ({ scrollHeight: el.scrollHeight, clientHeight: el.clientHeight }));
    expect(body.scrollHeight, 'the form is taller than the dialog at this size').toBeGreaterThan(body.clientHeight);
    for (const atScroll of ['top', 'bottom'] as const) {
      await modalBody().evaluate((el, where) => el.scrollTo({ top: where === 'top' ? 0 : el.scrollHeight }), atScroll);
      const submit = await onScreen(input('submit'));
      expect(seen(submit), `"Add" visible and clickable with the body scrolled to the ${atScroll}`).toBe(true);
    }
    await shot(s.page, 'device-form-1366x768');
  });

  it('fills the private key from a key file picked in the file chooser', async () => {
    const s1 = labDevice(s.lab, 'ss-s1');
    const [chooser] = await Promise.all([s.page.waitForEvent('filechooser'), input('privateKey-file').click()]);
    await chooser.setFiles(s1.privateKeyPath);
    await expect.poll(() => input('privateKey').inputValue()).toBe(readFileSync(s1.privateKeyPath, 'utf8'));
  });

  it('after a refused submit, scrolls the first wrong field into view and focuses it', async () => {
    const s1 = labDevice(s.lab, 'ss-s1');
    await input('host').fill(s1.host);
    await input('user').fill(s1.user);
    // The name stays empty. The operator is at the bottom of the dialog, next to "Add".
    await modalBody().evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    expect(seen(await onScreen(input('name'))), 'the name field starts out of sight').toBe(false);
    await input('submit').click();
    const nameError = s.page.getByText('Give the device a name');
    await nameError.waitFor();
    const name = await onScreen(input('name'));
    expect(seen(name), 'the name field is scrolled into view').toBe(true);
    expect(seen(await onScreen(nameError))).toBe(true);
    await expect(input('name').evaluate((el) => el === el.ownerDocument.activeElement)).resolves.toBe(true);
    await shot(s.page, 'device-form-name-error');
  });

  it('refuses SSH port 99999 with a visible error instead of changing it to 65535', async () => {
    await input('name').fill('ss-s1');
    await input('sshPort').fill('99999');
    await input('user').focus(); // leaving the box is when a clamp would rewrite it
    await expect(input('sshPort').inputValue()).resolves.toBe('99999');
    await input('submit').click();
    const portError = s.page.getByTestId('device-form').getByText('The SSH port must be a whole number from 1 to 65535.');
    await portError.waitFor();
    expect(seen(await onScreen(portError))).toBe(true);
    await expect(s.page.getByTestId('device-row-ss-s1').count()).resolves.toBe(0);
  });

  it('adds a lab device with its expected host key and shows that key when editing', async () => {
    const s1 = labDevice(s.lab, 'ss-s1');
    await input('sshPort').fill(String(s1.sshPort));
    await input('hostKeySha256').fill(s1.hostKeySha256);
    await input('instances.0.udsPath').fill(s1.udsPath);
    await input('submit').click();
    await s.page.getByTestId('device-row-ss-s1').waitFor();
    await s.page.locator('[data-testid="device-status-ss-s1"][data-connection="online"]').waitFor({ timeout: 30_000 });
    await s.page.getByTestId('device-edit-ss-s1').click();
    await expect(input('hostKeySha256').inputValue()).resolves.toBe(s1.hostKeySha256);
    await s.page.getByTestId('device-form').getByRole('button', { name: 'Cancel' }).click();
    await input('name').waitFor({ state: 'detached' });
  });

  it('speaks Chinese in form validation and in engine refusals', async () => {
    await switchLanguage(s.page, 'zh-CN');
    await openAddDialog(s.page);
    await fillSshForm(s.page, { ...labKeyLogin(labDevice(s.lab, 'ss-s2')), name: '' });
    await input('sshPort').fill('0');
    await input('hostKeySha256').fill('MD5:12:34');
    await input('submit').click();
    const form = s.page.getByTestId('device-form');
    await form.getByText('请为设备命名，例如“gm-lab-1”。').waitFor();
    await form.getByText('SSH 端口必须是 1 到 65535 之间的整数。').waitFor();
    await form.getByText('指纹格式应为 SHA256:…（43 个 base64 字符，与 ssh-keygen 的输出一致）。').waitFor();

    // The engine refuses a second "ss-s1": its catalog error shows under the name, in Chinese.
    await input('name').fill('ss-s1');
    await input('sshPort').fill(String(labDevice(s.lab, 'ss-s2').sshPort));
    await input('hostKeySha256').fill('');
    await input('submit').click();
    const taken = form.getByText('已存在名为“ss-s1”的设备。');
    await taken.waitFor();
    expect(seen(await onScreen(taken))).toBe(true);
    expect(await form.innerText()).not.toMatch(/exists already/);
    await shot(s.page, 'device-form-zh-errors');

    await input('name').fill('ss-s2');
    await input('submit').click();
    await s.page.getByTestId('device-row-ss-s2').waitFor();
    await expect(s.page.getByTestId('device-status-ss-s2').innerText()).resolves.toMatch(HAN);
  });

  it('logs no errors in the page', async () => {
    await waitFor('both devices listed', async () => (await s.page.locator('[data-testid^="device-row-"]').count()) === 2);
    expect(s.consoleErrors).toEqual([]);
  });
});
