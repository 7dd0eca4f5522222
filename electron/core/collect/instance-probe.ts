import { errorValueOf } from '../../../shared/domain/errors';
import type { PtpInstance } from '../../../shared/domain/device';
import type { LinuxptpVersion } from '../../../shared/doctor/linuxptp-version';
import { chooseSocket, probeArgv, readUdsProbe, type SocketChoice } from '../../../shared/ptp/uds-probe';
import type { DeviceEvent } from '../../../shared/series/device-event';
import type { DeviceTransport } from '../transport/transport';

/** How long the probe before each pmc start (`ptp4l -v`, the sockets) may take; past it, pmc starts as configured. */
export const PROBE_TIMEOUT_MS = 3_000;

export interface ProbeTarget {
  deviceId: string;
  instance: PtpInstance;
  /** A missing socket may be replaced by a default path; false for a device with several instances. */
  defaultSockets: boolean;
}

/**
 * What one instance's device offers, asked before each (re)start of its pmc in one command
 * (shared/ptp/uds-probe.ts): the linuxptp version and the socket pmc should use. Remembers the
 * socket changes it announced, so each is said once as a `notice` event.
 */
export class InstanceProbe {
  version: LinuxptpVersion | null = null;
  versionText: string | null = null;
  socket: SocketChoice;
  /** What the last probe found, in a few words each (the diagnostics notes). */
  notes: string[] = [];
  private readonly announced = new Set<string>();

  constructor(private readonly target: ProbeTarget) {
    this.socket = { path: target.instance.udsPath, readOnly: false, reason: null };
  }

  /** Probes; a probe that fails leaves the last knowledge as it was (pmc then says what is wrong). Returns a notice for a new socket change. */
  async run(transport: DeviceTransport, signal: AbortSignal): Promise<DeviceEvent | null> {
    const configured = this.target.instance.udsPath;
    try {
      const res = await transport.exec(probeArgv(configured, this.target.instance.configPath), { timeoutMs: PROBE_TIMEOUT_MS, maxOutputBytes: 16 * 1024, signal });
      const probe = readUdsProbe(res.stdout);
      this.version = probe.version;
      this.versionText = probe.versionText;
      this.socket = chooseSocket(configured, probe, this.target.defaultSockets);
    } catch (err) {
      if (signal.aborted) throw err;
      this.notes = [`probing the device failed: ${errorValueOf(err).message}`];
      return null;
    }
    const { path, reason } = this.socket;
    this.notes = [
      this.versionText ? `linuxptp ${this.versionText}` : 'linuxptp version unknown (ptp4l -v gave nothing)',
      reason === 'default-socket'
        ? `no socket at ${configured}; using the default ${path}`
        : reason === 'read-only-socket'
          ? `this login may not write ${configured}; polling the read-only socket ${path} (GET only, no pushed port states)`
          : `socket ${path}`,
    ];
    const key = `${reason}|${path}`;
    if (reason === null || this.announced.has(key)) return null;
    this.announced.add(key);
    const to = reason === 'default-socket' ? 'uds-default-socket' : 'uds-read-only-socket';
    return { deviceId: this.target.deviceId, instance: this.target.instance.name, kind: 'notice', from: null, to, detail: { severity: 'warning', subject: path, configured, source: 'pmc' }, tMs: Date.now() };
  }
}
