import type { DeviceView } from '../../../shared/domain/device';
import type { DeviceStatus } from '../../../shared/domain/status';

/**
 * Devices the operator disconnected (profile flag `disconnected`, kept across restarts): the pool
 * runs no collector for them, so their transport is closed (a serial console logged out, its port
 * released) and each shows the status `disconnected` until it is connected again.
 */
export class DisconnectedDevices {
  private readonly statuses = new Map<string, DeviceStatus>();
  /** Connected again since the last sync: their collector's first settled state comes from `disconnected`. */
  private readonly resumed = new Set<string>();

  /**
   * Splits the device list into the devices to run and the disconnected ones. `live` is a device's
   * status while its collector still runs (before this sync stops it): its last sample time stays on
   * the row. Returns the devices disconnected by this sync: their new status and the one they leave.
   */
  split(devices: readonly DeviceView[], live: (id: string) => DeviceStatus | null): { running: DeviceView[]; newly: { status: DeviceStatus; left: DeviceStatus | null }[] } {
    const running: DeviceView[] = [];
    const newly: { status: DeviceStatus; left: DeviceStatus | null }[] = [];
    const wanted = new Set<string>();
    for (const d of devices) {
      if (!d.disconnected) {
        if (this.statuses.delete(d.id)) this.resumed.add(d.id);
        running.push(d);
        continue;
      }
      wanted.add(d.id);
      if (this.statuses.has(d.id)) continue;
      const left = live(d.id);
      const status: DeviceStatus = { deviceId: d.id, connection: 'disconnected', portState: null, lastError: null, lastSampleAtMs: left?.lastSampleAtMs ?? null, nextRetryAtMs: null };
      this.statuses.set(d.id, status);
      newly.push({ status, left });
    }
    for (const id of this.statuses.keys()) if (!wanted.has(id)) this.statuses.delete(id);
    return { running, newly };
  }

  /** Whether the device was connected again by the last sync (asked once, by its new collector's sinks). */
  takeResumed(id: string): boolean {
    return this.resumed.delete(id);
  }

  all(): DeviceStatus[] {
    return [...this.statuses.values()];
  }
}
