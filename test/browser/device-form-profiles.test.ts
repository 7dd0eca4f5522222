import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabDevice } from '../lab/lab';
import { waitFor } from '../support/engine-server';
import { skipUnlessAvailable } from '../support/skip';
import { HAN, browserSuiteSkip, openAddDialog, openConsole, shot, switchLanguage, type ConsoleSession } from './console-session';

const skip = browserSuiteSkip();
const run = promisify(execFile);
const CLI = join(__dirname, '../../bin/syncscope.cjs');

/** The lab's serial-only device (test/lab/serial-console.sh): its console pty and its ptp4l socket. */
const SERIAL_DEVICE_DIR = '/run/syncscope-lab/ss-c1';
/** An instance section's port whose state pmc has read from the device. */
const PORT_READ = '[data-testid="instance-port"][data-interface="eth0"]:not([data-port-state=""])';

/** Asked when the test runs (the suite has brought the lab up by then), not when the file loads. */
const serialLabMissing = () => (existsSync(join(SERIAL_DEVICE_DIR, 'console')) && existsSync(join(SERIAL_DEVICE_DIR, 'ptp4l')) ? null : `the lab's serial console device is not up (${SERIAL_DEVICE_DIR})`);

/**
 * The device form's profile model end to end: what an operator types (transport, auth kind, jump
 * host, ptp4l instances, serial line) reaches the real engine, which reaches the lab's real devices
 * (ss-j1 only through ss-jump's sshd; ss-c1 only through its serial console).
 */
