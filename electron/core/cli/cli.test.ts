import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCliServer, type CliServer } from '../../../test/support/cli-server';
import { listeningAddresses, runCli, runCliOnTerminal } from '../../../test/support/processes';
import { LOCK_FILE } from '../store/data-dir-lock';
import { openStore } from '../store/open-store';
import { EXIT_STATUSES } from './exit-codes';

/** Whether a TCP connection to host:port is accepted. */
const accepts = (host: string, port: number) =>
  new Promise<boolean>((ok) => {
    const s = connect({ host, port }, () => {
      s.destroy();
      ok(true);
    });
    s.once('error', () => ok(false));
  });

// These run the built CLI (out/main/cli.js, via bin/syncscope.cjs): `npm run build` first.
describe('the syncscope command, run as a user would', () => {
  let dir: string;
  const servers: CliServer[] = [];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-cli-'));
  });
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.stop();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const data = (name: string) => join(dir, name);

  it('serves on 127.0.0.1 only when no --host is given', async () => {
    const s = await startCliServer(['--port', '0', '--metrics-port', 'off', '--data', data('default-host')]);
    servers.push(s);
    const port = Number(new URL(s.url).port);
    expect(listeningAddresses().filter((a) => a.endsWith(`:${port}`))).toEqual([`127.0.0.1:${port}`]);
    expect(await accepts('127.0.0.1', port)).toBe(true);
    const outside = Object.values(networkInterfaces()).flat().find((a) => a && !a.internal && a.family === 'IPv4');
    if (outside) expect(await accepts(outside.address, port)).toBe(false);
  });

  it('starts with --metrics-port off, as README and --help say', async () => {
    const s = await startCliServer(['--port', '0', '--metrics-port', 'off', '--data', data('metrics-off')]);
    servers.push(s);
    expect(s.metricsUrl).toBeNull();
    expect(s.output()).toContain('Prometheus metrics are off');
  });

  it('stops cleanly on SIGTERM, releasing the data folder', async () => {
    const s = await startCliServer(['--port', '0', '--metrics-port', 'off', '--data', data('stop')]);
    expect(existsSync(join(data('stop'), LOCK_FILE))).toBe(true);
    const exited = new Promise<number | null>((ok) => s.proc.once('exit', (code) => ok(code)));
    s.proc.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(join(data('stop'), LOCK_FILE))).toBe(false);
  });

  it('says plainly when the port is taken (exit 6), and when the data folder is (exit 5)', async () => {
    const first = await startCliServer(['--port', '0', '--metrics-port', 'off', '--data', data('busy')]);
    servers.push(first);
    const port = new URL(first.url).port;
    const taken = await runCli(['serve', '--port', port, '--metrics-port', 'off', '--data', data('other')]);
    expect(taken.status).toBe(6);
    expect(taken.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    expect(taken.stderr).not.toMatch(/bug/i);
    const locked = await runCli(['serve', '--port', '0', '--metrics-port', 'off', '--data', data('busy')]);
    expect(locked.status).toBe(5);
    expect(locked.stderr).toMatch(new RegExp(`in use by syncscope serve \\(pid ${first.proc.pid} on `));
    expect(locked.stderr).not.toMatch(/bug/i);
  });

  it('says plainly when --host is not an address of this machine (exit 7)', async () => {
    const r = await runCli(['serve', '--host', '192.0.2.77', '--port', '0', '--metrics-port', 'off', '--data', data('bad-host')]);
    expect(r.status).toBe(7);
    expect(r.stderr).toContain('This machine has no address 192.0.2.77');
    expect(r.stderr).not.toMatch(/bug/i);
  });

  it('says plainly when a device name is unknown (exit 3) or a flag is malformed (exit 2)', async () => {
    const r = await runCli(['device', 'remove', 'no-such-gm', '--data', data('devices')]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('There is no device named "no-such-gm"');
    expect(r.stderr).not.toMatch(/bug/i);
    const bad = await runCli(['serve', '--port', '80x', '--data', data('devices')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--port: "80x" is not a whole number from 0 to 65535');
  });

  it('documents its exit statuses in --help', async () => {
    const r = await runCli(['serve', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Exit status:[\s\S]*5 {2}the data folder is in use by another engine[\s\S]*6 {2}the port is already in use/);
    expect(r.stdout).toContain('--allow-host');
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    for (const e of EXIT_STATUSES) expect(readme).toContain(`| ${e.status} | ${e.meaning} |`);
  });

  it('logs one readable line per event on a terminal, and JSON through a pipe', async () => {
    // With no built UI at this path, serve warns once at start: a log line to look at.
    const env = { SYNCSCOPE_RENDERER_DIR: data('no-ui'), SYNCSCOPE_LOG_LEVEL: 'info' };
    const args = ['serve', '--port', '0', '--metrics-port', 'off', '--data', data('log-tty')];
    const tty = await runCliOnTerminal(args, env, 3);
    if (tty) {
      const warn = tty.stdout.split(/\r?\n/).filter((l) => l.includes('The UI is not built'));
      expect(warn).toHaveLength(1);
      expect(warn[0]).toMatch(/^\d\d:\d\d:\d\d WARN {2}The UI is not built/);
    }
    const s = await startCliServer(['--port', '0', '--metrics-port', 'off', '--data', data('log-pipe')], 30_000, env);
    servers.push(s);
    const line = s.output().split('\n').find((l) => l.includes('The UI is not built'));
    expect(JSON.parse(line ?? '')).toMatchObject({ level: 40, msg: expect.stringContaining('The UI is not built') });
  });

  it('adds a device with several ptp4l instances, a jump host and agent login, and lists them', async () => {
    const dir = data('profiles-v2');
    const add = await runCli(['device', 'add', '--data', dir, '--name', 'bc-1', '--host', '192.0.2.20', '--user', 'root', '--auth', 'agent', '--jump', 'ops@bastion.lab:2222', '--instance', 'eth0:/run/ptp4l-eth0:/etc/linuxptp/eth0.conf', '--instance', 'eth1:/run/ptp4l-eth1']);
    expect(add.stderr).toBe('');
    expect(add.stdout).toMatch(/^Added bc-1 \(root@192\.0\.2\.20:22 via ops@bastion\.lab:2222\)/);
    const kbd = await runCli(['device', 'add', '--data', dir, '--name', 'kbd-1', '--host', '192.0.2.21', '--user', 'root', '--keyboard-interactive', '--password-env', 'KBD_PW'], { KBD_PW: 'kbd-pass-1' });
    expect(kbd.status).toBe(0);
    const list = await runCli(['device', 'list', '--data', dir]);
    expect(list.stdout).toMatch(/^bc-1 +root@192\.0\.2\.20:22 via ops@bastion\.lab:2222 +eth0=\/run\/ptp4l-eth0 eth1=\/run\/ptp4l-eth1 +1000 ms$/m);
    const json = JSON.parse((await runCli(['device', 'list', '--data', dir, '--json'])).stdout) as { name: string; authKind: string; jump: unknown; instances: unknown[] }[];
    expect(json.find((d) => d.name === 'bc-1')).toMatchObject({ authKind: 'agent', jump: { host: 'bastion.lab', sshPort: 2222, user: 'ops', authKind: null }, instances: [{ name: 'eth0', configPath: '/etc/linuxptp/eth0.conf' }, { name: 'eth1' }] });
    expect(json.find((d) => d.name === 'kbd-1')).toMatchObject({ authKind: 'keyboardInteractive' });
    expect(JSON.stringify(json)).not.toContain('kbd-pass-1');
    const bad = await runCli(['device', 'add', '--data', dir, '--name', 'bad', '--host', 'h', '--user', 'root', '--auth', 'agent', '--instance', "eth0:/run/x';reboot'"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--instance \(instances\.0\.udsPath\): UDS path must be an absolute path/);
  });

  it('prints a device\'s events as a table, since a time, or as JSON', async () => {
    const dir = data('events');
    const seed = openStore(dir);
    const dev = seed.devices.add({ transport: 'local', name: 'gm-ev', pollIntervalMs: 1000 });
    seed.series.appendEvents([
      { deviceId: dev.id, instance: null, kind: 'connection', from: null, to: 'online', detail: {}, tMs: Date.parse('2026-05-01T12:00:00Z') },
      { deviceId: dev.id, instance: 'ptp4l', kind: 'port-state', from: 'UNCALIBRATED', to: 'SLAVE', detail: { port: 1, event: 'MASTER_CLOCK_SELECTED' }, tMs: Date.parse('2026-05-01T12:00:05Z') },
    ]);
    seed.close();
    const table = await runCli(['events', '--device', 'gm-ev', '--data', dir]);
    expect(table.status).toBe(0);
    expect(table.stdout.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^TIME +INSTANCE +KIND +CHANGE +DETAIL$/),
      expect.stringMatching(/^2026-05-01T12:00:00\.000Z +- +connection +- → online$/),
      expect.stringMatching(/^2026-05-01T12:00:05\.000Z +ptp4l +port-state +UNCALIBRATED → SLAVE +port=1 event=MASTER_CLOCK_SELECTED$/),
    ]);
    const since = JSON.parse((await runCli(['events', '--device', 'GM-EV', '--data', dir, '--since', '2026-05-01T12:00:01Z', '--json'])).stdout) as { kind: string }[];
    expect(since.map((e) => e.kind)).toEqual(['port-state']);
    const badSince = await runCli(['events', '--device', 'gm-ev', '--data', dir, '--since', 'yesterday']);
    expect(badSince.status).toBe(2);
    expect(badSince.stderr).toContain('--since: "yesterday" is not a time.');
  });
});
