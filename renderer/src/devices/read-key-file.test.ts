import { describe, expect, it } from 'vitest';
import { MAX_KEY_FILE_BYTES, readKeyFile } from './read-key-file';

describe('readKeyFile', () => {
  it('hands back the text of a key-sized file', async () => {
    const pem = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbg==\n-----END OPENSSH PRIVATE KEY-----\n';
    await expect(readKeyFile(new Blob([pem]))).resolves.toEqual({ ok: true, text: pem });
  });

  it('refuses a file larger than any key the schema accepts, without reading it', async () => {
    const big = { size: MAX_KEY_FILE_BYTES + 1, text: () => Promise.reject(new Error('must not be read')) };
    await expect(readKeyFile(big)).resolves.toEqual({ ok: false, problem: 'too-big' });
  });

  it('says so when the file cannot be read', async () => {
    const gone = { size: 10, text: () => Promise.reject(new Error('NotReadableError')) };
    await expect(readKeyFile(gone)).resolves.toEqual({ ok: false, problem: 'unreadable' });
  });
});
