import { describe, expect, it } from 'vitest';
import { deviceFormFrom, emptyDeviceForm } from './form-values';
import { validateDeviceEdit } from './device-edit';
import { validateNewDevice } from './new-device';
import { formFieldOf } from './form-fields';
import { en } from '../../i18n/en';
import { zhCN } from '../../i18n/zh-CN';
import { deviceView } from '../device-view.fixture';

const local = { ...emptyDeviceForm(), transport: 'local' as const, name: 'tsn-box' };

describe('the device form\'s TSN interfaces', () => {
  it('puts a comma-separated list on a new profile, and nothing when empty (the default list)', () => {
    const r = validateNewDevice({ ...local, tsnInterfaces: ' eth0, enp3s0 ,' });
    expect(r.ok && r.value.tsnInterfaces).toEqual(['eth0', 'enp3s0']);
    const d = validateNewDevice({ ...local, tsnInterfaces: '' });
    expect(d.ok && 'tsnInterfaces' in d.value).toBe(false);
  });

  it('refuses a hostile name under the field, with the rule in English and Chinese', () => {
    const r = validateNewDevice({ ...local, tsnInterfaces: 'eth0, eth0; reboot' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors)).toEqual(['tsnInterfaces']);
    expect(formFieldOf('patch.tsnInterfaces.1', 'ssh')).toBe('tsnInterfaces');
    expect(zhCN.tsn.deviceForm.invalid).toContain('Linux 接口名');
    expect(en.tsn.deviceForm.invalid).toContain('Linux interface name');
  });

  it('edits send the list only when it changed, and null to go back to the default', () => {
    const stored = { ...deviceView({ transport: 'local', name: 'tsn-box' }), tsnInterfaces: ['eth0'] };
    const values = deviceFormFrom(stored);
    expect(values.tsnInterfaces).toBe('eth0');
    const same = validateDeviceEdit(values, stored);
    expect(same.ok && same.value).toEqual({});
    const changed = validateDeviceEdit({ ...values, tsnInterfaces: 'eth0,eth1' }, stored);
    expect(changed.ok && changed.value).toEqual({ tsnInterfaces: ['eth0', 'eth1'] });
    const cleared = validateDeviceEdit({ ...values, tsnInterfaces: ' ' }, stored);
    expect(cleared.ok && cleared.value).toEqual({ tsnInterfaces: null });
  });
});
