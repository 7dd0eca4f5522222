import { describe, expect, it } from 'vitest';
import { emptyDeviceForm, emptyInstance, type DeviceFormValues } from './form-values';
import { validateNewDevice } from './new-device';

const PEM = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n';
const KEY = 'SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s';
const DEFAULT_INSTANCES = [{ name: 'ptp4l', udsPath: '/var/run/ptp4l' }];

function form(overrides: Partial<DeviceFormValues>): DeviceFormValues {
  return { ...emptyDeviceForm(), ...overrides };
}
const ssh = (overrides: Partial<DeviceFormValues> = {}) => form({ name: 'gm-lab-1', host: '192.0.2.10', user: 'ptp', auth: { ...emptyDeviceForm().auth, password: 'secret' }, ...overrides });
const valueOf = (values: DeviceFormValues) => {
  const result = validateNewDevice(values);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.errors)} ${JSON.stringify(result.formError)}`);
  return result.value;
};
const errorsOf = (values: DeviceFormValues) => {
  const result = validateNewDevice(values);
  if (result.ok) throw new Error('accepted');
  return result.errors;
};

describe('a new SSH device', () => {
  it('becomes a DeviceInput with the defaults applied (port 22, one ptp4l instance, 1 s polling)', () => {
    expect(valueOf(ssh({ sshPort: '' }))).toEqual({
      transport: 'ssh',
      name: 'gm-lab-1',
      host: '192.0.2.10',
      sshPort: 22,
      user: 'ptp',
      auth: { kind: 'password', password: 'secret' },
      instances: DEFAULT_INSTANCES,
      pollIntervalMs: 1000,
    });
  });

  it('sends each auth kind with only the secret it needs', () => {
    const auth = (over: Partial<DeviceFormValues['auth']>) => ({ password: 'pw', privateKey: PEM, passphrase: '', ...over }) as DeviceFormValues['auth'];
    const authOf = (a: DeviceFormValues['auth']) => {
      const v = valueOf(ssh({ auth: a }));
      return v.transport === 'ssh' ? v.auth : null;
    };
    expect(authOf(auth({ kind: 'password' }))).toEqual({ kind: 'password', password: 'pw' });
    expect(authOf(auth({ kind: 'keyboardInteractive' }))).toEqual({ kind: 'keyboardInteractive', password: 'pw' });
    expect(authOf(auth({ kind: 'privateKey' }))).toEqual({ kind: 'privateKey', privateKey: PEM });
    expect(authOf(auth({ kind: 'privateKey', passphrase: 'pp' }))).toEqual({ kind: 'privateKey', privateKey: PEM, passphrase: 'pp' });
    expect(authOf(auth({ kind: 'agent' }))).toEqual({ kind: 'agent' });
  });

  it('needs the secret of the chosen kind, on that input', () => {
    expect(errorsOf(ssh({ auth: { kind: 'keyboardInteractive', password: '', privateKey: '', passphrase: '' } }))).toEqual({ password: 'password is empty' });
    expect(Object.keys(errorsOf(ssh({ auth: { kind: 'privateKey', password: 'x', privateKey: 'not a key', passphrase: '' } })))).toEqual(['privateKey']);
  });

  it('puts each schema message on the input it belongs to', () => {
    const errors = errorsOf(ssh({ name: '', host: 'bad host!', sshPort: 99999, pollIntervalMs: 5, hostKeySha256: 'MD5:aa:bb' }));
    expect(Object.keys(errors).sort()).toEqual(['host', 'hostKeySha256', 'name', 'pollIntervalMs', 'sshPort']);
    expect(errors.sshPort).toMatch(/1–65535/);
  });

  it('carries a trimmed expected host key', () => {
    const v = valueOf(ssh({ hostKeySha256: ` ${KEY} ` }));
    expect(v.transport === 'ssh' && v.hostKeySha256).toBe(KEY);
  });
});

describe('a jump host', () => {
  const jump = (over: Partial<DeviceFormValues['jump']>) => ({ ...emptyDeviceForm().jump, enabled: true, host: '10.231.57.20', user: 'root', ...over });
  const jumpOf = (values: DeviceFormValues) => {
    const v = valueOf(values);
    return v.transport === 'ssh' ? v.jump : null;
  };

  it('is left out while switched off, whatever its inputs hold', () => {
    expect(jumpOf(ssh({ jump: { ...jump({}), enabled: false, host: 'bad host!' } }))).toBeUndefined();
  });

  it('logs in as the device does unless given its own login', () => {
    expect(jumpOf(ssh({ jump: jump({ sshPort: '' }) }))).toEqual({ host: '10.231.57.20', sshPort: 22, user: 'root' });
    const own = jump({ ownAuth: true, sshPort: 2222, hostKeySha256: KEY, auth: { kind: 'keyboardInteractive', password: 'jp', privateKey: '', passphrase: '' } });
    expect(jumpOf(ssh({ jump: own }))).toEqual({ host: '10.231.57.20', sshPort: 2222, user: 'root', auth: { kind: 'keyboardInteractive', password: 'jp' }, hostKeySha256: KEY });
    expect(jumpOf(ssh({ jump: jump({ ownAuth: true, auth: { kind: 'agent', password: '', privateKey: '', passphrase: '' } }) }))).toEqual({ host: '10.231.57.20', sshPort: 22, user: 'root', auth: { kind: 'agent' } });
  });

  it('shows its errors on the jump inputs, not on the device’s', () => {
    const errors = errorsOf(ssh({ jump: jump({ host: '', user: 'bad user!', sshPort: 0, hostKeySha256: 'nope', ownAuth: true, auth: { kind: 'privateKey', password: '', privateKey: '', passphrase: '' } }) }));
    expect(Object.keys(errors).sort()).toEqual(['jump.host', 'jump.hostKeySha256', 'jump.privateKey', 'jump.sshPort', 'jump.user']);
  });
});

describe('a new serial device', () => {
  const serial = (over: Partial<DeviceFormValues['serial']> = {}) => form({ transport: 'serial', name: 'c1', host: 'ignored', serial: { ...emptyDeviceForm().serial, path: '/dev/ttyUSB0', ...over } });

  it('takes the port and the 115200 8N1 defaults, and no login when none is given', () => {
    expect(valueOf(serial())).toEqual({
      transport: 'serial',
      name: 'c1',
      serial: { path: '/dev/ttyUSB0', baudRate: 115200, dataBits: 8, parity: 'none', stopBits: 1, flowControl: 'none' },
      instances: DEFAULT_INSTANCES,
      pollIntervalMs: 1000,
    });
  });

  it('carries the line settings and the console login', () => {
    const v = valueOf(serial({ path: ' COM3 ', baudRate: 9600, dataBits: 7, parity: 'even', stopBits: 2, flowControl: 'rtscts', user: 'root', password: 'pw' }));
    expect(v).toMatchObject({ serial: { path: 'COM3', baudRate: 9600, dataBits: 7, parity: 'even', stopBits: 2, flowControl: 'rtscts' }, user: 'root', password: 'pw' });
  });

  it('refuses a missing or hostile port path and an odd baud rate on their inputs', () => {
    expect(Object.keys(errorsOf(serial({ path: '' })))).toEqual(['serial.path']);
    expect(Object.keys(errorsOf(serial({ path: '/dev/tty;reboot' })))).toEqual(['serial.path']);
    expect(Object.keys(errorsOf(serial({ path: '/dev/../etc/passwd' })))).toEqual(['serial.path']);
    expect(Object.keys(errorsOf(serial({ baudRate: 12345 })))).toEqual(['serial.baudRate']);
  });

  it('shows a bad console user on the serial section’s user input', () => {
    expect(Object.keys(errorsOf(serial({ user: 'bad user!' })))).toEqual(['serial.user']);
  });
});

describe('a local device', () => {
  it('drops the SSH and serial inputs', () => {
    expect(valueOf(form({ transport: 'local', name: 'this-host', host: 'ignored', serial: { ...emptyDeviceForm().serial, path: 'bad' } }))).toEqual({
      transport: 'local',
      name: 'this-host',
      instances: DEFAULT_INSTANCES,
      pollIntervalMs: 1000,
    });
  });
});

describe('ptp4l instances', () => {
  const local = (instances: DeviceFormValues['instances']) => form({ transport: 'local', name: 'bc-1', instances });

  it('sends every instance with its optional config path and log source, empty optional inputs left out', () => {
    const instances = [
      { ...emptyInstance('eth0', ' /var/run/ptp4l-eth0 '), configPath: '/etc/linuxptp/eth0.conf', logKind: 'file' as const, logPath: '/var/log/ptp4l-eth0.log', logUnit: 'ignored' },
      { ...emptyInstance('eth1', '/var/run/ptp4l-eth1'), logKind: 'journal' as const, logUnit: 'ptp4l@eth1.service', logPath: 'ignored' },
      { ...emptyInstance('eth2', '/var/run/ptp4l-eth2'), configPath: '  ', logKind: 'none' as const, logPath: '/x', logUnit: 'y' },
    ];
    expect(valueOf(local(instances)).instances).toEqual([
      { name: 'eth0', udsPath: '/var/run/ptp4l-eth0', configPath: '/etc/linuxptp/eth0.conf', log: { kind: 'file', path: '/var/log/ptp4l-eth0.log' } },
      { name: 'eth1', udsPath: '/var/run/ptp4l-eth1', log: { kind: 'journal', unit: 'ptp4l@eth1.service' } },
      { name: 'eth2', udsPath: '/var/run/ptp4l-eth2' },
    ]);
  });

  it('puts errors on the instance and input they are about', () => {
    const errors = errorsOf(
      local([
        emptyInstance('eth0', '/var/run/a'),
        { ...emptyInstance('eth0', 'relative'), configPath: '/etc/../shadow' },
        { ...emptyInstance('bad name!', '/var/run/c'), logKind: 'journal', logUnit: '-evil' },
        { ...emptyInstance('eth3', '/var/run/d'), logKind: 'file', logPath: '' },
      ]),
    );
    expect(errors).toEqual({
      'instances.1.name': 'instance name "eth0" is used twice',
      'instances.1.udsPath': expect.stringMatching(/absolute/),
      'instances.1.configPath': 'path must not contain ".."',
      'instances.2.name': expect.stringMatching(/instance name/),
      'instances.2.logUnit': expect.stringMatching(/systemd unit/),
      'instances.3.logPath': expect.stringMatching(/absolute/),
    });
  });

  it('needs at least one and at most eight', () => {
    expect(errorsOf(local([]))).toEqual({ instances: 'a device needs at least one ptp4l instance' });
    const nine = Array.from({ length: 9 }, (_, i) => emptyInstance(`i${i}`, `/var/run/p${i}`));
    expect(errorsOf(local(nine))).toEqual({ instances: 'a device may have at most 8 ptp4l instances' });
  });
});
