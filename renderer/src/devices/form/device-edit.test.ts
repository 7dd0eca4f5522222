import { describe, expect, it } from 'vitest';
import { deviceView } from '../device-view.fixture';
import { validateDeviceEdit } from './device-edit';
import { deviceFormFrom, emptyInstance, type DeviceFormValues } from './form-values';

const KEY = 'SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s';
const TEXTS = { secretRequired: 'need secret', jumpSecretRequired: 'need jump secret' };
const stored = deviceView();
const edit = (original: typeof stored, change: (v: DeviceFormValues) => DeviceFormValues) => validateDeviceEdit(change(deviceFormFrom(original)), original, TEXTS);

describe('editing an SSH device', () => {
  it('sends nothing when nothing changed', () => {
    expect(edit(stored, (v) => v)).toEqual({ ok: true, value: {} });
  });

  it('sends only what changed and keeps the stored secret when the secret fields are empty', () => {
    expect(edit(stored, (v) => ({ ...v, pollIntervalMs: 500, host: 'ptp-gm.lab' }))).toEqual({ ok: true, value: { pollIntervalMs: 500, host: 'ptp-gm.lab' } });
  });

  it('sends a new secret when one is typed', () => {
    expect(edit(stored, (v) => ({ ...v, auth: { ...v.auth, password: 'new' } }))).toEqual({ ok: true, value: { auth: { kind: 'password', password: 'new' } } });
  });

  it('requires the new secret when the authentication kind changes, on the input that holds it', () => {
    expect(edit(stored, (v) => ({ ...v, auth: { ...v.auth, kind: 'privateKey' } }))).toEqual({ ok: false, errors: { privateKey: 'need secret' }, formError: null });
    expect(edit(stored, (v) => ({ ...v, auth: { ...v.auth, kind: 'keyboardInteractive' } }))).toEqual({ ok: false, errors: { password: 'need secret' }, formError: null });
  });

  it('switches to ssh-agent without a secret, and keeps it without resending', () => {
    expect(edit(stored, (v) => ({ ...v, auth: { ...v.auth, kind: 'agent' } }))).toEqual({ ok: true, value: { auth: { kind: 'agent' } } });
    expect(edit(deviceView({ authKind: 'agent' }), (v) => v)).toEqual({ ok: true, value: {} });
  });

  it('sends a changed expected key, and keeps the stored one when the field is emptied', () => {
    const pinned = deviceView({ hostKeySha256: KEY });
    const other = 'SHA256:' + 'A'.repeat(43);
    expect(edit(pinned, (v) => ({ ...v, hostKeySha256: other }))).toEqual({ ok: true, value: { hostKeySha256: other } });
    expect(edit(pinned, (v) => ({ ...v, hostKeySha256: '' }))).toEqual({ ok: true, value: {} });
  });

  it('validates changed fields with the DevicePatch schema, on their inputs', () => {
    const result = edit(stored, (v) => ({ ...v, instances: [{ ...v.instances[0]!, udsPath: 'relative/path' }] }));
    expect(result.ok ? null : result.errors).toEqual({ 'instances.0.udsPath': expect.stringMatching(/absolute/) });
  });
});

describe('editing instances', () => {
  const bc = deviceView({
    instances: [
      { name: 'eth0', udsPath: '/var/run/ptp4l-eth0', configPath: '/etc/eth0.conf', log: { kind: 'journal', unit: 'ptp4l@eth0' } },
      { name: 'eth1', udsPath: '/var/run/ptp4l-eth1', log: { kind: 'file', path: '/var/log/eth1.log' } },
    ],
  });

  it('reads the stored list back unchanged (nothing to send)', () => {
    expect(edit(bc, (v) => v)).toEqual({ ok: true, value: {} });
  });

  it('sends the whole new list when one instance is added, removed or changed', () => {
    const added = edit(bc, (v) => ({ ...v, instances: [...v.instances, emptyInstance('eth2', '/var/run/ptp4l-eth2')] }));
    expect(added.ok && added.value.instances?.map((i) => i.name)).toEqual(['eth0', 'eth1', 'eth2']);
    const removed = edit(bc, (v) => ({ ...v, instances: v.instances.slice(1) }));
    expect(removed).toEqual({ ok: true, value: { instances: [{ name: 'eth1', udsPath: '/var/run/ptp4l-eth1', log: { kind: 'file', path: '/var/log/eth1.log' } }] } });
    const noLog = edit(bc, (v) => ({ ...v, instances: v.instances.map((i, n) => (n === 0 ? { ...i, logKind: 'none' as const } : i)) }));
    expect(noLog.ok && noLog.value.instances?.[0]).toEqual({ name: 'eth0', udsPath: '/var/run/ptp4l-eth0', configPath: '/etc/eth0.conf' });
  });
});

