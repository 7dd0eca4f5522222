import type { DeviceView } from '../../../shared/domain/device';

/** A stored SSH device as the engine lists it, for tests of UI helpers. */
export function deviceView(overrides: Partial<DeviceView> = {}): DeviceView {
  return {
    id: 'dev-1',
    name: 'gm-lab-1',
    transport: 'ssh',
    host: '192.0.2.10',
    sshPort: 22,
    user: 'ptp',
    authKind: 'password',
    udsPath: '/var/run/ptp4l',
    instances: [{ name: 'ptp4l', udsPath: '/var/run/ptp4l' }],
    jump: null,
    pollIntervalMs: 1000,
    hostKeySha256: null,
    serial: null,
    createdAtMs: 0,
    updatedAtMs: 0,
    ...overrides,
  };
}
