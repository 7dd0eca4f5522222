import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FallbackBox } from './fallback-box';
import { FileKeyBox } from './file-key-box';
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
