import { ColorSwatch, Tooltip } from '@mantine/core';
import type { Alarm } from '../../../shared/alarms/alarm-model';
import { useAlarms } from './use-alarms';
import { useAlarmsText } from './use-alarms-text';

/** The worst firing (unacknowledged, unsilenced) alarm of each device: what its status dot shows. */
export function useDeviceAlarms(): Map<string, Alarm[]> {
  const byDevice = new Map<string, Alarm[]>();
  for (const a of useAlarms('active').value ?? []) {
    if (a.state !== 'firing' || a.silenced || a.deviceId === null) continue;
    byDevice.set(a.deviceId, [...(byDevice.get(a.deviceId) ?? []), a]);
  }
  return byDevice;
}

/** A red (critical) or yellow (warning) dot beside a device's status while an alarm of it fires; its tooltip names them. */
export function DeviceAlarmDot({ deviceName, alarms }: { deviceName: string; alarms: Alarm[] | undefined }) {
  const { text } = useAlarmsText();
  if (!alarms?.length) return null;
  const critical = alarms.some((a) => a.severity === 'critical');
  return (
    <Tooltip label={alarms.map((a) => a.summary).join('\n')} multiline maw={420} withArrow>
      <ColorSwatch component="span" size={10} ml={6} color={critical ? 'var(--mantine-color-red-6)' : 'var(--mantine-color-yellow-5)'} aria-label={text.nav} data-testid={`device-alarm-dot-${deviceName}`} data-severity={critical ? 'critical' : 'warning'} />
    </Tooltip>
  );
}
