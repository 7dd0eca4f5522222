import type { SFTPWrapper, Stats } from 'ssh2';
import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import { checkedPath, tempPathFor, TEMP_FILE, type DeviceFiles, type FilesOwner } from './device-files';
import { fileError, type FileAction } from './file-errors';

/** One SFTP request's bound: a dead link is noticed by keepalive in ~15 s; this only catches a server that stops answering. */
const OP_TIMEOUT_MS = 20_000;
/** SFTP status codes (draft-ietf-secsh-filexfer-02) that name a cause. */
const SFTP_STATUS: Readonly<Record<number, string>> = { 2: 'ENOENT', 3: 'EACCES' };
const SFTP_FAILURE = 4;

/**
 * Files over SFTP on the device's own SSH connection: read with one request; replace by writing a
 * temporary file beside the target, fsync (OpenSSH's fsync@openssh.com), the target's mode and
 * owner, then posix-rename@openssh.com over the target (a plain SFTP rename refuses an existing
 * target, which would need a window without the file).
 *
 * OpenSSH's sftp-server reports a full disk as a bare "Failure"; a failed write therefore asks the
 * file system (statvfs@openssh.com) how much room is left, so a full disk is said as one.
 */
export class SftpFiles implements DeviceFiles {
  readonly how = 'sftp';
  readonly leftovers: string[] = [];
  /** Requests waiting for an answer: a session that closes (its connection dropped) fails them at once, not at their deadline. */
  private readonly waiting = new Set<(err: Error) => void>();
  private closed: Error | null = null;

  constructor(
    private readonly sftp: SFTPWrapper,
    private readonly owner: FilesOwner,
  ) {
    sftp.once('close', () => {
      this.closed = new Error('the SFTP session closed');
      for (const fail of [...this.waiting]) fail(this.closed);
    });
  }

  async read(path: string): Promise<string> {
    const target = checkedPath(path);
    try {
      const data = await this.op<Buffer>((cb) => this.sftp.readFile(target, cb));
      return data.toString('utf8');
    } catch (err) {
      throw this.classify(err, target, 'read', 0);
    }
  }

  async replace(path: string, text: string, action: 'back up' | 'replace' | 'restore', modeFrom = path): Promise<void> {
    const target = checkedPath(path);
    const tmp = tempPathFor(target);
    const bytes = Buffer.from(text, 'utf8');
    const like = await this.op<Stats>((cb) => this.sftp.stat(checkedPath(modeFrom), cb)).catch(() => null);
    const mode = like ? like.mode & 0o7777 : 0o644;
    let handle: Buffer | null = null;
    try {
      handle = await this.op<Buffer>((cb) => this.sftp.open(tmp, 'wx', { mode }, cb));
      const h = handle;
      for (let at = 0; at < bytes.length; ) {
        const n = Math.min(32 * 1024, bytes.length - at);
        await this.op<void>((cb) => this.sftp.write(h, bytes, at, n, at, (err) => cb(err)));
        at += n;
      }
      // The server's umask applied at open; set the mode exactly. As root, keep the owner too.
      await this.op<void>((cb) => this.sftp.fchmod(h, mode, (err) => cb(err)));
      if (like) await this.op<void>((cb) => this.sftp.fchown(h, like.uid, like.gid, (err) => cb(err))).catch(() => undefined);
      await this.op<void>((cb) => this.sftp.ext_openssh_fsync(h, (err) => cb(err)));
      await this.op<void>((cb) => this.sftp.close(h, (err) => cb(err)));
      handle = null;
      await this.op<void>((cb) => this.sftp.ext_openssh_rename(tmp, target, (err) => cb(err)));
    } catch (err) {
      if (handle) {
        const h = handle;
        await this.op<void>((cb) => this.sftp.close(h, (e) => cb(e))).catch(() => undefined);
      }
      await this.removeTemp(tmp);
      throw await this.diagnose(err, target, action, bytes.length);
    }
  }

  close(): void {
    this.sftp.end();
  }

  async removeTemp(tmp: string): Promise<boolean> {
    if (!TEMP_FILE.test(tmp)) return false;
    try {
      await this.op<void>((cb) => this.sftp.unlink(tmp, (err) => cb(err)));
      return true;
    } catch (err) {
      // Already gone is as good as removed.
      if (statusOf(err) === 2) return true;
      this.leftovers.push(tmp);
      return false;
    }
  }

  /** A bare SFTP failure on a write: room left on the file system tells a full disk from the rest. */
  private async diagnose(err: unknown, path: string, action: FileAction, needBytes: number): Promise<unknown> {
    if (statusOf(err) !== SFTP_FAILURE) return this.classify(err, path, action, needBytes);
    const dir = path.slice(0, path.lastIndexOf('/')) || '/';
    // statvfs@openssh.com: ssh2 names the fields as struct statvfs does, as unsigned 64-bit numbers.
    const fs = await this.op<{ f_bavail: number | bigint; f_frsize: number | bigint }>((cb) => this.sftp.ext_openssh_statvfs(dir, cb)).catch(() => null);
    const free = fs ? Number(fs.f_bavail) * Number(fs.f_frsize) : null;
    if (fs && free !== null && free < needBytes + Number(fs.f_frsize)) {
      const detail = `${free} bytes free, ${needBytes} needed`;
      return fileError({ ...this.owner, path, action }, { errno: 'ENOSPC', text: `No space left on device (${detail})` });
    }
    return this.classify(err, path, action, needBytes);
  }

  private classify(err: unknown, path: string, action: FileAction, _needBytes: number): unknown {
    if (err instanceof SyncscopeError) return err;
    const status = statusOf(err);
    if (status === null) return err;
    const message = err instanceof Error ? err.message : String(err);
    return fileError({ ...this.owner, path, action }, { text: message, ...(SFTP_STATUS[status] ? { errno: SFTP_STATUS[status] } : {}) });
  }

  /** One SFTP request with a deadline. */
  private op<T>(start: (cb: (err: Error | null | undefined, value?: T) => void) => void): Promise<T> {
    if (this.closed) return Promise.reject(this.closed);
    return new Promise<T>((resolve, reject) => {
      const fail = (err: unknown) => {
        clearTimeout(timer);
        this.waiting.delete(fail);
        reject(err);
      };
      const timer = setTimeout(() => fail(new SyncscopeError(catalogError('collect.command-timeout', { command: 'sftp', target: this.owner.device, ms: OP_TIMEOUT_MS }, { deviceId: this.owner.deviceId }))), OP_TIMEOUT_MS);
      this.waiting.add(fail);
      start((err, value) => {
        if (err) return fail(err);
        clearTimeout(timer);
        this.waiting.delete(fail);
        resolve(value as T);
      });
    });
  }
}

function statusOf(err: unknown): number | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : null;
}
