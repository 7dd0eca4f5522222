import type { DeviceView } from '../../../shared/domain/device';

/** How an operator writes where a device is: `ssh ptp@192.0.2.10:22`, `ssh [fe80::1]:22`, or `local`. */
export function transportLabel(device: DeviceView, localLabel: string): string {
  if (device.transport === 'local') return localLabel;
  const host = device.host?.includes(':') ? `[${device.host}]` : (device.host ?? '?');
  const user = device.user ? `${device.user}@` : '';
  return `ssh ${user}${host}:${device.sshPort ?? 22}`;
}
