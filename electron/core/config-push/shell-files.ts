import { SyncscopeError } from '../../../shared/domain/errors';
import type { DeviceTransport, ExecResult } from '../transport/transport';
import { checkedPath, tempPathFor, TEMP_FILE, type DeviceFiles, type FilesOwner } from './device-files';
import { fileError, type FileAction } from './file-errors';

/**
 * Files through short commands, for transports without SFTP (local, a serial console): the text
 * travels base64-encoded in argv chunks (a serial console takes about a kilobyte per line), so no
 * byte of it is ever shell syntax. Each script is fixed text; paths and data are positional arguments.
 */

/** Start the temporary file with the target's mode and owner (cp -p), then empty it. */
const BEGIN = 'p=$1 t=$2; umask 077; if cp -p -- "$p" "$t" 2>/dev/null; then : > "$t"; else : > "$t"; fi';
/** Append one base64 chunk, decoded (a full disk fails here, with the device's own words on stderr). */
const APPEND = 'printf %s "$2" | base64 -d >> "$1"';
/** Flush, rename over the target (atomic within a directory), flush the rename. */
const COMMIT = 'p=$1 t=$2; sync; mv -f -- "$t" "$p" && sync';

const EXEC_TIMEOUT_MS = 20_000;
/** Raw bytes per chunk (a multiple of 3, so every chunk is whole base64 on its own). */
const CHUNK_BYTES = { serial: 768, other: 48 * 1024 } as const;
const MAX_READ_BYTES = 1024 * 1024;

export class ShellFiles implements DeviceFiles {
  readonly how = 'shell';
  readonly leftovers: string[] = [];
  constructor(
    private readonly transport: DeviceTransport,
    private readonly owner: FilesOwner,
  ) {}

  async read(path: string): Promise<string> {
    const res = await this.transport.exec(['cat', '--', checkedPath(path)], { timeoutMs: EXEC_TIMEOUT_MS, maxOutputBytes: MAX_READ_BYTES });
    if (res.exitCode !== 0) throw fileError({ ...this.ctx(path, 'read') }, { text: res.stderr || `cat exited ${String(res.exitCode)}` });
    if (res.truncated) throw new SyncscopeError({ code: 'device-output', message: `${path} on ${this.owner.device} is larger than ${MAX_READ_BYTES} bytes`, deviceId: this.owner.deviceId });
    return res.stdout;
  }

  async replace(path: string, text: string, action: 'back up' | 'replace' | 'restore', modeFrom = path): Promise<void> {
    const target = checkedPath(path);
    const tmp = tempPathFor(target);
    const run = async (argv: string[]) => {
      const res = await this.transport.exec(argv, { timeoutMs: EXEC_TIMEOUT_MS, maxOutputBytes: 64 * 1024 });
      if (res.exitCode !== 0) throw fileError(this.ctx(target, action), { text: said(res) });
    };
    try {
      await run(['sh', '-c', BEGIN, 'syncscope-begin', checkedPath(modeFrom), tmp]);
      const bytes = Buffer.from(text, 'utf8');
      const chunk = this.transport.kind === 'serial' ? CHUNK_BYTES.serial : CHUNK_BYTES.other;
      for (let at = 0; at < bytes.length; at += chunk) {
        await run(['sh', '-c', APPEND, 'syncscope-append', tmp, bytes.subarray(at, at + chunk).toString('base64')]);
      }
      await run(['sh', '-c', COMMIT, 'syncscope-commit', target, tmp]);
    } catch (err) {
      await this.removeTemp(tmp);
      throw err;
    }
  }

  close(): void {
    // Nothing held between commands.
  }

  async removeTemp(tmp: string): Promise<boolean> {
    if (!TEMP_FILE.test(tmp)) return false;
    const res = this.transport.state === 'connected' ? await this.transport.exec(['rm', '-f', '--', tmp], { timeoutMs: EXEC_TIMEOUT_MS }).catch(() => null) : null;
    if (res?.exitCode === 0) return true;
    this.leftovers.push(tmp);
    return false;
  }

  private ctx(path: string, action: FileAction) {
    return { device: this.owner.device, deviceId: this.owner.deviceId, path, action };
  }
}

function said(res: ExecResult): string {
  return (res.stderr.trim() || res.stdout.trim() || `exited ${String(res.exitCode)}`).slice(0, 2000);
}
