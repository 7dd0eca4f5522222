import { describe, expect, it } from 'vitest';
import { errorOf } from '../../../test/support/error-of';
import { deviceInputFromFlags } from './device-input';

describe('device add --serial flags', () => {
  it('builds a serial profile with line settings and the console login (password from the environment)', () => {
    const input = deviceInputFromFlags({ name: 'c1', serial: '/dev/ttyUSB0', baud: '9600', dataBits: '7', parity: 'even', stopBits: '2', flowControl: 'rtscts', user: 'root', passwordEnv: 'CONSOLE_PW', sshPort: '22' }, { CONSOLE_PW: 'pw' });
    expect(input).toEqual({
      transport: 'serial',
      name: 'c1',
      serial: { path: '/dev/ttyUSB0', baudRate: 9600, dataBits: 7, parity: 'even', stopBits: 2, flowControl: 'rtscts' },
      user: 'root',
      password: 'pw',
      instances: [{ name: 'ptp4l', udsPath: '/var/run/ptp4l' }],
      pollIntervalMs: 1000,
    });
    expect(deviceInputFromFlags({ name: 'c2', serial: 'COM3' }, {})).toMatchObject({ transport: 'serial', serial: { path: 'COM3', baudRate: 115200, dataBits: 8, parity: 'none', stopBits: 1, flowControl: 'none' } });
  });

  it('names the flag to fix, and refuses SSH options and hostile paths', () => {
    expect(errorOf(() => deviceInputFromFlags({ name: 'c1', serial: '/dev/ttyUSB0', baud: '12345' }, {}))).toMatchObject({ message: expect.stringMatching(/^--baud/) });
    expect(errorOf(() => deviceInputFromFlags({ name: 'c1', serial: '/dev/ttyUSB0', stopBits: '3' }, {}))).toMatchObject({ field: 'serial.stopBits' });
    expect(errorOf(() => deviceInputFromFlags({ name: 'c1', serial: '/dev/tty$(reboot)' }, {}))).toMatchObject({ message: expect.stringMatching(/^--serial/) });
    expect(errorOf(() => deviceInputFromFlags({ name: 'c1', serial: '/dev/ttyUSB0', host: '10.0.0.1' }, {}))).toMatchObject({ field: 'serial', message: expect.stringContaining('--host') });
    expect(errorOf(() => deviceInputFromFlags({ name: 'c1', serial: '/dev/ttyUSB0', user: 'root', passwordEnv: 'NOPE' }, {}))).toMatchObject({ field: 'password', message: expect.stringContaining('--password-env') });
  });
});