describe('an instance with a restart command (set by the CLI or an earlier edit)', () => {
  const pushable = deviceView({ instances: [{ name: 'ptp4l', udsPath: '/var/run/ptp4l', configPath: '/etc/ptp4l.conf', restartCommand: ['systemctl', 'restart', 'ptp4l@eth0'] }] });

  it('keeps it through an edit of something else, and reads it back unchanged', () => {
    expect(edit(pushable, (v) => v)).toEqual({ ok: true, value: {} });
    const renamed = edit(pushable, (v) => ({ ...v, instances: [{ ...v.instances[0]!, configPath: '/etc/linuxptp/ptp4l.conf' }] }));
    expect(renamed.ok && renamed.value.instances?.[0]?.restartCommand).toEqual(['systemctl', 'restart', 'ptp4l@eth0']);
  });

  it('sends a changed one as its words, leaves it out when emptied, and refuses shell syntax on its input', () => {
    const changed = edit(pushable, (v) => ({ ...v, instances: [{ ...v.instances[0]!, restartCommand: '  /usr/local/sbin/restart-ptp4l   eth0 ' }] }));
    expect(changed.ok && changed.value.instances?.[0]?.restartCommand).toEqual(['/usr/local/sbin/restart-ptp4l', 'eth0']);
    const emptied = edit(pushable, (v) => ({ ...v, instances: [{ ...v.instances[0]!, restartCommand: '' }] }));
    expect(emptied.ok && emptied.value.instances?.[0]).toEqual({ name: 'ptp4l', udsPath: '/var/run/ptp4l', configPath: '/etc/ptp4l.conf' });
    const hostile = edit(pushable, (v) => ({ ...v, instances: [{ ...v.instances[0]!, restartCommand: 'systemctl restart ptp4l;reboot' }] }));
    expect(hostile.ok ? null : hostile.errors).toEqual({ 'instances.0.restartCommand': expect.stringMatching(/shell/) });
  });
});

describe('editing the jump host', () => {
  const viaJump = deviceView({ jump: { host: 'bastion.lab', sshPort: 22, user: 'ops', authKind: null, hostKeySha256: KEY } });
  const ownLogin = deviceView({ jump: { host: 'bastion.lab', sshPort: 22, user: 'ops', authKind: 'password', hostKeySha256: KEY } });

  it('keeps a jump host nothing was changed on', () => {
    expect(edit(viaJump, (v) => v)).toEqual({ ok: true, value: {} });
    expect(edit(ownLogin, (v) => v)).toEqual({ ok: true, value: {} });
  });

  it('adds one, sending it whole', () => {
    const added = edit(stored, (v) => ({ ...v, jump: { ...v.jump, enabled: true, host: 'bastion.lab', user: 'ops' } }));
    expect(added).toEqual({ ok: true, value: { jump: { host: 'bastion.lab', sshPort: 22, user: 'ops' } } });
  });

  it('goes direct when switched off', () => {
    expect(edit(viaJump, (v) => ({ ...v, jump: { ...v.jump, enabled: false } }))).toEqual({ ok: true, value: { jump: null } });
  });

  it('a changed jump host with its own login needs its secret again (the engine replaces the login)', () => {
    expect(edit(ownLogin, (v) => ({ ...v, jump: { ...v.jump, sshPort: 2222 } }))).toEqual({ ok: false, errors: { 'jump.password': 'need jump secret' }, formError: null });
    const typed = edit(ownLogin, (v) => ({ ...v, jump: { ...v.jump, sshPort: 2222, auth: { ...v.jump.auth, password: 'jp' } } }));
    expect(typed).toEqual({ ok: true, value: { jump: { host: 'bastion.lab', sshPort: 2222, user: 'ops', auth: { kind: 'password', password: 'jp' }, hostKeySha256: KEY } } });
  });

  it('switching the jump host to the device’s login sends it without auth', () => {
    expect(edit(ownLogin, (v) => ({ ...v, jump: { ...v.jump, ownAuth: false } }))).toEqual({ ok: true, value: { jump: { host: 'bastion.lab', sshPort: 22, user: 'ops', hostKeySha256: KEY } } });
  });
});

describe('editing a serial device', () => {
  const console1 = deviceView({
    transport: 'serial',
    host: null,
    sshPort: null,
    user: 'root',
    authKind: null,
    serial: { path: '/dev/ttyUSB0', baudRate: 115200, dataBits: 8, parity: 'none', stopBits: 1, flowControl: 'none' },
  });

  it('reads the stored line settings and login user back unchanged', () => {
    const values = deviceFormFrom(console1);
    expect(values.serial).toEqual({ path: '/dev/ttyUSB0', baudRate: 115200, dataBits: 8, parity: 'none', stopBits: 1, flowControl: 'none', user: 'root', password: '' });
    expect(edit(console1, (v) => v)).toEqual({ ok: true, value: {} });
  });

  it('sends the whole line when one setting changes, and a typed console password', () => {
    expect(edit(console1, (v) => ({ ...v, serial: { ...v.serial, baudRate: 9600, password: 'pw' } }))).toEqual({
      ok: true,
      value: { serial: { path: '/dev/ttyUSB0', baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1, flowControl: 'none' }, password: 'pw' },
    });
  });

  it('shows a bad new port path on its input', () => {
    const result = edit(console1, (v) => ({ ...v, serial: { ...v.serial, path: 'ttyUSB0' } }));
    expect(result.ok ? null : Object.keys(result.errors)).toEqual(['serial.path']);
  });
});
