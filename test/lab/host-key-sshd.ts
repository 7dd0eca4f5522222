import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { LabDevice } from './lab';

const run = promisify(execFile);

/**
 * A second sshd inside ss-x1's namespace, on its own port and with a host key of its own, that a
 * host-key test may rotate: ss-x1's own sshd (and its key in lab.json, which other suites check)
 * is never touched. Same settings as the lab's sshd (root by key, LogLevel DEBUG1 so each
 * authentication request is in its log).
 */
export class RotatingSshd {
  readonly dir: string;
  private pid: number | null = null;
  fingerprint = '';
  /** The public key as a known_hosts entry would hold it ("ssh-ed25519 AAAA…"). */
  publicKey = '';

  constructor(
    private readonly device: LabDevice,
    readonly port: number,
  ) {
    this.dir = mkdtempSync(join(tmpdir(), 'syncscope-hk-sshd-'));
  }

  get logPath(): string {
    return join(this.dir, 'sshd.log');
  }

  log(): string {
    try {
      return readFileSync(this.logPath, 'utf8');
    } catch {
      return '';
    }
  }

  async start(): Promise<void> {
    await this.newKey();
    const lab = readFileSync(this.device.sshdLog.replace(/sshd\.log$/, 'sshd_config'), 'utf8');
    const config = lab
      .split('\n')
      .filter((l) => !/^(ListenAddress|HostKey|PidFile)\b/.test(l))
      .concat([`ListenAddress ${this.device.host}:${this.port}`, `HostKey ${join(this.dir, 'host_key')}`, `PidFile ${join(this.dir, 'sshd.pid')}`])
      .join('\n');
    writeFileSync(join(this.dir, 'sshd_config'), `${config}\n`);
    await run('ip', ['netns', 'exec', this.device.netns, '/usr/sbin/sshd', '-f', join(this.dir, 'sshd_config'), '-E', this.logPath]);
    // The daemon writes its pid file after the command that started it returned.
    const pidFile = join(this.dir, 'sshd.pid');
    const end = performance.now() + 10_000;
    while (!existsSync(pidFile) || readFileSync(pidFile, 'utf8').trim() === '') {
      if (performance.now() > end) throw new Error(`sshd wrote no pid file; log:\n${this.log().slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    this.pid = Number(readFileSync(pidFile, 'utf8').trim());
    await this.listening();
  }

  /**
   * A new host key: sshd re-reads its keys on SIGHUP; the sessions it already serves keep their
   * connection, so they are ended (by pid, children of this sshd only) and every client must reconnect and meet the new key.
   */
  async rotate(): Promise<void> {
    if (this.pid === null) throw new Error('sshd not started');
    await this.newKey();
    const sessions = await this.sessionPids();
    process.kill(this.pid, 'SIGHUP');
    for (const pid of sessions) killIfThere(pid);
    await this.listening();
  }

  async stop(): Promise<void> {
    if (this.pid !== null) {
      for (const pid of await this.sessionPids()) killIfThere(pid);
      killIfThere(this.pid);
    }
    this.pid = null;
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async sessionPids(): Promise<number[]> {
    if (this.pid === null) return [];
    const { stdout } = await run('ps', ['--ppid', String(this.pid), '-o', 'pid=']).catch(() => ({ stdout: '' }));
    return stdout
      .split('\n')
      .map((s) => Number(s.trim()))
      .filter((n) => n > 0);
  }

  private async newKey(): Promise<void> {
    const key = join(this.dir, 'host_key');
    rmSync(key, { force: true });
    rmSync(`${key}.pub`, { force: true });
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key]);
    const { stdout } = await run('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${key}.pub`]);
    this.fingerprint = (/SHA256:[A-Za-z0-9+/]{43}/.exec(stdout) ?? [''])[0];
    this.publicKey = readFileSync(`${key}.pub`, 'utf8').split(' ').slice(0, 2).join(' ');
  }

  /** Until the port accepts TCP and answers with an SSH banner (after a HUP, sshd re-executes itself). */
  private async listening(): Promise<void> {
    const end = performance.now() + 10_000;
    for (;;) {
      const banner = await new Promise<string>((ok) => {
        const s = connect(this.port, this.device.host);
        let got = '';
        s.on('data', (d: Buffer) => {
          got += d.toString('latin1');
          s.destroy();
          ok(got);
        });
        s.on('error', () => ok(''));
        setTimeout(() => {
          s.destroy();
          ok(got);
        }, 1000);
      });
      if (banner.startsWith('SSH-')) return;
      if (performance.now() > end) throw new Error(`sshd on ${this.device.host}:${this.port} did not answer; log:\n${this.log().slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * `device` (root by key, its expected key) reached through `jump`, a RotatingSshd in another lab
 * device, where the jump host logs in with its own login: that device's password user.
 */
export function throughOwnJump(name: string, device: LabDevice, jump: RotatingSshd, jumpDevice: LabDevice) {
  return {
    transport: 'ssh' as const,
    name,
    host: device.host,
    user: device.user,
    auth: { kind: 'privateKey' as const, privateKey: readFileSync(device.privateKeyPath, 'utf8') },
    hostKeySha256: device.hostKeySha256,
    udsPath: device.udsPath,
    pollIntervalMs: 500,
    jump: { host: jumpDevice.host, sshPort: jump.port, user: jumpDevice.passwordUser, auth: { kind: 'password' as const, password: jumpDevice.password }, hostKeySha256: jump.fingerprint },
  };
}

/** SIGTERM to a process that may have ended since it was listed (a session closing on its own). */
function killIfThere(pid: number): void {
  try {
    process.kill(pid, 'SIGTERM');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}
