import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SyncscopeError } from '../../../shared/domain/errors';
import { DataKeyBox } from './data-key-box';
import { desktopSecretBox } from './desktop-box';
import { FallbackBox } from './fallback-box';
import { FileKeyBox } from './file-key-box';
import { loadOrCreateDataKey, type KeySealer } from './sealed-data-key';
import type { SecretBox } from './secret-box';

const dir = () => mkdtempSync(join(tmpdir(), 'syncscope-box-'));

describe('FileKeyBox', () => {
  it('round-trips, never stores clear text, and keeps its key private', () => {
    const keyFile = join(dir(), 'secret.key');
    const box = new FileKeyBox(keyFile);
    const sealed = box.encrypt('pässwörd');
    expect(sealed.includes(Buffer.from('pässwörd'))).toBe(false);
    expect(new FileKeyBox(keyFile).decrypt(sealed)).toBe('pässwörd');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
  });

  it('detects tampering and a foreign key', () => {
    const box = new FileKeyBox(join(dir(), 'k'));
    const sealed = box.encrypt('secret');
    sealed.writeUInt8(sealed.readUInt8(sealed.length - 1) ^ 1, sealed.length - 1);
    expect(() => box.decrypt(sealed)).toThrow();
    expect(() => new FileKeyBox(join(dir(), 'k2')).decrypt(box.encrypt('secret'))).toThrow();
  });

  it('explains a damaged key file', () => {
    const keyFile = join(dir(), 'secret.key');
    writeFileSync(keyFile, 'short');
    expect(() => new FileKeyBox(keyFile)).toThrow(/damaged .*Move it aside/);
  });
});

describe('FallbackBox', () => {
  it('seals with the keychain and still opens what the CLI sealed with the key file', () => {
    const keyFile = join(dir(), 'secret.key');
    const cli = new FileKeyBox(keyFile);
    const keychain: SecretBox = {
      kind: 'fake-keychain',
      encrypt: (p) => Buffer.concat([Buffer.from('KC:'), Buffer.from(p).reverse()]),
      decrypt: (b) => {
        if (!b.subarray(0, 3).equals(Buffer.from('KC:'))) throw new Error('not mine');
        return Buffer.from(b.subarray(3)).reverse().toString();
      },
    };
    const box = new FallbackBox(keychain, [() => new FileKeyBox(keyFile)]);
    expect(box.decrypt(box.encrypt('a'))).toBe('a');
    expect(box.encrypt('a').subarray(0, 3).toString()).toBe('KC:');
    expect(box.decrypt(cli.encrypt('from-cli'))).toBe('from-cli');
    expect(() => box.decrypt(Buffer.from('junk'))).toThrow('not mine');
  });
});

describe('the desktop envelope: a keychain-sealed data key, AES-256-GCM in the engine', () => {
  // Stands in for safeStorage, which exists only in Electron's main process: reversible, and not the identity.
  const keychain = (name: string): KeySealer => ({
    seal: (plain) => Buffer.concat([Buffer.from(name), Buffer.from(plain).reverse()]),
    open: (sealed) => {
      if (!sealed.subarray(0, name.length).equals(Buffer.from(name))) throw new Error('not this keychain');
      return Buffer.from(sealed.subarray(name.length)).reverse();
    },
  });

  it('creates the data key once, stores it only sealed, and opens the same key on the next start', () => {
    const keyFile = join(dir(), 'nested', 'keychain.key');
    const key = loadOrCreateDataKey(keyFile, keychain('KC1'));
    expect(key.length).toBe(32);
    expect(readFileSync(keyFile).includes(key)).toBe(false);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(loadOrCreateDataKey(keyFile, keychain('KC1')).equals(key)).toBe(true);
  });

  it('reports a key file another keychain sealed rather than replacing it', () => {
    const keyFile = join(dir(), 'keychain.key');
    loadOrCreateDataKey(keyFile, keychain('KC1'));
    const before = readFileSync(keyFile);
    expect(() => loadOrCreateDataKey(keyFile, keychain('KC2'))).toThrow(SyncscopeError);
    try {
      loadOrCreateDataKey(keyFile, keychain('KC2'));
    } catch (err) {
      expect((err as SyncscopeError).value).toMatchObject({ code: 'secret-unavailable', messageId: 'desktop.data-key-unreadable', params: { file: keyFile } });
    }
    expect(readFileSync(keyFile).equals(before)).toBe(true);
  });

  it('seals under the data key, refuses another key, and still opens what the CLI sealed with secret.key', () => {
    const dataDir = dir();
    const dataKey = randomBytes(32);
    const box = desktopSecretBox(dataDir, dataKey)!;
    const sealed = box.encrypt('pässwörd');
    expect(sealed.includes(Buffer.from('pässwörd'))).toBe(false);
    expect(new DataKeyBox(dataKey).decrypt(sealed)).toBe('pässwörd');
    expect(() => desktopSecretBox(dataDir, randomBytes(32))!.decrypt(sealed)).toThrow();
    const cli = new FileKeyBox(join(dataDir, 'secret.key'));
    expect(box.decrypt(cli.encrypt('from-cli'))).toBe('from-cli');
    expect(() => cli.decrypt(sealed)).toThrow(/not in a format/);
  });

  it('without a keychain leaves the engine its key-file box', () => {
    expect(desktopSecretBox(dir(), null)).toBeUndefined();
    expect(() => new DataKeyBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});
