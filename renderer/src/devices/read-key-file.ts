/** The largest private key the device schema accepts (SshAuthInput): anything bigger is the wrong file. */
export const MAX_KEY_FILE_BYTES = 64 * 1024;

export type KeyFileRead = { ok: true; text: string } | { ok: false; problem: 'too-big' | 'unreadable' };

/**
 * Reads a private key file the operator picked, in the page: the same file `syncscope device add
 * --key` takes. The text then goes through the form's normal validation and is stored encrypted.
 */
export async function readKeyFile(file: Pick<Blob, 'size' | 'text'>): Promise<KeyFileRead> {
  if (file.size > MAX_KEY_FILE_BYTES) return { ok: false, problem: 'too-big' };
  try {
    return { ok: true, text: await file.text() };
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
}
