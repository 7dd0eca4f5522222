import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { catalogError } from '../../../shared/errors/catalog';
import { SyncscopeError } from '../../../shared/domain/errors';
import { DATA_KEY_BYTES } from './aes-gcm';

/** Seals and opens a small secret with the OS keychain (Electron's safeStorage, in main). */
export interface KeySealer {
  seal(plain: Buffer): Buffer;
  open(sealed: Buffer): Buffer;
}

/**
 * The desktop app's data key: 32 random bytes, kept in `keyFile` only as the keychain sealed them.
 * Created on first use. A file the keychain cannot open (another user, a reset keychain) is
 * reported, never replaced: replacing it would orphan every secret sealed under the old key.
 */
export function loadOrCreateDataKey(keyFile: string, sealer: KeySealer): Buffer {
  if (!existsSync(keyFile)) {
    const key = randomBytes(DATA_KEY_BYTES);
    mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
    writeFileSync(keyFile, sealer.seal(key), { mode: 0o600, flag: 'wx' });
    return key;
  }
  let key: Buffer;
  try {
    key = sealer.open(readFileSync(keyFile));
  } catch {
    throw new SyncscopeError(catalogError('desktop.data-key-unreadable', { file: keyFile }));
  }
  if (key.length !== DATA_KEY_BYTES) throw new SyncscopeError(catalogError('desktop.data-key-unreadable', { file: keyFile }));
  return key;
}
