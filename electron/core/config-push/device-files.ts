import { randomBytes } from 'node:crypto';
import { posix } from 'node:path';
import { DeviceFilePath } from '../../../shared/domain/device';
import { SyncscopeError } from '../../../shared/domain/errors';

/**
 * Reading and replacing one file on a device, whichever way the transport allows: SFTP on an SSH
 * connection, or short shell commands (local, serial, an SSH server without SFTP). A replace is
 * always atomic: the new bytes go to a temporary file in the same directory, reach the disk, and
 * are renamed over the file, so a reader sees the old file or the new one, never a half.
 */
export interface DeviceFiles {
  readonly how: 'sftp' | 'shell';
  /** The file's text; rejects with a file error (missing, permission …) or the transport's. */
  read(path: string): Promise<string>;
  /**
   * Replaces `path` with `text` atomically. The new file takes the mode (and, as root, the owner) of
   * `modeFrom` (default: `path` itself). A failure leaves `path` as it was and removes the temporary file.
   */
  replace(path: string, text: string, action: 'back up' | 'replace' | 'restore', modeFrom?: string): Promise<void>;
  /** Removes a temporary file of ours (TEMP_FILE; any other path is left alone); false when it could not. */
  removeTemp(path: string): Promise<boolean>;
  /** Temporary files a failed replace could not remove (its connection dropped): the next connection removes them. */
  readonly leftovers: string[];
  close(): void;
}

/** Who the errors name. */
export interface FilesOwner {
  device: string;
  deviceId: string;
}

/** Absolute, no "..", no shell characters: checked again here, before any path reaches a command or an SFTP request. */
export function checkedPath(path: string, field = 'path'): string {
  const parsed = DeviceFilePath.safeParse(path);
  if (parsed.success && parsed.data === path) return path;
  const why = parsed.success ? 'path has surrounding spaces' : (parsed.error.issues[0]?.message ?? 'path is invalid');
  throw new SyncscopeError({ code: 'invalid-input', field, message: `${why} (got ${JSON.stringify(String(path).slice(0, 120))})`, hint: 'Nothing was sent to the device. Correct the path in the device profile.' });
}

/** Where a replacement is written first: beside the file (same file system, so the rename is atomic), hidden, unique. */
export function tempPathFor(path: string): string {
  const dir = posix.dirname(path);
  return checkedPath(posix.join(dir, `.${posix.basename(path)}.syncscope-tmp-${randomBytes(6).toString('hex')}`));
}

/** Only files of this shape are ever removed on a device. */
export const TEMP_FILE = /\/\.[^/]+\.syncscope-tmp-[0-9a-f]{12}$/;

/** The backup of `path` taken at `atMs`, next to it: `ptp4l.conf.syncscope-backup-20261208T010203.456Z`. */
export function backupPathFor(path: string, atMs: number): string {
  const stamp = new Date(atMs).toISOString().replace(/[-:]/g, '');
  return checkedPath(`${path}.syncscope-backup-${stamp}`);
}
