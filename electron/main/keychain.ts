import { safeStorage } from 'electron';
import type { KeySealer } from '../core/secrets/sealed-data-key';

/**
 * The OS keychain (Keychain, DPAPI, libsecret/kwallet) as a sealer for the data key; null where there
 * is none worth the name (Linux's `basic_text` backend is a hard-coded password).
 */
export function keychainSealer(): KeySealer | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  return {
    seal: (plain) => safeStorage.encryptString(plain.toString('base64')),
    open: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}
