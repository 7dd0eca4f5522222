import { describe, expect, it } from 'vitest';
import { optionNamed } from '../../../shared/ptpconf';
import { globalFields, portFields } from './form-fields';

describe('the ptp4l.conf form reads linuxptp’s option table', () => {
  it('offers the release’s own names, enum values and defaults', () => {
    const old = globalFields('3.1');
    expect(old.map((f) => f.option)).toContain('slaveOnly');
    expect(old.find((f) => f.option === 'delay_mechanism')?.values).toEqual(['E2E', 'P2P', 'Auto']);
    const now = globalFields('4.4');
    expect(now.map((f) => f.option)).toContain('clientOnly');
    expect(now.find((f) => f.option === 'delay_mechanism')?.values).toEqual(['E2E', 'P2P', 'Auto', 'COMMON_P2P', 'NONE']);
    expect(now.find((f) => f.option === 'priority1')).toEqual({ option: 'priority1', kind: 'number', values: [], defaultValue: '128' });
  });

  it('puts only per-port options in a port section', () => {
    for (const f of portFields('4.4')) expect(optionNamed(f.option)?.scope).toBe('port');
    expect(portFields('3.1').map((f) => f.option)).toContain('masterOnly');
  });
});
