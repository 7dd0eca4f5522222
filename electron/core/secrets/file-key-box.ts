import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { DATA_KEY_BYTES, openAesGcm, sealAesGcm } from './aes-gcm';
import type { SecretBox } from './secret-box';

const MAGIC = Buffer.from('SSB1');

/**
 * AES-256-GCM with a random key kept in `<data>/secret.key` (mode 0600), for `syncscope serve`
 * where no OS keychain exists. It keeps secrets out of the database file and its backups; a thief
 * with the whole data directory can still read them, which is why the desktop app uses a key the
 * OS keychain seals (DataKeyBox).
 */
export class FileKeyBox implements SecretBox {
  readonly kind = 'file-key';
  private readonly key: Buffer;

  constructor(keyFile: string) {
    if (existsSync(keyFile)) {
      const raw = readFileSync(keyFile);
      if (raw.length !== DATA_KEY_BYTES) throw new Error(`Secret key file ${keyFile} is damaged (expected ${DATA_KEY_BYTES} bytes, found ${raw.length}). Move it aside; stored device secrets must then be entered again.`);
      this.key = raw;
    } else {
      this.key = randomBytes(DATA_KEY_BYTES);
      writeFileSync(keyFile, this.key, { mode: 0o600, flag: 'wx' });
    }
    chmodSync(keyFile, 0o600);
  }

  encrypt(plain: string): Buffer {
    return sealAesGcm(this.key, MAGIC, plain);
  }

  decrypt(sealed: Buffer): string {
    return openAesGcm(this.key, MAGIC, sealed);
  }
}
