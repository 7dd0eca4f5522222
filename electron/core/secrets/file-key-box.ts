import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { SecretBox } from './secret-box';

const MAGIC = Buffer.from('SSB1');

/**
 * AES-256-GCM with a random key kept in `<data>/secret.key` (mode 0600), for `syncscope serve`
 * where no OS keychain exists. It keeps secrets out of the database file and its backups; a thief
 * with the whole data directory can still read them, which is why the desktop app uses safeStorage.
 */
export class FileKeyBox implements SecretBox {
  readonly kind = 'file-key';
  private readonly key: Buffer;

  constructor(keyFile: string) {
    if (existsSync(keyFile)) {
      const raw = readFileSync(keyFile);
      if (raw.length !== 32) throw new Error(`Secret key file ${keyFile} is damaged (expected 32 bytes, found ${raw.length}). Move it aside; stored device secrets must then be entered again.`);
      this.key = raw;
    } else {
      this.key = randomBytes(32);
      writeFileSync(keyFile, this.key, { mode: 0o600, flag: 'wx' });
    }
    chmodSync(keyFile, 0o600);
  }

  encrypt(plain: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]);
  }

  decrypt(sealed: Buffer): string {
    if (sealed.length < 32 || !sealed.subarray(0, 4).equals(MAGIC)) throw new Error('stored secret is not in a format this Syncscope can read');
    const iv = sealed.subarray(4, 16);
    const tag = sealed.subarray(16, 32);
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(32)), decipher.final()]).toString('utf8');
  }
}
