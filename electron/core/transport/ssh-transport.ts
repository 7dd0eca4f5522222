import { createHash } from 'node:crypto';
import { Client, type ConnectConfig } from 'ssh2';
import type { SshAuthInput } from '../../../shared/domain/device';
import { SyncscopeError } from '../../../shared/domain/errors';
import { shellCommand } from '../../../shared/shell/quote';
import { classifySshError, type SshTarget } from './ssh-errors';
import {
  DEFAULT_EXEC_TIMEOUT_MS,
  DEFAULT_MAX_OUTPUT_BYTES,
  OutputBuffer,
  type DeviceTransport,
  type ExecOptions,
  type ExecResult,
  type TransportState,
} from './transport';

export interface SshTransportOptions extends SshTarget {
  auth: SshAuthInput;
  /** SHA256 fingerprint (OpenSSH form, `SHA256:…`) accepted before; null on first contact. */
  knownHostKey: string | null;
  /** Called once when a first-contact host key is accepted, so the owner can remember it. */
  onNewHostKey?: (fingerprint: string) => void;
  readyTimeoutMs?: number;
}

/** Non-login SSH sessions of ordinary users often lack /usr/sbin, where Debian installs pmc and ptp4l. */
const PATH_PREFIX = 'PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"; export PATH; exec ';

export function hostKeyFingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/** One persistent ssh2 connection per device; every poll is a channel on it, not a new login. */
export class SshTransport implements DeviceTransport {
  readonly kind = 'ssh';
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private _state: TransportState = 'idle';
  private readonly disconnectListeners = new Set<(reason: string) => void>();

  constructor(private readonly opts: SshTransportOptions) {}

  get state(): TransportState {
    return this._state;
  }

  connect(): Promise<void> {
    if (this._state === 'connected') return Promise.resolve();
    if (this.connecting) return this.connecting;
    this._state = 'connecting';
    this.connecting = new Promise<void>((resolve, reject) => {
      const client = new Client();
      let mismatch: string | null = null;
      let settled = false;
      const fail = (err: unknown) => {
        if (settled) return;
        settled = true;
        this._state = 'idle';
        this.connecting = null;
        client.removeAllListeners();
        client.on('error', () => undefined);
        client.end();
        if (mismatch) {
          reject(
            new SyncscopeError({
              code: 'ssh-host-key-changed',
              message: `The SSH host key of ${this.opts.host}:${this.opts.port} changed (now ${mismatch}).`,
              hint: 'If the device was reinstalled, remove it from Syncscope and add it again to accept the new key; otherwise someone may be intercepting the connection.',
              ...(this.opts.deviceId ? { deviceId: this.opts.deviceId } : {}),
            }),
          );
        } else {
          reject(new SyncscopeError(classifySshError(err, this.opts)));
        }
      };
      client.once('ready', () => {
        settled = true;
        this.client = client;
        this._state = 'connected';
        this.connecting = null;
        client.on('error', () => undefined);
        client.once('close', () => this.dropped('connection closed'));
        resolve();
      });
      client.once('error', fail);
      client.once('close', () => fail(new Error('connection closed during the handshake')));
      const config: ConnectConfig = {
        host: this.opts.host,
        port: this.opts.port,
        username: this.opts.user,
        readyTimeout: this.opts.readyTimeoutMs ?? 10_000,
        keepaliveInterval: 5_000,
        keepaliveCountMax: 3,
        hostVerifier: (key: Buffer) => {
          const fp = hostKeyFingerprint(key);
          if (this.opts.knownHostKey && this.opts.knownHostKey !== fp) {
            mismatch = fp;
            return false;
          }
          if (!this.opts.knownHostKey) {
            this.opts.knownHostKey = fp;
            this.opts.onNewHostKey?.(fp);
          }
          return true;
        },
        ...(this.opts.auth.kind === 'password'
          ? { password: this.opts.auth.password, tryKeyboard: false }
          : { privateKey: this.opts.auth.privateKey, ...(this.opts.auth.passphrase ? { passphrase: this.opts.auth.passphrase } : {}) }),
      };
      try {
        client.connect(config);
      } catch (err) {
        // ssh2 throws synchronously for a key it cannot parse.
        const why = err instanceof Error ? err.message : String(err);
        fail(Object.assign(new Error(`the private key cannot be used: ${why}`), { level: 'client-authentication' }));
      }
    });
    return this.connecting;
  }

  exec(argv: readonly string[], opts: ExecOptions = {}): Promise<ExecResult> {
    const client = this.client;
    if (!client || this._state !== 'connected') {
      return Promise.reject(new SyncscopeError({ code: 'ssh-disconnected', message: `Not connected to ${this.opts.host}.`, hint: 'Syncscope reconnects on the next poll.' }));
    }
    const started = performance.now();
    const timeoutMs = opts.timeoutMs ?? DEFAULT_EXEC_TIMEOUT_MS;
    const cap = opts.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
    return new Promise<ExecResult>((resolve, reject) => {
      client.exec(PATH_PREFIX + shellCommand(argv), (err, channel) => {
        if (err) {
          reject(new SyncscopeError(classifySshError(err, this.opts)));
          return;
        }
        const out = new OutputBuffer(cap);
        const errOut = new OutputBuffer(cap);
        let exitCode: number | null = null;
        const timer = setTimeout(() => {
          channel.close();
          reject(
            new SyncscopeError({
              code: 'ssh-timeout',
              message: `"${argv[0] ?? ''}" on ${this.opts.host} did not finish within ${timeoutMs} ms.`,
              hint: 'The device may be overloaded, or the command hangs.',
              ...(this.opts.deviceId ? { deviceId: this.opts.deviceId } : {}),
            }),
          );
        }, timeoutMs);
        channel.on('data', (d: Buffer) => out.push(d));
        channel.stderr.on('data', (d: Buffer) => errOut.push(d));
        channel.on('exit', (code: number | null) => {
          exitCode = typeof code === 'number' ? code : null;
        });
        channel.on('close', () => {
          clearTimeout(timer);
          resolve({ stdout: out.text(), stderr: errOut.text(), exitCode, durationMs: performance.now() - started });
        });
      });
    });
  }

  onDisconnect(listener: (reason: string) => void): () => void {
    this.disconnectListeners.add(listener);
    return () => this.disconnectListeners.delete(listener);
  }

  close(): void {
    const client = this.client;
    this.client = null;
    this._state = 'closed';
    client?.removeAllListeners('close');
    client?.end();
  }

  private dropped(reason: string): void {
    if (this._state !== 'connected') return;
    this.client = null;
    this._state = 'idle';
    for (const fn of this.disconnectListeners) fn(reason);
  }
}
