import type { SecretBox } from './secret-box';

/**
 * Seals with `primary`; opens with whichever box can. The desktop app seals with the OS keychain
 * but must still open secrets that `syncscope device add --data` sealed with the data dir's key file.
 */
export class FallbackBox implements SecretBox {
  readonly kind: string;
  constructor(
    private readonly primary: SecretBox,
    private readonly fallbacks: readonly (() => SecretBox)[],
  ) {
    this.kind = primary.kind;
  }

  encrypt(plain: string): Buffer {
    return this.primary.encrypt(plain);
  }

  decrypt(sealed: Buffer): string {
    let first: unknown;
    try {
      return this.primary.decrypt(sealed);
    } catch (err) {
      first = err;
    }
    for (const make of this.fallbacks) {
      try {
        return make().decrypt(sealed);
      } catch {
        // not sealed by this one either
      }
    }
    throw first;
  }
}
