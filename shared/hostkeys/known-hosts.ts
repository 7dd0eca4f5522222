import { decodeBase64, encodeBase64Unpadded } from './base64';
import { matchPatternList } from './host-pattern';

/**
 * known_hosts as OpenSSH reads it (sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT"): plain host patterns
 * (`host`, `[host]:port`, wildcards, `!` negation) or hashed names (`|1|salt|hmac`), an optional
 * `@revoked` / `@cert-authority` marker, key type, base64 key. Pure: the digests come in, and a line
 * that cannot be read becomes a note, never an exception.
 */

/** The two digests known_hosts needs; the engine passes node:crypto's. */
export interface HostKeyDigests {
  sha256(data: Uint8Array): Uint8Array;
  hmacSha1(key: Uint8Array, data: Uint8Array): Uint8Array;
}

export interface KnownHostLine {
  line: number;
  marker: 'revoked' | 'cert-authority' | null;
  hosts: { kind: 'hashed'; salt: Uint8Array; hash: Uint8Array } | { kind: 'patterns'; patterns: string[] };
  keyType: string;
  /** The key blob, base64 as written. */
  key: string;
}

export interface KnownHostsFile {
  lines: KnownHostLine[];
  notes: { line: number; message: string }[];
}

export function parseKnownHosts(text: string): KnownHostsFile {
  const out: KnownHostsFile = { lines: [], notes: [] };
  text.split(/\r?\n/).forEach((raw, idx) => {
    const line = idx + 1;
    const t = raw.trim();
    if (t === '' || t.startsWith('#')) return;
    const fields = t.split(/\s+/);
    let marker: KnownHostLine['marker'] = null;
    if (fields[0]?.startsWith('@')) {
      const m = fields.shift() as string;
      if (m !== '@revoked' && m !== '@cert-authority') return out.notes.push({ line, message: `unknown marker ${m.slice(0, 40)}` });
      marker = m === '@revoked' ? 'revoked' : 'cert-authority';
    }
    const [hostField, keyType, key] = fields;
    if (!hostField || !keyType || !key || decodeBase64(key) === null) return out.notes.push({ line, message: 'not "hosts keytype key"' });
    if (hostField.startsWith('|')) {
      const parts = hostField.split('|');
      const salt = parts[1] === '1' ? decodeBase64(parts[2] ?? '') : null;
      const hash = parts[1] === '1' ? decodeBase64(parts[3] ?? '') : null;
      if (!salt || !hash || parts.length !== 4) return out.notes.push({ line, message: 'a hashed host name that is not |1|salt|hash' });
      out.lines.push({ line, marker, hosts: { kind: 'hashed', salt, hash }, keyType, key });
    } else {
      out.lines.push({ line, marker, hosts: { kind: 'patterns', patterns: hostField.split(',') }, keyType, key });
    }
  });
  return out;
}

/** How known_hosts names a host: `host` on port 22, `[host]:port` otherwise. */
export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/** The fingerprint of a key blob as `ssh-keygen -l -E sha256` prints it; null for a blob that is not base64. */
export function keyFingerprint(keyBase64: string, digests: HostKeyDigests): string | null {
  const blob = decodeBase64(keyBase64);
  return blob ? `SHA256:${encodeBase64Unpadded(digests.sha256(blob))}` : null;
}

/** UTF-8 bytes of a host name (shared/ has no TextEncoder in its type check). */
function utf8(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(bytes);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function lineMatches(l: KnownHostLine, name: string, digests: HostKeyDigests): boolean {
  if (l.hosts.kind === 'patterns') return matchPatternList(name, l.hosts.patterns);
  return sameBytes(digests.hmacSha1(l.hosts.salt, utf8(name)), l.hosts.hash);
}

/**
 * The order in which ssh2 asks a server for its host key (its default serverHostKey list): the key a
 * connection will see is the first of these the server has.
 */
export const HOST_KEY_PREFERENCE = ['ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] as const;

export interface KnownKey {
  keyType: string;
  fingerprint: string;
}

export interface KnownHostLookup {
  /** Usable keys of the host, the one a connection will meet first. */
  keys: KnownKey[];
  /** Fingerprints marked @revoked for this host: never expected. */
  revoked: string[];
  /** @cert-authority keys for this host: they sign host certificates, they are no host key. */
  certAuthorities: string[];
}

/** Every key the files know for `host:port` (hashed and plain entries), revoked ones apart; CA lines are not host keys. */
export function lookupKnownHost(files: readonly KnownHostsFile[], host: string, port: number, digests: HostKeyDigests): KnownHostLookup {
  const name = knownHostsName(host, port);
  const keys: KnownKey[] = [];
  const revoked: string[] = [];
  const certAuthorities: string[] = [];
  for (const f of files) {
    for (const l of f.lines) {
      if (!lineMatches(l, name, digests)) continue;
      const fingerprint = keyFingerprint(l.key, digests);
      if (!fingerprint) continue;
      if (l.marker === 'cert-authority') certAuthorities.push(fingerprint);
      else if (l.marker === 'revoked') revoked.push(fingerprint);
      else if (!keys.some((k) => k.fingerprint === fingerprint)) keys.push({ keyType: l.keyType, fingerprint });
    }
  }
  const rank = (t: string) => {
    const i = (HOST_KEY_PREFERENCE as readonly string[]).indexOf(t === 'ssh-rsa' ? 'rsa-sha2-512' : t);
    return i < 0 ? HOST_KEY_PREFERENCE.length : i;
  };
  const usable = keys.filter((k) => !revoked.includes(k.fingerprint)).sort((a, b) => rank(a.keyType) - rank(b.keyType));
  return { keys: usable, revoked, certAuthorities };
}
