import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM sealing shared by every key-based box: `magic ‖ iv(12) ‖ tag(16) ‖ ciphertext`.
 * The magic names which key sealed a secret, so a box can refuse another box's secrets at once.
 */
export function sealAesGcm(key: Buffer, magic: Buffer, plain: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([magic, iv, cipher.getAuthTag(), body]);
}

export function openAesGcm(key: Buffer, magic: Buffer, sealed: Buffer): string {
  const head = magic.length;
  if (sealed.length < head + 28 || !sealed.subarray(0, head).equals(magic)) throw new Error('stored secret is not in a format this Syncscope can read');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(head, head + 12));
  decipher.setAuthTag(sealed.subarray(head + 12, head + 28));
  return Buffer.concat([decipher.update(sealed.subarray(head + 28)), decipher.final()]).toString('utf8');
}

export const DATA_KEY_BYTES = 32;
