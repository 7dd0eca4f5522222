import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deviceInputFromFlags } from './device-input';
import { errorOf } from '../../../test/support/error-of';

const dir = mkdtempSync(join(tmpdir(), 'syncscope-jump-key-'));
const KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nAAA\n-----END OPENSSH PRIVATE KEY-----\n';
const keyFile = join(dir, 'jump_id');
writeFileSync(keyFile, KEY);

describe('device add: a jump host with its own login', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const base = { name: 'j1', host: '10.0.0.2', user: 'root', auth: 'agent' as const, jump: 'hop@bastion.lab:2222' };

  it('logs the jump host in as the device does when no --jump-… login is given', () => {
    expect(deviceInputFromFlags(base, {})).toMatchObject({ auth: { kind: 'agent' }, jump: { host: 'bastion.lab', sshPort: 2222, user: 'hop' } });
    const input = deviceInputFromFlags(base, {});
    expect(input.transport === 'ssh' && input.jump && 'auth' in input.jump ? input.jump.auth : undefined).toBeUndefined();
  });

  it('takes the jump host’s own key (with its passphrase) or password from a file and the environment, apart from the device’s', () => {
    expect(deviceInputFromFlags({ ...base, jumpKey: keyFile, jumpPassphraseEnv: 'JP' }, { JP: 'secret' })).toMatchObject({
      auth: { kind: 'agent' },
      jump: { user: 'hop', auth: { kind: 'privateKey', privateKey: KEY, passphrase: 'secret' } },
    });
    expect(deviceInputFromFlags({ ...base, jumpPasswordEnv: 'JPW' }, { JPW: 'pw' })).toMatchObject({ jump: { auth: { kind: 'password', password: 'pw' } } });
    expect(deviceInputFromFlags({ ...base, jumpAuth: 'keyboard-interactive', jumpPasswordEnv: 'JPW' }, { JPW: 'pw' })).toMatchObject({ jump: { auth: { kind: 'keyboardInteractive', password: 'pw' } } });
    expect(deviceInputFromFlags({ ...base, auth: undefined, passwordEnv: 'PW', jumpAuth: 'agent' }, { PW: 'device-pw' })).toMatchObject({ auth: { kind: 'password', password: 'device-pw' }, jump: { auth: { kind: 'agent' } } });
  });

  it('names the jump flag to fix, not the device’s', () => {
    expect(errorOf(() => deviceInputFromFlags({ ...base, jumpPasswordEnv: 'MISSING' }, {}))).toMatchObject({ field: 'jump.auth.password', message: '--jump-password-env: environment variable MISSING is not set or empty' });
    expect(errorOf(() => deviceInputFromFlags({ ...base, jumpAuth: 'key' }, {}))).toMatchObject({ field: 'jump.auth.privateKey', message: '--jump-key: --jump-auth key needs --jump-key FILE' });
    expect(errorOf(() => deviceInputFromFlags({ ...base, jumpKey: keyFile, jumpPasswordEnv: 'JPW' }, { JPW: 'pw' }))).toMatchObject({ field: 'jump.auth', message: '--jump-auth: give either --jump-key or --jump-password-env, not both' });
    expect(errorOf(() => deviceInputFromFlags({ ...base, jumpKey: join(dir, 'nope') }, {}))).toMatchObject({ field: 'jump.auth.privateKey', message: expect.stringMatching(/^--jump-key: cannot read /) });
    expect(errorOf(() => deviceInputFromFlags({ ...base, jump: undefined, jumpKey: keyFile }, {}))).toMatchObject({ field: 'jump', message: "--jump: --jump-key is the jump host's login, and there is no --jump" });
  });

  it('refuses a jump login on a local or serial device', () => {
    expect(errorOf(() => deviceInputFromFlags({ name: 'x', local: true, jumpPasswordEnv: 'JPW' }, { JPW: 'pw' }))).toMatchObject({ field: 'jump' });
    expect(errorOf(() => deviceInputFromFlags({ name: 'x', serial: '/dev/ttyUSB0', jumpKey: keyFile }, {}))).toMatchObject({ field: 'serial', message: expect.stringContaining('not with --jump-key') });
  });

  it('puts --host-key and --jump-host-key into the profile itself, checked like the form checks them', () => {
    const fp = 'SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s';
    const other = 'SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU';
    expect(deviceInputFromFlags({ ...base, hostKey: fp, jumpHostKey: other }, {})).toMatchObject({ hostKeySha256: fp, jump: { hostKeySha256: other } });
    expect(errorOf(() => deviceInputFromFlags({ ...base, hostKey: 'SHA256:short' }, {}))).toMatchObject({ field: 'hostKeySha256', message: expect.stringMatching(/^--host-key: host key fingerprint must look like SHA256:/) });
    expect(errorOf(() => deviceInputFromFlags({ ...base, jumpHostKey: 'md5:aa' }, {}))).toMatchObject({ field: 'jump.hostKeySha256', message: expect.stringMatching(/^--jump-host-key: host key fingerprint must look like SHA256:/) });
    expect(errorOf(() => deviceInputFromFlags({ ...base, jump: undefined, jumpHostKey: fp }, {}))).toMatchObject({ field: 'jump', message: expect.stringContaining('no --jump') });
    expect(errorOf(() => deviceInputFromFlags({ name: 'x', local: true, hostKey: fp }, {}))).toMatchObject({ field: 'hostKeySha256' });
    expect(errorOf(() => deviceInputFromFlags({ name: 'x', serial: '/dev/ttyUSB0', hostKey: fp }, {}))).toMatchObject({ field: 'serial', message: expect.stringContaining('not with --host-key') });
  });
});
