import { createHash, createHmac } from 'node:crypto';
import type { HostKeyDigests } from '../../../shared/hostkeys/known-hosts';

/** node:crypto's SHA-256 and HMAC-SHA1, for known_hosts fingerprints and hashed host names. */
export const NODE_DIGESTS: HostKeyDigests = {
  sha256: (data) => createHash('sha256').update(data).digest(),
  hmacSha1: (key, data) => createHmac('sha1', key).update(data).digest(),
};
