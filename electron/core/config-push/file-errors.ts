import { SyncscopeError, type ErrorValue } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';

/** What a file operation on a device was doing, in the words the error says. */
export type FileAction = 'read' | 'back up' | 'write' | 'replace' | 'restore';

export interface FileContext {
  device: string;
  deviceId: string;
  path: string;
  action: FileAction;
}

/**
 * One file error, from whatever the device said: a shell's stderr (`No space left on device`), an
 * errno code (local), or an SFTP status. Disk-full, permission, missing and read-only each get their
 * own words; anything else is said verbatim.
 */
export function fileError(ctx: FileContext, said: { text?: string; errno?: string }): SyncscopeError {
  const text = (said.text ?? '').trim();
  const ref = { deviceId: ctx.deviceId };
  const has = (re: RegExp, code: string) => said.errno === code || re.test(text);
  let value: ErrorValue;
  if (has(/no space left on device|disk quota exceeded/i, 'ENOSPC') || said.errno === 'EDQUOT') {
    value = catalogError('config-push.disk-full', { device: ctx.device, path: ctx.path, step: stepOf(ctx.action), detail: text || 'ENOSPC' }, ref);
  } else if (has(/read-only file system/i, 'EROFS')) {
    value = catalogError('config-push.read-only', { device: ctx.device, path: ctx.path }, ref);
  } else if (has(/permission denied|operation not permitted/i, 'EACCES') || said.errno === 'EPERM') {
    value = catalogError('config-push.permission', { device: ctx.device, path: ctx.path, action: ctx.action }, ref);
  } else if (ctx.action === 'read' && has(/no such file/i, 'ENOENT')) {
    value = catalogError('config-push.file-missing', { device: ctx.device, path: ctx.path }, ref);
  } else {
    value = catalogError('config-push.file-failed', { device: ctx.device, path: ctx.path, action: ctx.action, detail: text || said.errno || 'unknown failure' }, ref);
  }
  return new SyncscopeError(value);
}

function stepOf(action: FileAction): string {
  return action === 'back up' ? 'backup' : action === 'restore' ? 'rollback' : action === 'replace' ? 'write' : action;
}

export function isDiskFull(err: unknown): boolean {
  return err instanceof SyncscopeError && err.value.messageId === 'config-push.disk-full';
}
