/**
 * Encrypts device secrets (passwords, private keys) before they reach the disk.
 * Electron supplies one backed by the OS keychain (safeStorage); headless uses a key file.
 */
export interface SecretBox {
  readonly kind: string;
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}
