import { execFile } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { SyncscopeError } from '../../shared/domain/errors';
import { CLIENT_SOCKET_PREFIX } from '../../shared/ptp/pmc-command';
import { SerialTransport } from '../../electron/core/transport/serial-transport';
import { startTestServer, waitFor, type TestServer } from '../support/engine-server';
import { skipUnlessAvailable } from '../support/skip';
import { labDevice, labSkipReason, labUp, type LabInfo } from './lab';
import { holdLabDevice, rejection } from './lab-helpers';

/**
 * ss-c1, a device reached only through its serial console (test/lab/serial-console.sh): a socat pty
 * whose other end is login(1) in the device's namespace, where a real ptp4l runs and no sshd does.
 * Noise is written to the device side of the console, where its kernel would print.
 */
const run = promisify(execFile);
const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'serial-console.sh');
const CLI = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/syncscope.cjs');
const CONSOLE = '/run/syncscope-lab/ss-c1/console';
const UDS = '/run/syncscope-lab/ss-c1/ptp4l';
const LINE = { path: CONSOLE, baudRate: 115200, dataBits: 8, parity: 'none', stopBits: 1, flowControl: 'none' } as const;

const skip = skipUnlessAvailable('serial console lab tests', labSkipReason());
const consoleScript = async (...args: string[]) => (await run('bash', [SCRIPT, ...args])).stdout.trim();

/** Writes `chunks` one after another to the device's side of the console until stopped. */
function noiseOnDevice(tty: string, chunks: Buffer[]): { stop(): number } {
  const fd = openSync(tty, 'w');
  let n = 0;
  const timer = setInterval(() => writeSync(fd, chunks[n++ % chunks.length]!), 3);
  return {
    stop: () => {
      clearInterval(timer);
      closeSync(fd);
      return n;
    },
  };
}

const socatPid = () => (existsSync('/run/syncscope-lab/ss-c1/socat.pid') ? readFileSync('/run/syncscope-lab/ss-c1/socat.pid', 'utf8').trim() : '');

/** After Syncscope logged out, login(1) ends and the console is respawned (a new pty): wait for it. */
async function consoleRespawned(before: string): Promise<void> {
  await waitFor('the console respawned after the logout', () => socatPid() !== before && existsSync(CONSOLE), 10_000);
}

