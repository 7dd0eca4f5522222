import { DATA_KEY_BYTES, openAesGcm, sealAesGcm } from './aes-gcm';
import type { SecretBox } from './secret-box';

const MAGIC = Buffer.from('SSK1');

/**
 * The desktop app's box: AES-256-GCM under a data key that the OS keychain seals (keychain.key,
 * see sealed-data-key.ts). The keychain lives in Electron's main process only; the engine, in its
 * utility process, receives the unsealed key once, in its first message, and seals with it here.
 */
export class DataKeyBox implements SecretBox {
  readonly kind = 'keychain-data-key';

  constructor(private readonly key: Buffer) {
    if (key.length !== DATA_KEY_BYTES) throw new Error(`data key must be ${DATA_KEY_BYTES} bytes, got ${key.length}`);
  }

  encrypt(plain: string): Buffer {
    return sealAesGcm(this.key, MAGIC, plain);
  }

  decrypt(sealed: Buffer): string {
    return openAesGcm(this.key, MAGIC, sealed);
  }
}
