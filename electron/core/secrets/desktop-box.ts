import { join } from 'node:path';
import { DataKeyBox } from './data-key-box';
import { FallbackBox } from './fallback-box';
import { FileKeyBox } from './file-key-box';
import type { SecretBox } from './secret-box';

/**
 * The desktop engine's box: seals under the keychain's data key, and still opens what
 * `syncscope device add --data` sealed with the data dir's key file. No data key (no OS keychain):
 * undefined, and the engine falls back to the key file alone.
 */
export function desktopSecretBox(dataDir: string, dataKey: Uint8Array | null): SecretBox | undefined {
  if (!dataKey) return undefined;
  const keyFile = join(dataDir, 'secret.key');
  return new FallbackBox(new DataKeyBox(Buffer.from(dataKey)), [() => new FileKeyBox(keyFile)]);
}
