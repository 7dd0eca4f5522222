import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { zhCN } from '../../i18n/zh-CN';
import { validationTextKey } from './field-text';
import type { IssueText } from './form-result';
import { emptyDeviceForm, emptyInstance, type DeviceFormValues } from './form-values';
import { validateNewDevice } from './new-device';

const lookup = (root: unknown, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], root) as string;
const inLanguage =
  (resource: typeof en): IssueText =>
  (field, issue) => {
    const key = validationTextKey(field, issue);
    return key ? lookup(resource, key) : issue.message;
  };
const chinese = inLanguage(zhCN);
const errorsOf = (values: Partial<DeviceFormValues>) => {
  const result = validateNewDevice({ ...emptyDeviceForm(), ...values }, chinese);
  if (result.ok) throw new Error('accepted');
  return result.errors;
};

describe("form validation in the operator's language", () => {
  it('turns schema issues on SSH fields into translated texts', () => {
    expect(errorsOf({ name: '', host: 'bad host!', user: 'ptp', auth: { kind: 'password', password: 'x', privateKey: '', passphrase: '' }, sshPort: 99999, pollIntervalMs: 5 })).toEqual({
      name: zhCN.validation.nameEmpty,
      host: zhCN.validation.hostFormat,
      sshPort: zhCN.validation.sshPortRange,
      pollIntervalMs: zhCN.validation.pollIntervalMin,
    });
  });

  it('uses the same texts for the jump host’s inputs as for the device’s', () => {
    const jump = { ...emptyDeviceForm().jump, enabled: true, host: '', user: 'x y', sshPort: 0 };
    const errors = errorsOf({ name: 'd', host: 'h', user: 'u', auth: { kind: 'agent', password: '', privateKey: '', passphrase: '' }, jump });
    expect(errors).toEqual({ 'jump.host': zhCN.validation.hostEmpty, 'jump.user': zhCN.validation.userFormat, 'jump.sshPort': zhCN.validation.sshPortRange });
  });

  it('translates serial and instance issues', () => {
    const serial = { ...emptyDeviceForm().serial, path: '' };
    const instances = [emptyInstance('a', '/run/a'), { ...emptyInstance('a', '/run/b'), logKind: 'journal' as const, logUnit: '-x' }, { ...emptyInstance('c', '/run/c'), configPath: 'etc/c.conf' }];
    expect(errorsOf({ transport: 'serial', name: 'c1', serial, instances })).toEqual({
      'serial.path': zhCN.deviceForm.validation.serialPathEmpty,
      'instances.1.name': zhCN.deviceForm.validation.instanceNameTwice,
      'instances.1.logUnit': zhCN.deviceForm.validation.unitFormat,
      'instances.2.configPath': zhCN.deviceForm.validation.devicePathFormat,
    });
  });

  it("keeps the schema's English for an issue it has no text for", () => {
    expect(validationTextKey('transport', { code: 'invalid_union' })).toBeNull();
    expect(validationTextKey('sshPort', { code: 'not_multiple_of' })).toBeNull();
  });

  it('every text the table names exists in both languages', () => {
    const fields = ['name', 'host', 'jump.sshPort', 'password', 'privateKey', 'serial.path', 'serial.baudRate', 'instances.0.name', 'instances.0.udsPath', 'instances.0.logPath', 'instances.0.logUnit', 'instances', 'pollIntervalMs'] as const;
    for (const field of fields) {
      for (const code of ['too_small', 'too_big', 'invalid_format', 'invalid_type', 'custom']) {
        const key = validationTextKey(field, { code });
        if (key) for (const resource of [en, zhCN]) expect(typeof lookup(resource, key), `${field}/${code}`).toBe('string');
      }
    }
  });
});
