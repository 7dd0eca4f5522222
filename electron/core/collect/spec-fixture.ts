import type { DeviceConnectSpec } from '../store/devices-repo';

/** A device profile for tests: SSH as root with a password, polling every 200 ms; override what a test is about. */
export function sshSpec(over: Partial<DeviceConnectSpec> = {}): DeviceConnectSpec {
  return {
    id: 'dev-1',
    name: 'dut',
    transport: 'ssh',
    host: '127.0.0.1',
    sshPort: 22,
    user: 'root',
    authKind: 'password',
    auth: { kind: 'password', password: 'not-used' },
    udsPath: '/var/run/ptp4l',
    instances: [{ name: 'ptp4l', udsPath: '/var/run/ptp4l' }],
    jump: null,
    pollIntervalMs: 200,
    hostKeySha256: null,
    serial: null,
    createdAtMs: 0,
    updatedAtMs: 0,
    ...over,
    // A test that sets udsPath alone means the one instance at that path.
    ...(over.udsPath !== undefined && over.instances === undefined ? { instances: [{ name: 'ptp4l', udsPath: over.udsPath }] } : {}),
  };
}
