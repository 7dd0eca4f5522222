import { safeStorage } from 'electron';
import type { SecretBox } from '../core/secrets/secret-box';

/** Device secrets sealed by the OS keychain (Keychain, DPAPI, libsecret/kwallet). */
export function safeStorageBox(): SecretBox | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  return {
    kind: 'safe-storage',
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (sealed) => safeStorage.decryptString(sealed),
  };
}
