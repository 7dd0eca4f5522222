import { describe, expect, it } from 'vitest';
import { optionChanges, PTPCONF_CHECKER } from './config-checker';

describe('the checker the config push uses', () => {
  it("validates in the contract's shape for the device's version, English text line-numbered", () => {
    const v = PTPCONF_CHECKER.validate('[global]\nclientOnly 1\npriority1 300\n', '3.1.1-6.el8');
    expect(v).toEqual({
      ok: false,
      checkedBy: 'ptp4l.conf table for linuxptp 3.1',
      issues: [
        { severity: 'error', line: 2, option: 'clientOnly', message: 'Line 2: clientOnly is not in linuxptp 3.1; it first appears in 4.0.' },
        { severity: 'error', line: 3, option: 'priority1', message: 'Line 3: 300 is out of range for priority1 (0 to 255).' },
      ],
    });
    expect(PTPCONF_CHECKER.validate('[global]\nclientOnly 1\n', null)).toMatchObject({ ok: true, checkedBy: 'ptp4l.conf table for linuxptp 4.4' });
  });

  it('lists option changes by section and reads [global] values as ptp4l does (the last wins)', () => {
    const before = '[global]\npriority1 128\nverbose 1\n[eth0]\nlogSyncInterval 0\n';
    const after = '# new\n[global]\npriority1 127\n[eth0]\nlogSyncInterval -3\ndelay_mechanism P2P\n';
    expect(optionChanges(before, after)).toEqual([
      { section: 'global', option: 'priority1', from: '128', to: '127' },
      { section: 'eth0', option: 'logSyncInterval', from: '0', to: '-3' },
      { section: 'eth0', option: 'delay_mechanism', from: null, to: 'P2P' },
      { section: 'global', option: 'verbose', from: '1', to: null },
    ]);
    expect(PTPCONF_CHECKER.globalValue('[global]\npriority1 1\npriority1 2\n[eth0]\npriority1 3\n', 'priority1')).toBe('2');
    expect(PTPCONF_CHECKER.globalValue('[eth0]\npriority1 3\n', 'priority1')).toBeNull();
  });
});
