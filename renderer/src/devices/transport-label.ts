import { deviceTarget, type DeviceView } from '../../../shared/domain/device';

/** How an operator writes where a device is: `ssh ptp@192.0.2.10:22`, `ssh [fe80::1]:22`, `serial /dev/ttyUSB0 @ 115200`, or `local`. */
export function transportLabel(device: DeviceView, localLabel: string): string {
  const target = deviceTarget(device);
  return target === null ? localLabel : `${device.transport} ${target}`;
}
