import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCliServer, type CliServer } from '../../../test/support/cli-server';
import { listeningAddresses, runCli, runCliOnTerminal } from '../../../test/support/processes';
import { LOCK_FILE } from '../store/data-dir-lock';
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
});
