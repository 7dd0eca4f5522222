import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deviceInputFromFlags } from './device-input';
import { errorOf } from '../../../test/support/error-of';

describe('device add flags', () => {
  it('reads the password from the named environment variable, never from argv', () => {
    const input = deviceInputFromFlags({ name: 's1', host: '10.1.2.3', user: 'root', passwordEnv: 'LAB_PW', sshPort: '2222', uds: '/run/ptp4l', interval: '500' }, { LAB_PW: 'pw' });
    expect(input).toEqual({ transport: 'ssh', name: 's1', host: '10.1.2.3', user: 'root', sshPort: 2222, udsPath: '/run/ptp4l', pollIntervalMs: 500, auth: { kind: 'password', password: 'pw' } });
  });

  it('reads a key file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'syncscope-key-'));
    const key = join(dir, 'id');
    writeFileSync(key, '-----BEGIN OPENSSH PRIVATE KEY-----\nAAA\n-----END OPENSSH PRIVATE KEY-----\n');
    const input = deviceInputFromFlags({ name: 's1', host: 'lab-gm.example', user: 'ptp', key }, {});
    expect(input.transport === 'ssh' && input.auth.kind).toBe('privateKey');
  });

  it('names the flag to fix', () => {
    expect(errorOf(() => deviceInputFromFlags({ name: 's1', host: 'h', user: 'root', passwordEnv: 'NOPE' }, {}))).toMatchObject({ field: 'auth.password', message: expect.stringContaining('--password-env: environment variable NOPE') });
    expect(errorOf(() => deviceInputFromFlags({ name: 's1', host: 'h', user: 'root', passwordEnv: 'P', sshPort: '70000' }, { P: 'x' }))).toMatchObject({ field: 'sshPort', message: expect.stringMatching(/^--ssh-port: /) });
    expect(errorOf(() => deviceInputFromFlags({ name: 's1', host: 'h;rm -rf /', user: 'root', passwordEnv: 'P' }, { P: 'x' }))).toMatchObject({ field: 'host' });
    expect(errorOf(() => deviceInputFromFlags({ name: 's1', host: 'h', user: 'root', passwordEnv: 'P', uds: '/run/$(reboot)' }, { P: 'x' }))).toMatchObject({ field: 'udsPath', message: expect.stringMatching(/^--uds: /) });
    expect(errorOf(() => deviceInputFromFlags({ name: 's1', host: 'h', user: 'root' }, {}))).toMatchObject({ field: 'auth' });
    expect(errorOf(() => deviceInputFromFlags({ name: 's1', host: 'h', user: 'root', key: '/nonexistent/key' }, {}))).toMatchObject({ field: 'auth.privateKey' });
  });

  it('accepts a local device without SSH flags', () => {
    expect(deviceInputFromFlags({ name: 'here', local: true }, {})).toMatchObject({ transport: 'local', name: 'here' });
  });
});
