import { deviceView } from './device-view.fixture';
import { describe, expect, it } from 'vitest';
import {
  deviceFormFrom,
  emptyDeviceForm,
  formErrorsOfEngine,
  formFieldOf,
  validateDeviceEdit,
  validateNewDevice,
  type DeviceFormValues,
} from './device-form-model';

const PEM = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n';

function form(overrides: Partial<DeviceFormValues>): DeviceFormValues {
  return { ...emptyDeviceForm(), ...overrides };
}

const stored = deviceView();

describe('validateNewDevice', () => {
  it('turns a filled SSH form into a DeviceInput with defaults applied', () => {
    const result = validateNewDevice(form({ name: 'gm-lab-1', host: '192.0.2.10', user: 'ptp', password: 'secret', udsPath: '', sshPort: '' }));
    expect(result).toEqual({
      ok: true,
      value: {
        transport: 'ssh',
        name: 'gm-lab-1',
        host: '192.0.2.10',
        sshPort: 22,
        user: 'ptp',
        auth: { kind: 'password', password: 'secret' },
        udsPath: '/var/run/ptp4l',
        pollIntervalMs: 1000,
      },
    });
  });

  it('drops SSH fields for a local device', () => {
    const result = validateNewDevice(form({ transport: 'local', name: 'this-host', host: 'ignored', password: '' }));
    expect(result.ok && result.value).toEqual({ transport: 'local', name: 'this-host', udsPath: '/var/run/ptp4l', pollIntervalMs: 1000 });
  });

  it('puts each schema message on the input it belongs to', () => {
    const result = validateNewDevice(form({ name: '', host: 'bad host!', user: 'ptp', authKind: 'privateKey', privateKey: 'not a key', pollIntervalMs: 5 }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['host', 'name', 'pollIntervalMs', 'privateKey']);
    expect(result.errors.name).toMatch(/name is empty/);
    expect(result.errors.privateKey).toMatch(/PEM/);
    expect(result.formError).toBeNull();
  });

  it('keeps an optional passphrase only when given', () => {
    const withPass = validateNewDevice(form({ name: 'a', host: 'h', user: 'u', authKind: 'privateKey', privateKey: PEM, passphrase: 'pp' }));
    const without = validateNewDevice(form({ name: 'a', host: 'h', user: 'u', authKind: 'privateKey', privateKey: PEM }));
    expect(withPass.ok && withPass.value.transport === 'ssh' && withPass.value.auth).toEqual({ kind: 'privateKey', privateKey: PEM, passphrase: 'pp' });
    expect(without.ok && without.value.transport === 'ssh' && without.value.auth).toEqual({ kind: 'privateKey', privateKey: PEM });
  });
});

describe('validateDeviceEdit', () => {
  it('sends only what changed and keeps the stored secret when the secret fields are empty', () => {
    const result = validateDeviceEdit({ ...deviceFormFrom(stored), pollIntervalMs: 500, host: 'ptp-gm.lab' }, stored, 'need secret');
    expect(result).toEqual({ ok: true, value: { pollIntervalMs: 500, host: 'ptp-gm.lab' } });
  });

  it('sends a new secret when one is typed', () => {
    const result = validateDeviceEdit({ ...deviceFormFrom(stored), password: 'new' }, stored, 'need secret');
    expect(result).toEqual({ ok: true, value: { auth: { kind: 'password', password: 'new' } } });
  });

  it('requires the new secret when the authentication kind changes', () => {
    const result = validateDeviceEdit({ ...deviceFormFrom(stored), authKind: 'privateKey' }, stored, 'need secret');
    expect(result).toEqual({ ok: false, errors: { privateKey: 'need secret' }, formError: null });
  });

  it('validates changed fields with the DevicePatch schema', () => {
    const result = validateDeviceEdit({ ...deviceFormFrom(stored), udsPath: 'relative/path' }, stored, 'need secret');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.udsPath).toMatch(/absolute/);
  });
});

describe('engine errors on the form', () => {
  it('maps dotted engine fields, with or without the update wrapper, to inputs', () => {
    expect(formFieldOf('auth.password')).toBe('password');
    expect(formFieldOf('patch.name')).toBe('name');
    expect(formFieldOf(['auth', 'kind'])).toBe('authKind');
    expect(formFieldOf('request')).toBeNull();
  });

  it('shows a field error under its input without repeating the field name', () => {
    expect(formErrorsOfEngine({ code: 'invalid-input', message: 'host: host must be an IP address or a DNS name', field: 'host' })).toEqual({
      errors: { host: 'host must be an IP address or a DNS name' },
      formError: null,
    });
  });

  it('shows an error without a field for the whole form', () => {
    const err = { code: 'ssh-auth' as const, message: 'SSH login refused', hint: 'Check the password' };
    expect(formErrorsOfEngine(err)).toEqual({ errors: {}, formError: err });
  });
});