describe.skipIf(skip !== null)('a device reached only through its serial console (ss-c1)', () => {
  let lab: LabInfo;
  let password: string;
  let user: string;

  beforeAll(async () => {
    lab = await labUp();
    await consoleScript('up');
    const d = labDevice(lab, 'ss-s1');
    user = d.passwordUser;
    password = d.password;
  }, 120_000);

  it('logs in with the password and returns pmc output and exit codes exactly while kernel noise hits the console', async () => {
    const t = new SerialTransport({ serial: LINE, user, password });
    const before = socatPid();
    try {
      await t.connect();
      const noise = noiseOnDevice(await consoleScript('device-tty'), [
        Buffer.from('[ 4711.000001] eth0: Link is Down\r\n'),
        Buffer.from('\x1b[1;31m[ 4711.250000] e1000e 0000:00:19.0 eth0: NIC Link is Up 1000 Mbps Full Duplex\x1b[0m\r\n'),
        Buffer.from([0xff, 0xfe, 0x00, 0x07]),
      ]);
      try {
        for (let i = 0; i < 5; i++) {
          const r = await t.exec(['pmc', '-u', '-b', '0', '-s', UDS, '-i', `${CLIENT_SOCKET_PREFIX}00000000000${i}`, 'GET CURRENT_DATA_SET']);
          expect(r.exitCode).toBe(0);
          expect(r.stdout).toMatch(/^sending: GET CURRENT_DATA_SET\n\t025353\.fffe\.00000e-0 seq 0 RESPONSE MANAGEMENT CURRENT_DATA_SET \n\t\tstepsRemoved +\d+\n\t\toffsetFromMaster +-?\d+\.\d\n\t\tmeanPathDelay +-?\d+\.\d\n$/);
          const code = await t.exec(['sh', '-c', `printf 'a\\tb\\n'; echo oops >&2; exit ${10 + i}`]);
          expect(code).toMatchObject({ stdout: 'a\tb\n', stderr: 'oops\n', exitCode: 10 + i });
        }
      } finally {
        expect(noise.stop()).toBeGreaterThan(20);
      }
      const log = t.consoleLog.lines();
      expect(log.some((l) => l.kind === 'kernel' && l.text.includes('eth0: Link is Down'))).toBe(true);
      expect(JSON.stringify(log)).not.toContain(password);
      expect((await t.exec(['id', '-un'])).stdout).toBe(`${user}\n`);
    } finally {
      t.close();
    }
    // close() logged out: the login session ended (so the console was respawned) and the port is free.
    await consoleRespawned(before);
  }, 60_000);

  it('says clearly when the console refuses the password', async () => {
    const t = new SerialTransport({ serial: LINE, user, password: `${password}-wrong` });
    const err = (await rejection(t.connect())) as SyncscopeError;
    t.close();
    expect(err).toBeInstanceOf(SyncscopeError);
    expect(err.value).toMatchObject({ code: 'serial-auth', messageId: 'serial.login-refused', params: { path: CONSOLE, user } });
    expect(err.value.hint).toMatch(/password/);
  }, 30_000);

  describe('in the engine', () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer();
    });
    afterAll(async () => {
      await t?.close();
      // Leave the console in place for the next suite, whatever happened here.
      await consoleScript('up');
    });

    const statusOf = async (id: string) => (await t.client.call('devices.status')).find((s) => s.deviceId === id);

    it('collects real PTP series from ss-c1, loses it when the console is unplugged and gets it back by itself', async () => {
      const dev = await t.client.call('devices.add', { transport: 'serial', name: 'ss-c1', serial: LINE, user, password, udsPath: UDS, pollIntervalMs: 500 });
      // One port, one collector: the next test's device must not find this one holding the console.
      onTestFinished(() => t.client.call('devices.remove', { id: dev.id }).then(() => undefined, () => undefined));
      expect(dev).toMatchObject({ transport: 'serial', host: null, user, serial: LINE });
      const offsetKey = { deviceId: dev.id, instance: 'ptp4l', metric: 'ptp.mean_path_delay' as const, labels: {} };
      const delays = (fromMs: number) => (t.server.engine.series.queryRange({ keys: [offsetKey], fromUs: fromMs * 1000, toUs: Date.now() * 1000 })[0]?.value ?? []).filter((v) => v !== null && v > 0);
      await waitFor('5 real path delays from ss-c1', () => delays(0).length >= 5, 40_000);
      // free_running: the servo never steers, so the port may stay UNCALIBRATED while it measures.
      expect(['UNCALIBRATED', 'SLAVE']).toContain((await statusOf(dev.id))?.portState);
      expect((await statusOf(dev.id))?.connection).toBe('online');

      // Garbage on the line between and during polls: nothing crashes, the device stays online and measuring.
      const garbage = noiseOnDevice(await consoleScript('device-tty'), [Buffer.from([0x00, 0xff, 0x1b, 0x5b, 0x32, 0x4a]), Buffer.from('\r\n]]]###$$$\r\n'), Buffer.from('[   12.000000] random: crng init done\r\n')]);
      const duringGarbage = Date.now();
      await waitFor('3 more path delays while garbage hits the line', () => delays(duringGarbage).length >= 3, 20_000);
      garbage.stop();
      expect((await statusOf(dev.id))?.connection).toBe('online');

      const log = await t.client.call('serial.consoleLog', { deviceId: dev.id, limit: 2000 });
      expect(log.some((l) => l.kind === 'kernel' && l.text.includes('crng init done'))).toBe(true);
      expect(JSON.stringify(log)).not.toContain(password);

      // Held while unplugged: a `lab.sh up` of another suite meanwhile leaves the console unplugged.
      const release = await holdLabDevice('/run/syncscope-lab', 'ss-c1');
      onTestFinished(release);
      await consoleScript('unplug');
      const offline = await waitFor('the device to go offline', async () => {
        const st = await statusOf(dev.id);
        return st?.connection === 'offline' ? st : null;
      });
      expect(offline.lastError?.messageId).toMatch(/^serial\.(dropped|port-missing)$/);
      await consoleScript('up');
      await release();
      const back = Date.now();
      await waitFor('the device back online by itself', async () => (await statusOf(dev.id))?.connection === 'online', 40_000);
      await waitFor('path delays again', () => delays(back).length >= 2, 20_000);
      const events = await t.client.call('events.query', { deviceId: dev.id });
      expect(events.filter((e) => e.kind === 'connection').map((e) => e.to)).toEqual(expect.arrayContaining(['online', 'offline']));
      const ports = await t.client.call('serial.ports');
      expect(Array.isArray(ports.ports)).toBe(true);
    }, 150_000);

    it('takes `device add --serial` from the CLI', async () => {
      const { stdout } = await run('node', [CLI, 'device', 'add', '--name', 'cli-c1', '--serial', CONSOLE, '--baud', '115200', '--user', user, '--password-env', 'C1_PW', '--uds', UDS, '--server', t.server.url], { env: { ...process.env, C1_PW: password } });
      expect(stdout).toContain(`Added cli-c1 (${CONSOLE} @ 115200)`);
      const dev = (await t.client.call('devices.list')).find((d) => d.name === 'cli-c1');
      expect(dev).toMatchObject({ transport: 'serial', user, serial: LINE });
      await waitFor('the CLI-added device online', async () => (await statusOf(dev!.id))?.connection === 'online', 40_000);
      await t.client.call('devices.remove', { id: dev!.id });
    }, 60_000);
  });
});
