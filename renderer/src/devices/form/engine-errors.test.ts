import { describe, expect, it } from 'vitest';
import { catalogError, errorText } from '../../../../shared/errors/catalog';
import { zhCN } from '../../i18n/zh-CN';
import { formErrorsOfEngine } from './engine-errors';
import { fieldLabelKey } from './field-text';
import type { FormField } from './form-fields';

const englishLabel = (field: FormField) => field;
const chineseLabel = (field: FormField) => fieldLabelKey(field).split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], zhCN) as string;

describe('engine refusals on the form', () => {
  it('shows a field error under its input without repeating the field name', () => {
    const err = { code: 'invalid-input' as const, message: 'host: host must be an IP address or a DNS name', field: 'host' };
    expect(formErrorsOfEngine(err, err.message, 'ssh', englishLabel)).toEqual({ errors: { host: 'host must be an IP address or a DNS name' }, formError: null });
  });

  it('puts a refusal of a nested field on that input', () => {
    const err = { code: 'invalid-input' as const, message: 'instances.1.udsPath: UDS path must not contain ".."', field: 'patch.instances.1.udsPath' };
    expect(formErrorsOfEngine(err, err.message, 'ssh', englishLabel).errors).toEqual({ 'instances.1.udsPath': 'UDS path must not contain ".."' });
  });

  it("shows a catalog refusal under its input in the operator's language, without the label prefix", () => {
    const taken = catalogError('device.name-taken', { name: 'ss-s1' }, { field: 'name' });
    expect(formErrorsOfEngine(taken, errorText(taken, 'zh-CN').message, 'ssh', chineseLabel).errors).toEqual({ name: '已存在名为“ss-s1”的设备。' });
    expect(formErrorsOfEngine(taken, errorText(taken, 'en').message, 'ssh', englishLabel).errors).toEqual({ name: 'a device named "ss-s1" exists already.' });
  });

  it('shows an error without a field for the whole form', () => {
    const err = { code: 'ssh-auth' as const, message: 'SSH login refused', hint: 'Check the password' };
    expect(formErrorsOfEngine(err, err.message, 'ssh', englishLabel)).toEqual({ errors: {}, formError: err });
  });
});
