import { deviceView } from './device-view.fixture';
import { describe, expect, it } from 'vitest';
import { catalogError, errorText } from '../../../shared/errors/catalog';
import { zhCN } from '../i18n/zh-CN';
import {
  deviceFormFrom,
  emptyDeviceForm,
  firstInvalidField,
  formErrorsOfEngine,
  formFieldOf,
  validateDeviceEdit,
  validateNewDevice,
  type DeviceFormValues,
  type FormField,
  type IssueText,
} from './device-form-model';
import { validationKey } from './validation-text';

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
        instances: [{ name: 'ptp4l', udsPath: '/var/run/ptp4l' }],
        pollIntervalMs: 1000,
      },
    });
  });

  it('drops SSH fields for a local device', () => {
    const result = validateNewDevice(form({ transport: 'local', name: 'this-host', host: 'ignored', password: '' }));
    expect(result.ok && result.value).toEqual({ transport: 'local', name: 'this-host', instances: [{ name: 'ptp4l', udsPath: '/var/run/ptp4l' }], pollIntervalMs: 1000 });
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

  const englishLabel = (field: FormField) => field;
  const chineseLabel = (field: FormField) => zhCN.form[field];

  it('shows a field error under its input without repeating the field name', () => {
    const err = { code: 'invalid-input' as const, message: 'host: host must be an IP address or a DNS name', field: 'host' };
    expect(formErrorsOfEngine(err, err.message, englishLabel)).toEqual({
      errors: { host: 'host must be an IP address or a DNS name' },
      formError: null,
    });
  });

  it("shows a catalog refusal under its input in the operator's language, without the label prefix", () => {
    const taken = catalogError('device.name-taken', { name: 'ss-s1' }, { field: 'name' });
    expect(formErrorsOfEngine(taken, errorText(taken, 'zh-CN').message, chineseLabel).errors).toEqual({ name: '已存在名为“ss-s1”的设备。' });
    expect(formErrorsOfEngine(taken, errorText(taken, 'en').message, englishLabel).errors).toEqual({ name: 'a device named "ss-s1" exists already.' });
  });

  it('shows an error without a field for the whole form', () => {
    const err = { code: 'ssh-auth' as const, message: 'SSH login refused', hint: 'Check the password' };
    expect(formErrorsOfEngine(err, err.message, englishLabel)).toEqual({ errors: {}, formError: err });
  });
});

describe("form validation in the operator's language", () => {
  const chinese: IssueText = (field, issue) => {
    const key = validationKey(field, issue);
    return key ? zhCN.validation[key] : issue.message;
  };

  it('turns schema issues on known fields into translated texts', () => {
    const result = validateNewDevice(form({ name: '', host: 'bad host!', user: 'ptp', password: 'x', sshPort: 99999, pollIntervalMs: 5 }), chinese);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      name: zhCN.validation.nameEmpty,
      host: zhCN.validation.hostFormat,
      sshPort: zhCN.validation.sshPortRange,
      pollIntervalMs: zhCN.validation.pollIntervalMin,
    });
  });

  it("keeps the schema's English for an issue it has no text for", () => {
    expect(validationKey('transport', { code: 'invalid_union' })).toBeNull();
    expect(validationKey('sshPort', { code: 'not_multiple_of' })).toBeNull();
  });
});

describe('the port and the expected host key', () => {
  const KEY = 'SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s';

  it('refuses port 99999 instead of turning it into another port', () => {
    const result = validateNewDevice(form({ name: 'a', host: 'h', user: 'u', password: 'p', sshPort: 99999 }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.sshPort).toMatch(/1–65535/);
  });

  it('carries an expected host key into a new device, and refuses a malformed one on its field', () => {
    const ok = validateNewDevice(form({ name: 'a', host: 'h', user: 'u', password: 'p', hostKeySha256: ` ${KEY} ` }));
    expect(ok.ok && ok.value.transport === 'ssh' && ok.value.hostKeySha256).toBe(KEY);
    const bad = validateNewDevice(form({ name: 'a', host: 'h', user: 'u', password: 'p', hostKeySha256: 'MD5:aa:bb' }));
    expect(bad.ok ? null : Object.keys(bad.errors)).toEqual(['hostKeySha256']);
  });

  it('sends a changed expected key in an edit, and keeps the stored one when the field is emptied', () => {
    const pinned = deviceView({ hostKeySha256: KEY });
    const other = 'SHA256:' + 'A'.repeat(43);
    expect(validateDeviceEdit({ ...deviceFormFrom(pinned), hostKeySha256: other }, pinned, 'need secret')).toEqual({ ok: true, value: { hostKeySha256: other } });
    expect(validateDeviceEdit({ ...deviceFormFrom(pinned), hostKeySha256: '' }, pinned, 'need secret')).toEqual({ ok: true, value: {} });
  });

  it('names the first invalid field in the order the form shows them', () => {
    expect(firstInvalidField({ pollIntervalMs: 'x', privateKey: 'y', name: 'z' })).toBe('name');
    expect(firstInvalidField({ udsPath: 'x', hostKeySha256: 'y' })).toBe('hostKeySha256');
    expect(firstInvalidField({})).toBeNull();
  });
});
