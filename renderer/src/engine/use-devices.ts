import { useEffect, useRef, useState } from 'react';
import type { DeviceView } from '../../../shared/domain/device';
import { errorValueOf, type ErrorValue } from '../../../shared/domain/errors';
import type { DeviceStatus } from '../../../shared/domain/status';
import { useEngine } from './EngineContext';

export interface DevicesState {
  devices: DeviceView[];
  statusById: Record<string, DeviceStatus>;
  /** False until the first list arrives, so the UI does not flash the welcome screen. */
  loaded: boolean;
  loadError: ErrorValue | null;
}

export interface Devices extends DevicesState {
  /** Fetch again now, e.g. after this console changed a device (devices.changed follows anyway). */
  refresh(): void;
}

function byDeviceId(statuses: DeviceStatus[]): Record<string, DeviceStatus> {
  return Object.fromEntries(statuses.map((s) => [s.deviceId, s]));
}

/** The device list and each device's status: fetched on every (re)connect, then kept live by events. */
export function useDevices(): Devices {
  const { client, epoch } = useEngine();
  const [state, setState] = useState<DevicesState>({ devices: [], statusById: {}, loaded: false, loadError: null });
  // Bumped by every pushed event, so a fetch that started earlier cannot overwrite newer news.
  const devicesSeq = useRef(0);
  const statusSeq = useRef(0);
  const [refreshes, setRefreshes] = useState(0);

  useEffect(() => {
    const offDevices = client.on('devices.changed', ({ devices }) => {
      devicesSeq.current++;
      setState((s) => ({ ...s, devices, loaded: true }));
    });
    const offStatus = client.on('device.status', (status) => {
      statusSeq.current++;
      setState((s) => ({ ...s, statusById: { ...s.statusById, [status.deviceId]: status } }));
    });
    return () => {
      offDevices();
      offStatus();
    };
  }, [client]);

  useEffect(() => {
    if (epoch === 0) return;
    let cancelled = false;
    const seenDevices = devicesSeq.current;
    const seenStatus = statusSeq.current;
    Promise.all([client.call('devices.list'), client.call('devices.status')]).then(
      ([devices, statuses]) => {
        if (cancelled) return;
        setState((s) => ({
          devices: devicesSeq.current === seenDevices ? devices : s.devices,
          statusById: statusSeq.current === seenStatus ? byDeviceId(statuses) : { ...byDeviceId(statuses), ...s.statusById },
          loaded: true,
          loadError: null,
        }));
      },
      (err: unknown) => {
        if (!cancelled) setState((s) => ({ ...s, loadError: errorValueOf(err) }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client, epoch, refreshes]);

  return { ...state, refresh: () => setRefreshes((n) => n + 1) };
}
