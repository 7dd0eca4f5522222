import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineClient } from '../../shared/contract/client';
import { socketTransport } from '../../shared/contract/socket-transport';
import type { DeviceView } from '../../shared/domain/device';
import { labDevice, labScenarioDevice, type LabDevice } from '../lab/lab';
import { waitFor } from '../support/engine-server';
import { HAN, OUT, browserSuiteSkip, openConsole, switchLanguage, type ConsoleSession } from './console-session';

const skip = browserSuiteSkip();

/** The part of a canvas the pixel check reads (this file is type-checked without the DOM library). */
interface Canvas2d {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } };
}

/**
 * The device page in real Chromium against the real engine and the lab's ss-s1 (ptp4l following
 * ss-gm, its log followed too): charts of real points, the grandmaster's data set, the state
 * timeline, the events, each collector's diagnostics and the doctor; and a device whose pmc socket
 * path is wrong says why it has no data on the PTP tab and in Diagnostics.
 */
describe.skipIf(skip !== null)('the device page in real Chromium, on lab devices', () => {
  let s: ConsoleSession;
  let engine: EngineClient;
  let socket: Socket;
  let s1: LabDevice;
  let gm: LabDevice;
  const page = () => s.page;
  const chart = (kind: string) => page().locator(`[data-testid="live-chart"][data-program="ptp4l"][data-kind="${kind}"]`);
  /** The whole page (the device page is longer than the window), from the top so the fixed header sits where it belongs. */
  const shot = async (name: string) => {
    await page().mouse.wheel(0, -100_000);
    await page().waitForFunction(() => (globalThis as unknown as { scrollY: number }).scrollY === 0);
    await page().screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  };
  const points = async (kind: string) => Number((await chart(kind).getAttribute('data-points')) ?? 0);

  /** Adds a lab device the way a script does (the contract the console uses), with its ptp4l log followed. */
  const addDevice = (name: string, device: LabDevice, udsPath: string): Promise<DeviceView> =>
    engine.call('devices.add', {
      transport: 'ssh',
      name,
      host: device.host,
      sshPort: device.sshPort,
      user: device.user,
      auth: { kind: 'privateKey', privateKey: readFileSync(device.privateKeyPath, 'utf8') },
      hostKeySha256: device.hostKeySha256,
      instances: [{ name: 'ptp4l', udsPath, log: { kind: 'file', path: device.ptp4lLog } }],
      pollIntervalMs: 500,
    });

  beforeAll(async () => {
    s = await openConsole({ width: 1280, height: 1000 });
    s1 = labDevice(s.lab, 'ss-s1');
    gm = labDevice(s.lab, 'ss-gm');
    socket = io(s.server.url, { transports: ['websocket'] });
    await new Promise<void>((ok, fail) => {
      socket.once('connect', () => ok());
      socket.once('connect_error', fail);
    });
    engine = new EngineClient(socketTransport(socket, s.server.url));
  });
  afterAll(async () => {
    engine?.close();
    socket?.close();
    await s?.close();
  });

  it('charts offset, path delay and frequency of ss-s1 from real readings, the frequency from its followed log', async () => {
    await addDevice('ss-s1', s1, s1.udsPath);
    await page().getByTestId('device-row-ss-s1').click();
    await page().locator('[data-testid="device-page"] [data-testid="instance-section"][data-instance="ptp4l"]').waitFor();
    await waitFor('offset and delay points', async () => (await points('offset')) >= 4 && (await points('delay')) >= 4, 30_000);
    // ptp4l logs a servo line every second or two: its `freq` becomes the frequency chart's first series.
    await waitFor('logged frequency points', async () => (await points('frequency')) >= 2, 30_000);
    await expect(chart('frequency').getAttribute('data-series')).resolves.toBe('ptp.freq ptp.rate_offset');
    await expect(chart('offset').getAttribute('data-series')).resolves.toContain('ptp.offset_from_master');
    // Points are drawn, not only counted: the plot has coloured pixels where the lines are.
    const inked = await chart('offset')
      .locator('canvas')
      .evaluate((el) => {
        const c = el as unknown as Canvas2d;
        const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        // The offset series is drawn in #1c7ed6.
        for (let i = 0; i < data.length; i += 4) if (data[i]! < 60 && data[i + 1]! > 100 && data[i + 1]! < 150 && data[i + 2]! > 190) n++;
        return n;
      });
    expect(inked).toBeGreaterThan(20);
    // Every chart of the instance shows the same time range (and so does the timeline under them).
    const ranges = await page().locator('[data-testid="live-chart"][data-program="ptp4l"]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-x-min')}-${e.getAttribute('data-x-max')}`));
    expect(ranges).toHaveLength(3);
    await shot('device-page-ptp');
  });

  it("shows ss-gm as the grandmaster (identity, class 6), ss-s1's own clock, version and port", async () => {
    const panel = page().getByTestId('gm-panel');
    await panel.locator(`[data-testid="gm-grandmasterIdentity"][data-value="${gm.clockIdentity}"]`).waitFor({ timeout: 20_000 });
    await expect(panel.getByTestId('gm-gmClockClass').getAttribute('data-value')).resolves.toBe('6');
    await expect(panel.getByTestId('gm-priority1').getAttribute('data-value')).resolves.toBe('1');
    await expect(panel.getByTestId('gm-clockIdentity').getAttribute('data-value')).resolves.toBe(s1.clockIdentity);
    await expect(panel.getByTestId('gm-stepsRemoved').getAttribute('data-value')).resolves.toBe('1');
    await expect(panel.getByTestId('gm-gmPresent').innerText()).resolves.toMatch(/yes/);
    await expect(panel.getByTestId('gm-parentPortIdentity').getAttribute('data-value')).resolves.toBe(`${gm.clockIdentity}-1`);
    await expect(page().getByTestId('gm-self').count()).resolves.toBe(0);
    const version = await page().getByTestId('instance-version').getAttribute('data-version');
    expect(version).toContain(s.lab.linuxptpVersion);
    // Software timestamps and free_running: the lab's slaves never lock, so their port stays UNCALIBRATED.
    const port = page().getByTestId('instance-port');
    await expect(port.getAttribute('data-interface')).resolves.toBe('eth0');
    await expect(port.getAttribute('data-port-state')).resolves.toBe('UNCALIBRATED');
  });

  it('draws the port state and the servo state as bands on the charts’ time axis', async () => {
    const timeline = page().getByTestId('state-timeline');
    await timeline.locator('[data-track="port:1"] [data-testid="timeline-band"][data-state="UNCALIBRATED"]').waitFor({ timeout: 20_000 });
    // The servo track comes from the logged servo state (s0: unlocked, as free_running leaves it).
    await timeline.locator('[data-track="servo"] [data-testid="timeline-band"][data-state="s0"]').waitFor({ timeout: 20_000 });
    // And the device's connection, online since it was added.
    await timeline.locator('[data-track="connection"] [data-testid="timeline-band"][data-state="online"]').waitFor({ timeout: 20_000 });
    const band = await timeline.locator('[data-track="port:1"] [data-testid="timeline-band"]').last().boundingBox();
    const plot = await chart('offset').locator('.u-over').boundingBox();
    // Same left edge and width as the plots above: the band ends at "now", the plots' right edge.
    expect(Math.abs(band!.x + band!.width - (plot!.x + plot!.width))).toBeLessThan(3);
    const [tMin, cMin] = await Promise.all([timeline.getAttribute('data-x-min'), chart('offset').getAttribute('data-x-min')]);
    expect(Math.abs(Number(tMin) - Number(cMin))).toBeLessThan(2);
  });

  it('lists the device’s events newest first, live, and filters them by kind', async () => {
    await page().getByTestId('device-tab-events').click();
    const rows = page().getByTestId('event-row');
    await page().locator('[data-testid="event-row"][data-kind="connection"][data-to="online"]').waitFor({ timeout: 20_000 });
    await page().locator('[data-testid="event-row"][data-kind="port-state"][data-to="UNCALIBRATED"]').waitFor({ timeout: 20_000 });
    const times = await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-t-ms'))));
    expect(times.length).toBeGreaterThanOrEqual(2);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // Pushed live: the page gets events without being reloaded (ptp4l's log lines keep coming, and the doctor below adds none).
    const before = times.length;
    await engine.call('devices.update', { id: (await engine.call('devices.list')).find((d) => d.name === 'ss-s1')!.id, patch: { pollIntervalMs: 400 } });
    await waitFor('a live event row (the restart of the collector after the edit)', async () => (await rows.count()) > before, 30_000);

    await page().getByTestId('events-filter').click();
    await page().getByRole('option', { name: 'Port state' }).click();
    await page().keyboard.press('Escape');
    await waitFor('only port-state rows', async () => {
      const k = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
      return k.length > 0 && k.every((x) => x === 'port-state');
    });
    await shot('device-page-events');
  });

  it('shows each collector’s last command, latency and raw output, and runs the doctor', async () => {
    await page().getByTestId('device-tab-diagnostics').click();
    const pmc = page().locator('[data-testid="diag-source"][data-source="pmc-stream"][data-instance="ptp4l"]');
    await pmc.waitFor({ timeout: 20_000 });
    await expect(pmc.getByTestId('diag-command').innerText()).resolves.toMatch(/pmc/);
    await waitFor('a latency', async () => /\d+(\.\d+)? ms/.test(await pmc.getByTestId('diag-latency').innerText()), 20_000);
    // Refreshed every 2 s: a healthy ptp4l's polls end without error (one missed answer on a busy machine may show for a moment).
    await waitFor('a poll without error', async () => (await pmc.getByTestId('diag-error').getAttribute('data-code')) === '', 20_000);
    await pmc.getByTestId('diag-raw-toggle').click();
    await expect(pmc.getByTestId('diag-raw').innerText()).resolves.toMatch(/RESPONSE MANAGEMENT|offsetFromMaster|portState/);
    const log = page().locator('[data-testid="diag-source"][data-source="log-follow"]');
    await log.waitFor();
    await expect(log.getByTestId('diag-command').innerText()).resolves.toContain(s1.ptp4lLog);

    await page().getByTestId('doctor-run').click();
    await page().locator('[data-testid="doctor"][data-state="done"]').waitFor({ timeout: 60_000 });
    const ptp4l = page().locator('[data-testid="doctor-finding"][data-check="ptp4l"]');
    await expect(ptp4l.getAttribute('data-status')).resolves.toBe('ok');
    await expect(ptp4l.getByTestId('doctor-message').innerText()).resolves.toMatch(/ptp4l instance\(s\) running/);
    const checks = await page().getByTestId('doctor-finding').evaluateAll((els) => els.map((e) => e.getAttribute('data-check')));
    expect(checks.length).toBeGreaterThanOrEqual(3);
    await shot('device-page-diagnostics');
  });

  it('says in 简体中文 on every tab what it says in English', async () => {
    await switchLanguage(page(), 'zh-CN');
    await page().getByTestId('doctor-run').click();
    await page().locator('[data-testid="doctor"][data-state="done"]').waitFor({ timeout: 60_000 });
    await expect(page().locator('[data-testid="doctor-finding"][data-check="ptp4l"]').getByTestId('doctor-message').innerText()).resolves.toMatch(/正在运行 \d+ 个 ptp4l 实例/);
    await expect(page().getByTestId('device-tab-diagnostics').innerText()).resolves.toBe('诊断');
    await shot('device-page-diagnostics-zh');
    await page().getByTestId('device-tab-events').click();
    await page().locator('[data-testid="event-row"]').first().waitFor();
    await expect(page().getByTestId('events-table').innerText()).resolves.toMatch(/端口状态/);
    await expect(page().getByTestId('events-table').innerText()).resolves.toMatch(/端口 1 · 接口 eth0/);
    await shot('device-page-events-zh');
    await page().getByTestId('device-tab-ptp').click();
    await page().locator('[data-testid="live-chart"][data-kind="offset"][data-points]').waitFor({ timeout: 20_000 });
    await expect(page().getByTestId('gm-panel').innerText()).resolves.toMatch(/主时钟标识/);
    await expect(page().getByTestId('state-timeline').innerText()).resolves.toMatch(HAN);
    await shot('device-page-ptp-zh');
    await switchLanguage(page(), 'en');
  });

  it('keeps the two ptp4l instances of a boundary clock apart: each its own charts, ports and grandmaster', async () => {
    const bc = labScenarioDevice(s.lab, 'ss-bc1');
    const [eth0, eth1] = bc.instances;
    await engine.call('devices.add', {
      transport: 'ssh',
      name: 'ss-bc1',
      host: bc.host,
      sshPort: bc.sshPort,
      user: bc.user,
      auth: { kind: 'privateKey', privateKey: readFileSync(bc.privateKeyPath, 'utf8') },
      hostKeySha256: bc.hostKeySha256,
      // Each with its config file: pmc reads the instance's domain from it (eth1 answers only in domain 2).
      instances: bc.instances.map((i) => ({ name: i.name, udsPath: i.udsPath, configPath: i.ptp4lConfig })),
      pollIntervalMs: 500,
    });
    await page().getByTestId('device-row-ss-bc1').click();
    const section = (name: string) => page().locator(`[data-testid="instance-section"][data-instance="${name}"]`);
    // eth0 follows ss-gm in domain 0; eth1 is alone in domain 2, so it is its own grandmaster.
    await section(eth0!.name).locator(`[data-testid="gm-grandmasterIdentity"][data-value="${gm.clockIdentity}"]`).waitFor({ timeout: 30_000 });
    await section(eth1!.name).locator(`[data-testid="gm-grandmasterIdentity"][data-value="${eth1!.clockIdentity}"]`).waitFor({ timeout: 30_000 });
    await section(eth1!.name).getByTestId('gm-self').waitFor();
    await expect(section(eth1!.name).getByTestId('gm-domain').getAttribute('data-value')).resolves.toBe(String(eth1!.domainNumber));
    await expect(section(eth0!.name).getByTestId('gm-domain').getAttribute('data-value')).resolves.toBe(String(eth0!.domainNumber));
    await section(eth1!.name).locator('[data-testid="timeline-band"][data-state="MASTER"]').waitFor({ timeout: 20_000 });
    await expect(section(eth1!.name).getByTestId('instance-port').getAttribute('data-interface')).resolves.toBe(eth1!.iface);
    await section(eth0!.name).locator('[data-testid="live-chart"][data-kind="offset"][data-points]').waitFor({ timeout: 30_000 });
    // A grandmaster measures no offset from a master: its charts stay empty and it says why.
    await expect(section(eth1!.name).locator('[data-testid="live-chart"][data-kind="offset"]').getAttribute('data-points')).resolves.toBeNull();
    await expect(section(eth1!.name).getByTestId('instance-is-gm').innerText()).resolves.toMatch(/grandmaster of its domain/);
    await shot('device-page-boundary-clock');
  });

  it('gives each clock phc2sys steers its own offset, delay and frequency charts, from the followed log', async () => {
    // A log the device follows (the lab has no PHC to steer): phc2sys lines in linuxptp's own format,
    // appended while the page is open, for the system clock (from the PHC) and for a second PHC.
    const dir = mkdtempSync(join(tmpdir(), 'syncscope-phc2sys-'));
    const log = join(dir, 'phc2sys.log');
    writeFileSync(log, '');
    let mono = 5000;
    const writer = setInterval(() => {
      mono += 0.25;
      const offset = Math.round(Math.sin(mono) * 40);
      appendFileSync(log, `phc2sys[${mono.toFixed(3)}]: CLOCK_REALTIME phc offset ${String(offset).padStart(9)} s2 freq ${String(-36526 + offset).padStart(7)} delay    559\n`);
      appendFileSync(log, `phc2sys[${mono.toFixed(3)}]: eth1 sys offset ${String(-offset).padStart(9)} s2 freq ${String(12 - offset).padStart(7)} delay    600\n`);
    }, 250);
    try {
      await engine.call('devices.add', {
        transport: 'ssh',
        name: 's1-phc2sys',
        host: s1.host,
        sshPort: s1.sshPort,
        user: s1.user,
        auth: { kind: 'privateKey', privateKey: readFileSync(s1.privateKeyPath, 'utf8') },
        hostKeySha256: s1.hostKeySha256,
        instances: [{ name: 'ptp4l', udsPath: s1.udsPath, log: { kind: 'file', path: log } }],
        pollIntervalMs: 1000,
      });
      await page().getByTestId('device-row-s1-phc2sys').click();
      const clockChart = (clock: string, kind: string) => page().locator(`[data-testid="live-chart"][data-chart-id="ptp4l/phc2sys:${clock}/${kind}"]`);
      for (const clock of ['CLOCK_REALTIME', 'eth1']) {
        for (const kind of ['offset', 'delay', 'frequency']) {
          await waitFor(`points of ${clock}'s ${kind}`, async () => Number((await clockChart(clock, kind).getAttribute('data-points')) ?? 0) >= 3, 30_000);
        }
      }
      await expect(clockChart('CLOCK_REALTIME', 'offset').getAttribute('data-series')).resolves.toBe('phc2sys.offset');
      await expect(page().locator('[data-testid="instance-section"][data-instance="ptp4l"]').innerText()).resolves.toMatch(/phc2sys · CLOCK_REALTIME: Offset from its source/);
      // The ptp4l charts of the same instance are still there, fed by pmc.
      await page().locator('[data-testid="live-chart"][data-program="ptp4l"][data-kind="offset"][data-points]').waitFor({ timeout: 20_000 });
      await shot('device-page-phc2sys');
    } finally {
      clearInterval(writer);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says why a device with a wrong pmc socket path has no data, on the PTP tab and in Diagnostics', async () => {
    await addDevice('s1-wrong-uds', s1, '/var/run/no-ptp4l-here');
    await page().getByTestId('device-row-s1-wrong-uds').click();
    await page().locator('[data-testid="device-status-s1-wrong-uds"][data-connection="no-data"]').waitFor({ timeout: 30_000 });
    const notice = page().getByTestId('ptp-no-data');
    await notice.waitFor();
    const code = await notice.getAttribute('data-code');
    expect(code).toBeTruthy();
    await expect(notice.getByTestId('ptp-no-data-reason').innerText()).resolves.toMatch(/no-ptp4l-here/);
    await page().locator('[data-testid="live-chart-empty"][data-connection="no-data"]').waitFor();
    await page().locator('[data-track="connection"] [data-testid="timeline-band"][data-state="no-data"]').waitFor({ timeout: 20_000 });
    await shot('device-page-no-data');

    await notice.getByTestId('ptp-open-diagnostics').click();
    const pmc = page().locator('[data-testid="diag-source"][data-instance="ptp4l"]').first();
    await pmc.waitFor({ timeout: 20_000 });
    await waitFor('the pmc source to carry the device’s error', async () => (await pmc.getByTestId('diag-error').getAttribute('data-code')) === code, 20_000);
    await expect(pmc.getByTestId('diag-error').innerText()).resolves.toMatch(/no-ptp4l-here/);
    await expect(pmc.getByTestId('diag-command').innerText()).resolves.toMatch(/pmc|no-ptp4l-here/);
    expect(s.consoleErrors).toEqual([]);
  });
});
