import { setTimeout as sleep } from 'node:timers/promises';
import { errorValueOf, SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import { SshTransport } from '../transport/ssh-transport';
import type { DeviceTransport } from '../transport/transport';
import type { DeviceFiles, FilesOwner } from './device-files';
import { SftpFiles } from './sftp-files';
import { ShellFiles } from './shell-files';

/** The device as a push step uses it: commands, and files. */
export interface DeviceIo {
  transport: DeviceTransport;
  files: DeviceFiles;
}

export const CONNECT_TIMEOUT_MS = 15_000;
/** How long a push keeps trying to reach a device that dropped mid-push, to roll it back. */
export const RECONNECT_WINDOW_MS = 60_000;

/**
 * One push's way to the device: its own connection (an SSH device), or the collector's for a serial
 * console (one port, one shell). When the connection drops, the next io() reconnects the same
 * transport; reconnect() keeps trying for a while, for a rollback that must happen.
 */
export class PushSession {
  private files: DeviceFiles | null = null;
  /** Temporary files a dropped connection left on the device: removed once it is back. */
  private leftovers: string[] = [];

  constructor(
    private readonly transport: DeviceTransport,
    /** Closed with the session (false: the collector's, left open). */
    private readonly owned: boolean,
    readonly owner: FilesOwner,
  ) {}

  /** True while the connection is up; a step that failed with it down failed because it went. */
  get connected(): boolean {
    return this.transport.state === 'connected';
  }

  async io(): Promise<DeviceIo> {
    if (!this.connected) {
      this.dropped();
      await this.transport.connect({ signal: AbortSignal.timeout(CONNECT_TIMEOUT_MS) });
    }
    if (!this.files) {
      const files = (this.files = await filesFor(this.transport, this.owner));
      const left = this.leftovers;
      this.leftovers = [];
      for (const tmp of left) await files.removeTemp(tmp);
    }
    return { transport: this.transport, files: this.files };
  }

  /** The files of the connection that dropped are gone with it: the next io() opens new ones (and removes what the old ones left). */
  dropped(): void {
    this.leftovers.push(...(this.files?.leftovers.splice(0) ?? []));
    this.files?.close();
    this.files = null;
  }

  /** Reaches the device again within `windowMs` (waiting 1, 2, 4 … s between tries), or says it could not. */
  async reconnect(windowMs: number, backup: string | null): Promise<DeviceIo> {
    const deadline = performance.now() + windowMs;
    let wait = 1_000;
    for (;;) {
      try {
        return await this.io();
      } catch (err) {
        if (performance.now() + wait > deadline) {
          throw new SyncscopeError(
            catalogError('config-push.reconnect-failed', { device: this.owner.device, seconds: Math.round(windowMs / 1000), detail: errorValueOf(err).message, backup: backup ?? '(none was made)' }, { deviceId: this.owner.deviceId }),
          );
        }
        await sleep(wait);
        wait = Math.min(wait * 2, 8_000);
      }
    }
  }

  close(): void {
    this.files?.close();
    this.files = null;
    if (this.owned) this.transport.close();
  }
}

/** SFTP on an SSH connection whose server offers it; short shell commands everywhere else. */
async function filesFor(transport: DeviceTransport, owner: FilesOwner): Promise<DeviceFiles> {
  if (transport instanceof SshTransport) {
    try {
      return new SftpFiles(await transport.sftp(AbortSignal.timeout(CONNECT_TIMEOUT_MS)), owner);
    } catch (err) {
      // A server without the sftp subsystem refuses the channel: fall back. A dropped connection is the caller's to see.
      if (transport.state !== 'connected') throw err;
    }
  }
  return new ShellFiles(transport, owner);
}
