import { describe, expect, it } from 'vitest';
import { deviceView } from './device-view.fixture';
import { transportLabel } from './transport-label';

const base = deviceView({ name: 'gm' });

describe('transportLabel', () => {
  it('writes SSH devices as user@host:port', () => {
    expect(transportLabel(base, 'local')).toBe('ssh ptp@192.0.2.10:22');
  });

  it('brackets IPv6 hosts so the port stays readable', () => {
    expect(transportLabel({ ...base, host: 'fe80::1', sshPort: 2222 }, 'local')).toBe('ssh ptp@[fe80::1]:2222');
  });

  it('writes serial devices as their port and baud rate', () => {
    const serial = { path: '/dev/ttyUSB0', baudRate: 115200, dataBits: 8, parity: 'none', stopBits: 1, flowControl: 'none' } as const;
    expect(transportLabel({ ...base, transport: 'serial', host: null, sshPort: null, user: null, serial }, 'local')).toBe('serial /dev/ttyUSB0 @ 115200');
  });

  it('names local devices in the UI language', () => {
    expect(transportLabel({ ...base, transport: 'local', host: null, sshPort: null, user: null }, '本机')).toBe('本机');
  });
});
