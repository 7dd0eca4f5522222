import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/engine-server';
import { labDevice, type LabDevice } from '../lab/lab';
import { HAN, addSshDevice, browserSuiteSkip, labKeyLogin, openConsole, shot, switchLanguage, type ConsoleSession } from './console-session';

const skip = browserSuiteSkip();
/** Our own profile of the shared ss-s2: disconnecting it closes only this engine's connection. */
const NAME = 'ss-s2-flash';

/** TCP connections the engine process holds to the device's sshd (`ss`, as root sees every process's sockets). */
function sshConnections(pid: number, d: LabDevice): number {
  const out = execFileSync('ss', ['-Htnp', 'state', 'established', 'dst', `${d.host}:${d.sshPort}`], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l.includes(`pid=${pid},`)).length;
}

const gauge = (text: string, metric: string) => Number(new RegExp(`^${metric}\\{device="${NAME}"[^}]*\\} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);

describe.skipIf(skip !== null)('Disconnect and Connect in real Chromium', () => {
  let s: ConsoleSession;
  let device: LabDevice;
  const state = (connection: string, where = NAME) => s.page.locator(`[data-testid="device-status-${where}"][data-connection="${connection}"]`);
  const metrics = async () => (await fetch(s.server.metricsUrl!)).text();

  beforeAll(async () => {
    s = await openConsole({ width: 1280, height: 820 });
    device = labDevice(s.lab, 'ss-s2');
  });
  afterAll(async () => {
    await s?.close();
  });

  it('closes the SSH connection from the row, says disconnected everywhere, and connects again from the page with fresh samples', async () => {
    const pid = s.server.proc.pid!;
    await addSshDevice(s.page, { ...labKeyLogin(device, NAME), pollIntervalMs: 500 });
    await state('online').waitFor({ timeout: 30_000 });
    expect(sshConnections(pid, device)).toBe(1);

    await s.page.getByTestId(`device-disconnect-${NAME}`).click();
    await state('disconnected').waitFor();
    await state('disconnected', `page-${NAME}`).waitFor();
    await waitFor('the SSH connection closed', () => sshConnections(pid, device) === 0);
    // Not an outage: no error, no retry countdown, and /metrics tells the gap from one.
    await expect(s.page.getByTestId(`device-error-${NAME}`).getAttribute('data-code')).resolves.toBeNull();
    const m = await metrics();
    expect([gauge(m, 'syncscope_device_up'), gauge(m, 'syncscope_device_disconnected')]).toEqual([0, 1]);
    // It stays disconnected: nothing polls it or reconnects.
    await new Promise((r) => setTimeout(r, 1500));
    expect(sshConnections(pid, device)).toBe(0);
    await shot(s.page, 'device-disconnected');

    await switchLanguage(s.page, 'zh-CN');
    await expect(s.page.getByTestId(`device-status-${NAME}`).innerText()).resolves.toBe('已断开');
    const connect = s.page.getByTestId(`device-connect-page-${NAME}`);
    await expect(connect.innerText()).resolves.toMatch(HAN);
    await shot(s.page, 'device-disconnected-zh');

    const connectedAtS = Date.now() / 1000;
    await connect.click();
    await state('online').waitFor({ timeout: 30_000 });
    expect(sshConnections(pid, device)).toBe(1);
    await waitFor('a fresh sample on /metrics', async () => gauge(await metrics(), 'syncscope_ptp_last_sample_timestamp_seconds') > connectedAtS);
    expect(gauge(await metrics(), 'syncscope_device_disconnected')).toBe(0);
    await expect(s.page.getByTestId(`device-disconnect-page-${NAME}`).innerText()).resolves.toBe('断开');
    await switchLanguage(s.page, 'en');
    expect(s.consoleErrors).toEqual([]);
  }, 120_000);
});
