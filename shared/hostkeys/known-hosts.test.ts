import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_DIGESTS } from '../../electron/core/hostkeys/node-digests';
import { keyFingerprint, knownHostsName, lookupKnownHost, parseKnownHosts } from './known-hosts';

const DIR = join(__dirname, '../../test/fixtures/ssh-config');
const PLAIN = join(DIR, 'known_hosts');
const HASHED = join(DIR, 'known_hosts.hashed');
const plain = parseKnownHosts(readFileSync(PLAIN, 'utf8'));
const hashed = parseKnownHosts(readFileSync(HASHED, 'utf8'));

/** OpenSSH's own lookup: `ssh-keygen -F NAME -f FILE -l` prints the fingerprints of the matching keys. */
function openssh(name: string, file: string): string[] {
  let out = '';
  try {
    out = execFileSync('ssh-keygen', ['-F', name, '-f', file, '-l', '-E', 'sha256'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return []; // exit 1: not found
  }
  return [...out.matchAll(/SHA256:[A-Za-z0-9+/]{43}/g)].map((m) => m[0]);
}

const HOSTS: [string, number][] = [
  ['10.231.57.10', 22],
  ['10.231.57.11', 22],
  ['10.231.57.11', 2222],
  ['10.231.57.13', 22],
  ['10.231.57.40', 22],
  ['a.lab.example', 22],
  ['gw.lab.example', 22],
  ['10.231.57.99', 22],
];

describe('known_hosts', () => {
  it('finds the same keys as ssh-keygen -F, plain and hashed, [host]:port included', () => {
    for (const file of [PLAIN, HASHED]) {
      const parsed = file === PLAIN ? plain : hashed;
      for (const [host, port] of HOSTS) {
        const ours = lookupKnownHost([parsed], host, port, NODE_DIGESTS);
        // ssh-keygen -F lists revoked and CA lines too; it is ssh that tells them apart.
        const theirs = openssh(knownHostsName(host, port), file);
        expect([...ours.keys.map((k) => k.fingerprint), ...ours.revoked, ...ours.certAuthorities].sort(), `${host}:${port} in ${file}`).toEqual([...new Set(theirs)].sort());
      }
    }
  });

  it('fingerprints keys as ssh-keygen -l -E sha256 prints them', () => {
    const theirs = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', HASHED], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(' ')[1]);
    const ours = hashed.lines.filter((l) => l.marker === null).map((l) => keyFingerprint(l.key, NODE_DIGESTS));
    expect(ours).toEqual(theirs.slice(0, ours.length));
  });

  it('never expects a revoked key, nor a CA key, and puts the key ssh2 asks for first', () => {
    const s2 = lookupKnownHost([plain], '10.231.57.12', 22, NODE_DIGESTS);
    expect(s2.keys).toEqual([]);
    expect(s2.revoked).toHaveLength(1);
    // @revoked names its hosts like any line: the same key under a wildcard stays usable for the hosts it names; a CA key is no host key.
    const a = lookupKnownHost([plain], 'a.lab.example', 22, NODE_DIGESTS);
    expect(a.keys.map((k) => k.fingerprint)).toEqual(s2.revoked);
    expect(a.certAuthorities).toHaveLength(1);
    expect(lookupKnownHost([plain], 'gw.lab.example', 22, NODE_DIGESTS)).toMatchObject({ keys: [], revoked: [], certAuthorities: a.certAuthorities });
    expect(lookupKnownHost([plain], '10.231.57.40', 22, NODE_DIGESTS).keys.map((k) => k.keyType)).toEqual(['ecdsa-sha2-nistp256', 'ssh-rsa']);
    expect(lookupKnownHost([plain], '10.231.57.11', 2222, NODE_DIGESTS).keys.map((k) => k.fingerprint)).toEqual(lookupKnownHost([plain], '10.231.57.11', 22, NODE_DIGESTS).keys.map((k) => k.fingerprint));
  });

  it('notes lines it cannot read instead of failing', () => {
    expect(plain.notes).toEqual([{ line: 14, message: 'not "hosts keytype key"' }]);
    const odd = parseKnownHosts('@weird h ssh-ed25519 AAAA\n|2|x|y ssh-ed25519 AAAA\nh ssh-ed25519 !!!\n');
    expect(odd.lines).toEqual([]);
    expect(odd.notes.map((n) => n.line)).toEqual([1, 2, 3]);
  });
});
