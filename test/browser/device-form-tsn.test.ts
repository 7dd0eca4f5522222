import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labDevice } from '../lab/lab';
import { browserSuiteSkip, fillSshForm, labKeyLogin, openAddDialog, openConsole, switchLanguage, type ConsoleSession } from './console-session';

const skip = browserSuiteSkip();

/**
 * The device form's TSN interfaces in real Chromium against a real engine: a hostile name is refused
 * under the field (in Chinese too) before anything is saved, a list is saved with the profile and
 * shown again when editing.
 */
describe.skipIf(skip !== null)('TSN interfaces in the device form', () => {
  let s: ConsoleSession;
  const input = (field: string) => s.page.getByTestId(`device-form-${field}`);
  const form = () => s.page.getByTestId('device-form');

  beforeAll(async () => {
    s = await openConsole({ width: 1280, height: 1000 });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('refuses a hostile interface name under the field, in Chinese and in English, saving nothing', async () => {
    await switchLanguage(s.page, 'zh-CN');
    await openAddDialog(s.page);
    await fillSshForm(s.page, labKeyLogin(labDevice(s.lab, 'ss-s1')));
    await input('tsnInterfaces').fill('eth0, eth0; reboot');
    await input('submit').click();
    await form().getByText('每个 TSN 接口须为 Linux 接口名').waitFor();
    await s.page.keyboard.press('Escape');
    await input('name').waitFor({ state: 'detached' });
    await switchLanguage(s.page, 'en');
    await openAddDialog(s.page);
    await fillSshForm(s.page, labKeyLogin(labDevice(s.lab, 'ss-s1')));
    await input('tsnInterfaces').fill('-eth0');
    await input('submit').click();
    await form().getByText('Each TSN interface must be a Linux interface name').waitFor();
    expect(await s.page.getByTestId('device-row-ss-s1').count()).toBe(0);
  });

  it('saves a list with the profile and shows it again when editing', async () => {
    await input('tsnInterfaces').fill('eth0, tsn0');
    await input('submit').click();
    await s.page.getByTestId('device-row-ss-s1').waitFor();
    await s.page.getByTestId('device-edit-ss-s1').click();
    await expect(input('tsnInterfaces').inputValue()).resolves.toBe('eth0, tsn0');
  });
});
