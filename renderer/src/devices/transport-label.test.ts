import { describe, expect, it } from 'vitest';
import type { DeviceView } from '../../../shared/domain/device';
import { transportLabel } from './transport-label';

const base: DeviceView = {
  id: 'dev-1',
  name: 'gm',
  transport: 'ssh',
  host: '192.0.2.10',
  sshPort: 22,
  user: 'ptp',
  authKind: 'password',
  udsPath: '/var/run/ptp4l',
  pollIntervalMs: 1000,
  hostKeySha256: null,
  createdAtMs: 0,
  updatedAtMs: 0,
};

describe('transportLabel', () => {
  it('writes SSH devices as user@host:port', () => {
    expect(transportLabel(base, 'local')).toBe('ssh ptp@192.0.2.10:22');
  });

  it('brackets IPv6 hosts so the port stays readable', () => {
    expect(transportLabel({ ...base, host: 'fe80::1', sshPort: 2222 }, 'local')).toBe('ssh ptp@[fe80::1]:2222');
  });

  it('names local devices in the UI language', () => {
    expect(transportLabel({ ...base, transport: 'local', host: null, sshPort: null, user: null }, '本机')).toBe('本机');
  });
});