describe.skipIf(skip !== null)('device profiles through the form, in real Chromium against the real engine', () => {
  let s: ConsoleSession;
  let j1: LabDevice;
  const input = (field: string) => s.page.getByTestId(`device-form-${field}`);
  const form = () => s.page.getByTestId('device-form');
  const online = (name: string, timeout = 45_000) => s.page.locator(`[data-testid="device-status-${name}"][data-connection="online"]`).waitFor({ timeout });
  /** Picks an option of a segmented control by its position (labels change with the language). */
  const choose = (field: string, index: number) => input(field).locator('label').nth(index).click();
  const shownInstances = () => s.page.locator('[data-testid="instance-section"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-instance')));

  beforeAll(async () => {
    s = await openConsole({ width: 1280, height: 900 });
    j1 = s.lab.behindJump[0]!;
  });
  afterAll(async () => {
    await s?.close();
  });

  it('adds a device behind a jump host with two ptp4l instances; both instances report from the device', async () => {
    const jump = s.lab.jumpHost;
    await openAddDialog(s.page);
    await input('name').fill('j1-bc');
    await input('host').fill(j1.host);
    await input('user').fill(j1.user);
    await choose('authKind', 1); // private key
    await input('privateKey').fill(readFileSync(j1.privateKeyPath, 'utf8'));
    await input('hostKeySha256').fill(j1.hostKeySha256);
    // The jump host logs in as the device does (root by the same key), as OpenSSH's ProxyJump.
    await input('jump-enabled').check();
    await input('jump.host').fill(jump.host);
    await input('jump.user').fill(jump.user);
    await input('jump.hostKeySha256').fill(jump.hostKeySha256);
    // Instance 1 names its config (pmc -f) and follows its log file; instance 2 is a second pmc on the same ptp4l.
    await input('instances.0.name').fill('eth0');
    await input('instances.0.udsPath').fill(j1.udsPath);
    await input('instances.0.configPath').fill(j1.ptp4lConfig);
    await choose('instances.0.logKind', 1); // log file
    await input('instances.0.logPath').fill(j1.ptp4lLog);
    await input('instance-add').click();
    await input('instances.1.name').fill('eth0-b');
    await input('instances.1.udsPath').fill(j1.udsPath);
    await shot(s.page, 'device-form-jump-two-instances');
    await input('submit').click();

    await s.page.getByTestId('device-row-j1-bc').waitFor();
    await online('j1-bc');
    await expect(s.page.getByTestId('device-row-j1-bc').innerText()).resolves.toContain(`ssh root@${j1.host}:22`);
    // The saved device's page shows one section per instance, each with the port pmc read from ss-j1's ptp4l
    // (LISTENING: the private link behind the jump has no grandmaster).
    await waitFor('both instance sections', async () => JSON.stringify(await shownInstances()) === '["eth0","eth0-b"]');
    for (const instance of ['eth0', 'eth0-b']) {
      await s.page.locator(`[data-testid="instance-section"][data-instance="${instance}"] ${PORT_READ}`).waitFor({ timeout: 45_000 });
    }

    // Reopened, the form reads the stored profile back: jump host, instances, log source.
    await s.page.getByTestId('device-edit-j1-bc').click();
    await expect(input('jump-enabled').isChecked()).resolves.toBe(true);
    await expect(input('jump.host').inputValue()).resolves.toBe(jump.host);
    await expect(input('jump.hostKeySha256').inputValue()).resolves.toBe(jump.hostKeySha256);
    await expect(input('instances.0.configPath').inputValue()).resolves.toBe(j1.ptp4lConfig);
    await expect(input('instances.0.logPath').inputValue()).resolves.toBe(j1.ptp4lLog);
    await expect(input('instances.1.name').inputValue()).resolves.toBe('eth0-b');
    await expect(input('privateKey').getAttribute('placeholder')).resolves.toBe('Leave empty to keep the stored secret');
  });

  it('edits the instances of that device, and its page follows the new list', async () => {
    // The dialog is still open on j1-bc: drop the second instance, rename the first.
    await input('instance-1-remove').click();
    await expect(input('instances.1.name').count()).resolves.toBe(0);
    await input('instances.0.name').fill('ptp4l-j1');
    await input('submit').click();
    await form().waitFor({ state: 'detached' });
    // The page follows the stored profile once the engine has re-synced the device, which reconnects it
    // through the jump host: on a loaded 2-core machine that took over 20 s.
    await waitFor('the renamed single instance', async () => JSON.stringify(await shownInstances()) === '["ptp4l-j1"]', 60_000);
    await s.page.locator(`[data-testid="instance-section"][data-instance="ptp4l-j1"] ${PORT_READ}`).waitFor({ timeout: 45_000 });
    await expect(s.page.getByTestId('device-status-j1-bc').getAttribute('data-connection')).resolves.toBe('online');
  });

  it('refuses a duplicated instance name and a relative UDS path on their own inputs', async () => {
    await s.page.getByTestId('device-edit-j1-bc').click();
    await input('instance-add').click();
    await input('instances.1.name').fill('ptp4l-j1');
    await input('instances.1.udsPath').fill('run/ptp4l');
    await input('submit').click();
    const second = s.page.getByTestId('device-form-instance-1');
    await second.getByText('This instance name is used twice: give each instance its own name.').waitFor();
    await second.getByText('The UDS path must be an absolute path of letters, digits, . _ / - (for example /var/run/ptp4l).').waitFor();
    await form().getByRole('button', { name: 'Cancel' }).click();
    await form().waitFor({ state: 'detached' });
    await expect(shownInstances()).resolves.toEqual(['ptp4l-j1']);
  });

  it('adds a device that takes passwords only by keyboard-interactive, with the jump host’s own login', async () => {
    const jump = s.lab.jumpHost;
    await openAddDialog(s.page);
    await input('name').fill('j1-kbd');
    await input('host').fill(j1.host);
    await input('user').fill(j1.passwordUser);
    await choose('authKind', 2); // keyboard-interactive
    await form().getByText('The password answers the server’s keyboard-interactive prompt').waitFor();
    await input('password').fill(j1.password);
    await input('hostKeySha256').fill(j1.hostKeySha256);
    await input('instances.0.udsPath').fill(j1.udsPath);
    await input('jump-enabled').check();
    await input('jump.host').fill(jump.host);
    await input('jump.user').fill(jump.passwordUser);
    await choose('jump-authMode', 1); // its own login
    await input('jump.password').fill(j1.password); // the lab user has one password on every namespace
    await input('jump.hostKeySha256').fill(jump.hostKeySha256);
    await input('submit').click();
    await s.page.getByTestId('device-row-j1-kbd').waitFor();
    await online('j1-kbd');
    await expect(s.page.getByTestId('device-row-j1-kbd').innerText()).resolves.toContain(`ssh ${j1.passwordUser}@${j1.host}:22`);
  });

  it('asks for the jump host’s own secret again when that jump host is changed', async () => {
    await s.page.getByTestId('device-edit-j1-kbd').click();
    await expect(input('jump.password').getAttribute('placeholder')).resolves.toBe('Leave empty to keep the stored secret');
    await input('jump.sshPort').fill('2222');
    await input('submit').click();
    await form().getByText('Enter the jump host’s secret again: saving a changed jump host replaces its login.').waitFor();
    await expect(input('jump.password').evaluate((el) => el === el.ownerDocument.activeElement)).resolves.toBe(true);
    await form().getByRole('button', { name: 'Cancel' }).click();
    await form().waitFor({ state: 'detached' });
  });

  it('checks the serial form: port path, baud rates and line settings', async () => {
    await openAddDialog(s.page);
    await choose('transport', 1); // serial
    await input('name').fill('console-1');
    await expect(input('host').count()).resolves.toBe(0);
    await input('submit').click();
    await form().getByText('Give the serial port, such as /dev/ttyUSB0 (Linux/macOS) or COM3 (Windows).').waitFor();
    await expect(input('serial.path').evaluate((el) => el === el.ownerDocument.activeElement)).resolves.toBe(true);
    // The engine's port list (the one `syncscope serial ports` prints on the same machine) is offered as suggestions.
    const { stdout } = await run(process.execPath, [CLI, 'serial', 'ports', '--json']);
    const listed = (JSON.parse(stdout) as { ports: { path: string }[] }).ports.map((p) => p.path);
    if (listed.length === 0) {
      await form().getByText('No serial ports found on the machine running the engine; type the path.').waitFor();
    } else {
      await input('serial.path').click();
      await waitFor('the listed ports as suggestions', async () => JSON.stringify(await s.page.getByTestId('device-form-serial-port-option').allInnerTexts()).includes(listed[0]!));
      await expect(s.page.getByTestId('device-form-serial-port-option').count()).resolves.toBe(listed.length);
    }
    await input('serial.path').fill('/dev/ttyUSB0; reboot');
    await input('submit').click();
    await form().getByText('The serial port must be an absolute device path (/dev/ttyUSB0) or a Windows COM port (COM3).').waitFor();

    // The baud rate is a choice among the schema's rates; the line settings fold shows 8N1 until opened.
    await input('serial.baudRate').click();
    const rates = await s.page.getByRole('option').allInnerTexts();
    expect(rates).toEqual(['1200', '2400', '4800', '9600', '19200', '38400', '57600', '115200', '230400', '460800', '921600']);
    await s.page.getByRole('option', { name: '9600', exact: true }).click();
    await expect(input('serial-line').innerText()).resolves.toBe('Line settings: 8N1, flow control none');
    await input('serial-line').click();
    await input('serial.parity').click();
    await s.page.getByRole('option', { name: 'even' }).click();
    await expect(input('serial-line').innerText()).resolves.toBe('Line settings: 8E1, flow control none');
    await shot(s.page, 'device-form-serial');
    await form().getByRole('button', { name: 'Cancel' }).click();
    await form().waitFor({ state: 'detached' });
    await expect(s.page.getByTestId('device-row-console-1').count()).resolves.toBe(0);
  });

  it('adds ss-c1 through its serial console with a console login, and it comes online', async (ctx) => {
    if (skipUnlessAvailable('the serial console browser test', serialLabMissing()) !== null) ctx.skip();
    await openAddDialog(s.page);
    await choose('transport', 1);
    await input('name').fill('ss-c1');
    await input('serial.path').fill(join(SERIAL_DEVICE_DIR, 'console'));
    await input('serial.user').fill(j1.passwordUser);
    await input('serial.password').fill(j1.password);
    await input('instances.0.udsPath').fill(join(SERIAL_DEVICE_DIR, 'ptp4l'));
    await input('submit').click();
    await s.page.getByTestId('device-row-ss-c1').waitFor();
    // The console is one shared login(1), respawned like a getty after each logout: it may take a retry.
    await online('ss-c1', 90_000);
    await expect(s.page.getByTestId('device-row-ss-c1').innerText()).resolves.toContain(`serial ${join(SERIAL_DEVICE_DIR, 'console')} @ 115200`);
    // Removed again at once: the console is one port, and other suites log in on it too.
    await s.page.getByTestId('device-remove-ss-c1').click();
    await s.page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await s.page.getByTestId('device-row-ss-c1').waitFor({ state: 'detached' });
  });

  it('speaks Chinese in the new sections', async () => {
    await switchLanguage(s.page, 'zh-CN');
    await openAddDialog(s.page);
    await expect(input('transport').innerText()).resolves.toMatch(/SSH\s*串口\s*本机/);
    await expect(input('authKind').innerText()).resolves.toMatch(/密码\s*私钥\s*键盘交互\s*SSH 代理/);
    await choose('authKind', 3);
    await expect(input('agentNote').innerText()).resolves.toContain('SSH_AUTH_SOCK');
    await input('jump-enabled').check();
    const text = await form().innerText();
    for (const label of ['通过跳板机连接（ProxyJump）', '跳板机上的用户', '与设备的登录方式相同', 'ptp4l 实例', '实例名称', '日志来源', '添加实例']) expect(text).toContain(label);
    await choose('transport', 1);
    const serialText = await form().innerText();
    for (const label of ['波特率', '控制台登录用户（可选）', '线路参数：8N1，流控 无']) expect(serialText).toContain(label);
    for (const english of ['Instance name', 'Baud rate', 'Jump host', 'Log source', 'Add instance']) expect(serialText + text).not.toContain(english);
    await input('submit').click();
    await form().getByText('请填写串口，例如 /dev/ttyUSB0（Linux/macOS）或 COM3（Windows）。').waitFor();
    expect(await form().innerText()).toMatch(HAN);
    await shot(s.page, 'device-form-zh-serial');
  });

  it('logs no errors in the page', () => {
    expect(s.consoleErrors).toEqual([]);
  });
});
