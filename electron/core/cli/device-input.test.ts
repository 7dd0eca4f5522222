import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deviceInputFromFlags } from './device-input';
import { errorOf } from '../../../test/support/error-of';

describe('device add flags', () => {
  it('reads the password from the named environment variable, never from argv', () => {
    const input = deviceInputFromFlags({ name: 's1', host: '10.1.2.3', user: 'root', passwordEnv: 'LAB_PW', sshPort: '2222', uds: '/run/ptp4l', interval: '500' }, { LAB_PW: 'pw' });
    expect(input).toEqual({ transport: 'ssh', name: 's1', host: '10.1.2.3', user: 'root', sshPort: 2222, instances: [{ name: 'ptp4l', udsPath: '/run/ptp4l' }], pollIntervalMs: 500, auth: { kind: 'password', password: 'pw' } });
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

  it('takes repeatable --instance NAME:UDS_PATH[:CONFIG_PATH] and a --jump [USER@]HOST[:PORT] whose user defaults to the device\'s', () => {
    const input = deviceInputFromFlags({ name: 'bc', host: '10.0.0.2', user: 'root', auth: 'agent', instance: ['eth0:/run/ptp4l-eth0:/etc/linuxptp/eth0.conf', 'eth1:/run/ptp4l-eth1'], jump: 'bastion.lab:2222' }, {});
    expect(input).toMatchObject({
      auth: { kind: 'agent' },
      instances: [{ name: 'eth0', udsPath: '/run/ptp4l-eth0', configPath: '/etc/linuxptp/eth0.conf' }, { name: 'eth1', udsPath: '/run/ptp4l-eth1' }],
      jump: { host: 'bastion.lab', sshPort: 2222, user: 'root' },
    });
    expect(deviceInputFromFlags({ name: 'v6', host: 'h', user: 'root', auth: 'agent', jump: 'hop@[2001:db8::1]' }, {})).toMatchObject({ jump: { host: '2001:db8::1', sshPort: 22, user: 'hop' } });
  });

  it('logs in keyboard-interactive with the password from the environment', () => {
    expect(deviceInputFromFlags({ name: 'k', host: 'h', user: 'root', keyboardInteractive: true, passwordEnv: 'P' }, { P: 'pw-kbd' })).toMatchObject({ auth: { kind: 'keyboardInteractive', password: 'pw-kbd' } });
    expect(errorOf(() => deviceInputFromFlags({ name: 'k', host: 'h', user: 'root', keyboardInteractive: true }, {}))).toMatchObject({ field: 'auth.password', message: expect.stringContaining('--password-env') });
  });

  it('names the flag of a bad instance or jump host, and keeps shell syntax off the profile', () => {
    expect(errorOf(() => deviceInputFromFlags({ name: 'x', host: 'h', user: 'root', auth: 'agent', instance: ['eth0'] }, {}))).toMatchObject({ message: expect.stringMatching(/^--instance: "eth0" is not NAME:UDS_PATH/) });
    expect(errorOf(() => deviceInputFromFlags({ name: 'x', host: 'h', user: 'root', auth: 'agent', instance: ['a:/run/a', 'b:/run/$(reboot)'] }, {}))).toMatchObject({ field: 'instances.1.udsPath', message: expect.stringMatching(/^--instance \(instances\.1\.udsPath\): UDS path must be an absolute path/) });
    expect(errorOf(() => deviceInputFromFlags({ name: 'x', host: 'h', user: 'root', auth: 'agent', uds: '/run/a', instance: ['a:/run/a'] }, {}))).toMatchObject({ message: expect.stringContaining('either udsPath (one instance) or instances') });
    expect(errorOf(() => deviceInputFromFlags({ name: 'x', host: 'h', user: 'root', auth: 'agent', jump: 'a@b@c' }, {}))).toMatchObject({ field: 'jump', message: expect.stringMatching(/^--jump: /) });
    expect(errorOf(() => deviceInputFromFlags({ name: 'x', host: 'h', user: 'root', auth: 'agent', jump: 'hop@bad_host;id' }, {}))).toMatchObject({ field: 'jump.host' });
    expect(errorOf(() => deviceInputFromFlags({ name: 'x', local: true, jump: 'hop@b' }, {}))).toMatchObject({ field: 'jump' });
  });
});
