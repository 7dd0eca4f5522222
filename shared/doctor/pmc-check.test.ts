import { describe, expect, it } from 'vitest';
import { findingText } from './checks';
import { checkPmc, type PmcProbeResult } from './pmc-check';

const base: PmcProbeResult = { instance: 'ptp4l', udsPath: '/var/run/ptp4l', udsAccess: 'writable', exitCode: 0, answered: true, readOnlySocket: null };

describe('the pmc check', () => {
  it('says which way pmc cannot reach ptp4l, and what to do', () => {
    expect(checkPmc(base)).toMatchObject({ check: 'pmc', status: 'ok', textId: 'doctor.pmc.ok' });
    expect(checkPmc({ ...base, udsAccess: 'not-writable', answered: false })).toMatchObject({ status: 'fail', textId: 'doctor.pmc.permission' });
    expect(checkPmc({ ...base, udsAccess: 'missing', answered: false })).toMatchObject({ status: 'fail', textId: 'doctor.pmc.no-socket' });
    expect(checkPmc({ ...base, exitCode: 127, answered: false })).toMatchObject({ status: 'fail', textId: 'doctor.pmc.missing' });
    expect(checkPmc({ ...base, answered: false })).toMatchObject({ status: 'fail', textId: 'doctor.pmc.no-answer' });
  });

  it('a login refused the read-write socket that monitors through the read-only one is a warning naming both sockets', () => {
    const f = checkPmc({ ...base, udsAccess: 'not-writable', readOnlySocket: '/var/run/ptp4lro' });
    expect(f).toMatchObject({ status: 'warn', textId: 'doctor.pmc.read-only', params: { uds: '/var/run/ptp4l', ro: '/var/run/ptp4lro' } });
    expect(findingText(f, 'en').message).toBe('The login may not write /var/run/ptp4l (instance ptp4l); Syncscope monitors through the read-only socket /var/run/ptp4lro instead, polling only.');
  });

  it('the permission fix names root, the read-only socket and the group, in both languages', () => {
    const f = checkPmc({ ...base, udsAccess: 'not-writable' });
    expect(findingText(f, 'en').hint).toMatch(/Log in as root.*read-only socket \(`uds_ro_address`.*uds_file_mode 0660/);
    expect(findingText(f, 'zh-CN').hint).toMatch(/root.*只读套接字.*uds_file_mode 0660/);
  });
});
