import { createHash } from 'node:crypto';
import { Socket } from 'node:net';
import { Client, type ClientChannel, type ConnectConfig, type SFTPWrapper } from 'ssh2';
import type { SshAuthInput } from '../../../shared/domain/device';
import { SyncscopeError, type ErrorValue } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import { shellCommand } from '../../../shared/shell/quote';
import { ChannelGate } from './channel-gate';
import { deadlineSignal } from './deadline';
import { exitOf, LineStream } from './line-stream';
import { classifySshError, sshError, targetParams, type SshTarget } from './ssh-errors';
import {
  DEFAULT_EXEC_TIMEOUT_MS,
  DEFAULT_MAX_OUTPUT_BYTES,
  OutputBuffer,
  SBIN_DIRS,
  type ConnectOptions,
  type DeviceStream,
  type DeviceTransport,
  type ExecOptions,
  type ExecResult,
  type StreamExit,
  type StreamOptions,
  type TransportState,
} from './transport';

export interface SshTransportOptions extends SshTarget {
  auth: SshAuthInput;
  /**
   * The host key this device must present (OpenSSH `SHA256:…`), set by the operator or remembered
   * from an earlier successful login; null on first contact. A mismatch ends the handshake before
   * any credential is sent.
   */
  knownHostKey: string | null;
  /** Called once, after the first login with an unknown key succeeded, so the owner can remember it. */
  onNewHostKey?: (fingerprint: string) => void;
  /** Bounds TCP connect, key exchange and login together (per hop; paused while verifyHostKey decides). */
  connectTimeoutMs?: number;
  /** One hop before the device, as OpenSSH's ProxyJump. */
  jump?: SshJumpOptions;
  /**
   * Decides a first-contact host key (no key known for that hop) before any credential is sent;
   * true goes on with the login (and the key is pinned once it succeeds). Absent: first contact is trusted.
   * Also asked about a changed key (`expected` is the known one), which it can only refuse: its own
   * way (a rejection) or, resolving either way, as a mismatch.
   */
  verifyHostKey?(fingerprint: string, target: 'device' | 'jump', expected: string | null): Promise<boolean>;
}

export interface SshJumpOptions extends Omit<SshTarget, 'deviceId'> {
  /** Absent: the jump logs in the way the device does (as OpenSSH's ProxyJump). */
  auth?: SshAuthInput;
  /** Checked exactly like the device's. */
  knownHostKey: string | null;
  onNewHostKey?: (fingerprint: string) => void;
}

/** One login on the way to the device. */
interface SshHop extends SshTarget {
  role: 'device' | 'jump';
  auth: SshAuthInput;
  knownHostKey: string | null;
  onNewHostKey?: (fingerprint: string) => void;
}

/** Non-login SSH sessions of ordinary users often lack /usr/sbin, where Debian installs pmc and ptp4l. */
const PATH_PREFIX = `PATH="$PATH:${SBIN_DIRS.join(':')}"; export PATH; exec `;
/**
 * A stream's command runs under this fixed sh script (the command as positional arguments, never
 * spliced in), because closing a channel does not stop its command: OpenSSH refuses `signal`
 * requests for root logins ("session signalling requires privilege separation"), and other servers
 * ignore them. `cat` relays the channel's stdin to the command, after telling it its pid:
 * - when that stdin ends (close() sends EOF; a closed channel or a dropped connection closes it),
 *   TERM goes to the channel's process group (sshd makes each session one), so nothing lingers;
 * - when the command ends by itself, `cat` is stopped (its exit by signal skips the group TERM; the
 *   shell's "Terminated" note about it goes to /dev/null) and
 *   the script exits with the command's status.
 */
export const STREAM_SCRIPT = `{ sh -c 'echo $$; exec cat'; [ $? -ge 128 ] || kill -TERM 0; } 2>/dev/null | { read -r c; "$@"; r=$?; kill "$c" 2>/dev/null; exit $r; }`;
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
const CONNECTION_LOST: StreamExit = { exitCode: null, reason: 'connection lost' };
/** What a server sent before failing is kept up to here, to tell "not SSH at all" from other failures. */
const PEEK_BYTES = 512;

export function hostKeyFingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/** One persistent ssh2 connection per device; every poll is a channel on it, not a new login. */
export class SshTransport implements DeviceTransport {
  readonly kind = 'ssh';
  private client: Client | null = null;
  /** The jump host's connection carrying `client`'s, when the device is reached through one. */
  private jumpClient: Client | null = null;
  private connecting: { promise: Promise<void>; cancel(reason: unknown): void } | null = null;
  private _state: TransportState = 'idle';
  private readonly disconnectListeners = new Set<(reason: string) => void>();
  /** Channels of the current connection: exec and stream share OpenSSH's MaxSessions. */
  private gate = new ChannelGate();
  private readonly streams = new Set<LineStream>();

  constructor(private readonly opts: SshTransportOptions) {}

  get state(): TransportState {
    return this._state;
  }

  connect(options: ConnectOptions = {}): Promise<void> {
    if (this._state === 'closed') return Promise.reject(this.closedError());
    if (this._state === 'connected') return Promise.resolve();
    if (options.signal?.aborted) return Promise.reject(options.signal.reason);
    const attempt = this.connecting ?? (this.connecting = this.startConnect());
    if (!options.signal) return attempt.promise;
    // Each caller may give up on its own; the attempt ends when its caller's signal fires.
    const signal = options.signal;
    const onAbort = () => attempt.cancel(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    return attempt.promise.finally(() => signal.removeEventListener('abort', onAbort));
  }

  private startConnect(): { promise: Promise<void>; cancel(reason: unknown): void } {
    this._state = 'connecting';
    const sock = new Socket();
    const clients: Client[] = [];
    let settle: { resolve(): void; reject(err: unknown): void } | null = null;
    const promise = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));

    const end = (err: unknown) => {
      const s = settle;
      if (!s) return;
      settle = null;
      if (this.connecting?.promise === promise) this.connecting = null;
      if (this._state === 'connecting') this._state = 'idle';
      for (const c of clients) {
        c.removeAllListeners();
        c.on('error', () => undefined);
        c.end();
      }
      sock.destroy();
      s.reject(err);
    };
    const opts = this.opts;
    const device: SshHop = {
      ...opts,
      role: 'device',
      onNewHostKey: (fp) => {
        opts.knownHostKey = fp;
        opts.onNewHostKey?.(fp);
      },
    };
    const jump = this.opts.jump;

    const login = async (): Promise<{ device: Client; jump: Client | null }> => {
      // Nagle would hold each small request (a pmc GET) for the previous one's ACK: ~40 ms an exchange.
      sock.setNoDelay(true);
      if (!jump) {
        sock.connect({ host: device.host, port: device.port });
        return { device: await this.login(device, sock, clients, () => settle !== null), jump: null };
      }
      // ProxyJump: log in to the jump host, open a direct-tcpip channel to the device through it, and
      // run the device's SSH session over that channel. The jump logs in as the device does unless given its own auth.
      const hop: SshHop = {
        ...jump,
        auth: jump.auth ?? opts.auth,
        role: 'jump',
        ...(opts.deviceId ? { deviceId: opts.deviceId } : {}),
        onNewHostKey: (fp) => {
          jump.knownHostKey = fp;
          jump.onNewHostKey?.(fp);
        },
      };
      sock.connect({ host: hop.host, port: hop.port });
      const jumpClient = await this.login(hop, sock, clients, () => settle !== null);
      const tunnel = await new Promise<ClientChannel>((resolve, reject) =>
        jumpClient.forwardOut('127.0.0.1', 0, device.host, device.port, (err, ch) => (err ? reject(new SyncscopeError(forwardError(err, device, hop))) : resolve(ch))),
      );
      return { device: await this.login(device, tunnel, clients, () => settle !== null), jump: jumpClient };
    };

    login().then(
      ({ device: client, jump: jumpClient }) => {
        const s = settle;
        if (!s) return;
        settle = null;
        this.connecting = null;
        this.client = client;
        this.jumpClient = jumpClient;
        this.gate = new ChannelGate();
        this._state = 'connected';
        for (const c of [client, jumpClient]) {
          if (!c) continue;
          c.on('error', () => undefined);
          c.once('close', () => {
            this.dropped(client, 'connection closed');
            // The device's session runs inside the jump's channel: one going takes the other (a
            // dead link would keep a polite end waiting, so the jump's connection is destroyed).
            client.end();
            jumpClient?.destroy();
          });
        }
        s.resolve();
      },
      (err: unknown) => end(err),
    );
    return { promise, cancel: (reason) => end(reason) };
  }

  /**
   * One SSH login over `sock` (a TCP socket, or a channel through a jump host). The host key is
   * checked before any credential is sent; a first-contact key is pinned only after the login succeeded.
   */
  private login(hop: SshHop, sock: Socket | ClientChannel, clients: Client[], stillWanted: () => boolean): Promise<Client> {
    const client = new Client();
    clients.push(client);
    return new Promise<Client>((resolve, reject) => {
      let received = '';
      let presentedKey: string | null = null;
      let refusal: ErrorValue | null = null;
      let timer: NodeJS.Timeout | null = null;
      const timeoutMs = this.opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
      // Our own handshake deadline, paused while the owner decides on a first-contact key.
      const arm = () => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => fail(Object.assign(new Error('handshake timed out'), { level: 'client-timeout' })), timeoutMs);
      };
      const fail = (err: unknown) => {
        if (timer) clearTimeout(timer);
        reject(new SyncscopeError(refusal ?? (isSyncscope(err) ? err.value : classifySshError(err, hop, received))));
      };
      const peek = (d: Buffer) => {
        if (received.length < PEEK_BYTES) received += d.subarray(0, PEEK_BYTES - received.length).toString('latin1');
      };
      sock.on('data', peek);
      client.once('ready', () => {
        if (timer) clearTimeout(timer);
        sock.off('data', peek);
        client.removeAllListeners('close');
        client.removeAllListeners('error');
        // Pinned only now: a key from a login that failed may be an impostor's.
        if (!hop.knownHostKey && presentedKey) {
          hop.knownHostKey = presentedKey;
          hop.onNewHostKey?.(presentedKey);
        }
        resolve(client);
      });
      client.once('error', fail);
      client.once('close', () => fail(Object.assign(new Error('connection closed during the handshake'), { code: 'ECONNRESET' })));
      if (hop.auth.kind === 'keyboardInteractive') {
        const password = hop.auth.password;
        // Every prompt that asks for a password gets it; anything else (a one-time code) gets nothing, and the login fails as it should.
        client.on('keyboard-interactive', (_name, _instructions, _lang, prompts, finish) => finish(prompts.map((pr) => (/pass(word|code|phrase)?/i.test(pr.prompt) ? password : ''))));
      }
      const verifyHostKey = this.opts.verifyHostKey;
      const config: ConnectConfig = {
        sock: sock as ConnectConfig['sock'],
        username: hop.user,
        readyTimeout: 0,
        keepaliveInterval: 5_000,
        keepaliveCountMax: 3,
        // Called after key exchange and before authentication: refusing here sends no credential.
        hostVerifier: (key: Buffer, verify: (ok: boolean) => void) => {
          const fp = hostKeyFingerprint(key);
          presentedKey = fp;
          const expected = hop.knownHostKey;
          if (expected === fp) return verify(true);
          const mismatch = () => sshError('ssh.host-key-mismatch', hop, { expected: expected ?? '', presented: fp, role: hop.role });
          if (!verifyHostKey) {
            if (expected) refusal = mismatch();
            return verify(!expected);
          }
          // First contact (or a changed key) with an owner who decides: nothing more is sent until it answers.
          if (timer) clearTimeout(timer);
          verifyHostKey(fp, hop.role, expected).then(
            (ok) => {
              // A changed key is never accepted here: only the operator's new expected key lets it in.
              const accepted = ok && !expected;
              if (!accepted) refusal = expected ? mismatch() : sshError('ssh.host-key-unknown', hop, { fingerprint: fp, role: hop.role });
              if (stillWanted()) arm();
              verify(accepted);
            },
            (err: unknown) => {
              refusal = isSyncscope(err) ? err.value : sshError('ssh.failed', hop, { detail: `host key ${fp} was not checked: ${err instanceof Error ? err.message : String(err)}` });
              verify(false);
            },
          );
        },
        ...authConfig(hop.auth, hop),
      };
      arm();
      try {
        client.connect(config);
      } catch (err) {
        // ssh2 throws synchronously for a key it cannot parse (or a wrong passphrase).
        if (timer) clearTimeout(timer);
        reject(new SyncscopeError(err instanceof SyncscopeError ? err.value : sshError('ssh.bad-private-key', hop, { detail: err instanceof Error ? err.message : String(err) })));
      }
    });
  }

  async exec(argv: readonly string[], opts: ExecOptions = {}): Promise<ExecResult> {
    const client = this.connectedClient();
    const started = performance.now();
    const timeoutMs = opts.timeoutMs ?? DEFAULT_EXEC_TIMEOUT_MS;
    const cap = opts.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
    let running = false;
    // One deadline from here: waiting for a channel slot and a channel that never opens (a pulled cable) count too.
    const deadline = deadlineSignal(timeoutMs, opts.signal, () =>
      running
        ? new SyncscopeError(catalogError('collect.command-timeout', { command: argv[0] ?? '', target: targetParams(this.opts).target, ms: timeoutMs }, this.deviceRef()))
        : new SyncscopeError(sshError('ssh.channel-timeout', this.opts, { ms: timeoutMs })),
    );
    try {
      const ch = await this.openChannel(client, argv, deadline.signal);
      running = true;
      return await new Promise<ExecResult>((resolve, reject) => {
        const out = new OutputBuffer(cap);
        const errOut = new OutputBuffer(cap);
        let exitCode: number | null = null;
        const onAbort = () => {
          // TERM lets the command clean up (the poll script removes pmc's socket); then the channel goes.
          stopChannel(ch);
          reject(deadline.signal.reason);
        };
        deadline.signal.addEventListener('abort', onAbort, { once: true });
        ch.on('data', (d: Buffer) => out.push(d));
        ch.stderr.on('data', (d: Buffer) => errOut.push(d));
        ch.on('exit', (code: number | null) => {
          exitCode = typeof code === 'number' ? code : null;
        });
        ch.on('close', () => {
          deadline.signal.removeEventListener('abort', onAbort);
          // A connection that dropped under the command says nothing about the command: report the drop.
          if (exitCode === null && this.client !== client) reject(new SyncscopeError(sshError('ssh.dropped', this.opts)));
          else resolve({ stdout: out.text(), stderr: errOut.text(), exitCode, truncated: out.truncated || errOut.truncated, durationMs: performance.now() - started });
        });
      });
    } finally {
      deadline.dispose();
    }
  }

  async stream(argv: readonly string[], opts: StreamOptions = {}): Promise<DeviceStream> {
    const client = this.connectedClient();
    const startMs = opts.startTimeoutMs ?? DEFAULT_EXEC_TIMEOUT_MS;
    const deadline = deadlineSignal(startMs, opts.signal, () => new SyncscopeError(sshError('ssh.channel-timeout', this.opts, { ms: startMs })));
    let ch: ClientChannel;
    try {
      ch = await this.openChannel(client, ['sh', '-c', STREAM_SCRIPT, 'syncscope-stream', ...argv], deadline.signal);
    } finally {
      deadline.dispose();
    }
    let exit: StreamExit | null = null;
    const stream = new LineStream(
      {
        write: (text) => ch.write(text),
        stop: () => {
          ch.end();
          stopChannel(ch);
        },
      },
      opts.maxLineBytes,
    );
    ch.on('data', (d: Buffer) => stream.stdout.push(d));
    ch.stderr.on('data', (d: Buffer) => stream.stderr.push(d));
    ch.on('exit', (code: number | null, signal?: string) => {
      exit = exitOf(typeof code === 'number' ? code : null, signal ?? null);
    });
    ch.on('close', () => stream.finish(exit ?? (this.client !== client ? CONNECTION_LOST : exitOf(null, null))));
    const streams = this.streams;
    streams.add(stream);
    const onAbort = () => stream.close();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    void stream.ended.then(() => {
      streams.delete(stream);
      opts.signal?.removeEventListener('abort', onAbort);
    });
    if (opts.signal?.aborted) stream.close();
    return stream;
  }

  /**
   * Opens a session channel running argv, after a slot of the connection's channel gate, both
   * within `signal`. The slot is released when the channel closes.
   */
  private async openChannel(client: Client, argv: readonly string[], signal: AbortSignal): Promise<ClientChannel> {
    const release = await this.gate.acquire(signal);
    return new Promise<ClientChannel>((resolve, reject) => {
      let done = false;
      const onAbort = () => {
        if (done) return;
        done = true;
        release();
        if (this.client === client && isChannelTimeout(signal.reason)) {
          // No channel within the deadline: this connection no longer carries anything. Drop it now
          // rather than after keepalive gives up (~15 s more); a polite end() would wait on a dead link.
          this.dropped(client, 'channel open timed out');
          client.destroy();
        }
        reject(signal.reason);
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      client.exec(PATH_PREFIX + shellCommand(argv), (err, ch) => {
        signal.removeEventListener('abort', onAbort);
        if (done) {
          if (!err) stopChannel(ch);
          return;
        }
        done = true;
        if (err) {
          release();
          reject(new SyncscopeError(this.client === client ? sshError('ssh.channel-refused', this.opts, { detail: err.message }) : sshError('ssh.dropped', this.opts)));
          return;
        }
        ch.once('close', release);
        resolve(ch);
      });
    });
  }

  /**
   * An SFTP session on this connection (a config push writes files with it), in one slot of the
   * channel gate, released when the session ends; the caller ends it. Rejects like exec when not
   * connected, or with the server's refusal (no sftp subsystem).
   */
  async sftp(signal?: AbortSignal): Promise<SFTPWrapper> {
    const client = this.connectedClient();
    const release = await this.gate.acquire(signal);
    return new Promise<SFTPWrapper>((resolve, reject) => {
      client.sftp((err, sftp) => {
        if (err) {
          release();
          reject(new SyncscopeError(this.client === client ? sshError('ssh.channel-refused', this.opts, { detail: err.message }) : sshError('ssh.dropped', this.opts)));
          return;
        }
        sftp.once('close', release);
        resolve(sftp);
      });
    });
  }

  /** The live client, or the error exec and stream reject with. */
  private connectedClient(): Client {
    if (this._state === 'closed') throw this.closedError();
    if (!this.client || this._state !== 'connected') throw new SyncscopeError(sshError('ssh.not-connected', this.opts));
    return this.client;
  }

  onDisconnect(listener: (reason: string) => void): () => void {
    this.disconnectListeners.add(listener);
    return () => this.disconnectListeners.delete(listener);
  }

  close(): void {
    if (this._state === 'closed') return;
    const client = this.client;
    this.client = null;
    this._state = 'closed';
    this.connecting?.cancel(this.closedError());
    this.connecting = null;
    for (const stream of [...this.streams]) stream.close();
    client?.removeAllListeners('close');
    client?.end();
    const jumpClient = this.jumpClient;
    this.jumpClient = null;
    jumpClient?.removeAllListeners('close');
    jumpClient?.end();
  }

  private dropped(client: Client, reason: string): void {
    if (this.client !== client || this._state !== 'connected') return;
    this.client = null;
    this.jumpClient = null;
    this._state = 'idle';
    this.gate.abortWaiting(new SyncscopeError(sshError('ssh.dropped', this.opts)));
    for (const stream of [...this.streams]) stream.finish(CONNECTION_LOST);
    for (const fn of this.disconnectListeners) fn(reason);
  }

  private deviceRef(): { deviceId?: string } {
    return this.opts.deviceId ? { deviceId: this.opts.deviceId } : {};
  }

  private closedError(): SyncscopeError {
    return new SyncscopeError(catalogError('collect.transport-closed', { device: targetParams(this.opts).target }, this.deviceRef()));
  }
}

/** The ssh2 connect options of one auth kind. */
function authConfig(auth: SshAuthInput, hop: SshTarget): Partial<ConnectConfig> {
  switch (auth.kind) {
    case 'password':
      return { password: auth.password, tryKeyboard: false };
    case 'privateKey':
      return { privateKey: auth.privateKey, ...(auth.passphrase ? { passphrase: auth.passphrase } : {}) };
    case 'keyboardInteractive':
      return { tryKeyboard: true };
    case 'agent': {
      const agent = process.env.SSH_AUTH_SOCK;
      // ssh2 would silently try no key at all: say what is missing instead.
      if (!agent) throw new SyncscopeError(sshError('ssh.failed', hop, { detail: 'agent login, but SSH_AUTH_SOCK is not set for the engine (start it from a session with a running ssh-agent)' }));
      return { agent };
    }
  }
}

/** The jump host could not reach the device (a refused or unroutable port as seen from the jump). */
function forwardError(err: Error, device: SshTarget, jump: SshTarget): ErrorValue {
  const detail = `${err.message} (through ${targetParams(jump).target})`;
  return /refused/i.test(err.message) ? sshError('ssh.refused', device) : sshError('ssh.unreachable', device, { detail });
}

function isSyncscope(err: unknown): err is SyncscopeError {
  return err instanceof SyncscopeError;
}

function isChannelTimeout(reason: unknown): boolean {
  return reason instanceof SyncscopeError && reason.value.messageId === 'ssh.channel-timeout';
}

function stopChannel(ch: ClientChannel): void {
  try {
    ch.signal('TERM');
  } catch {
    // the channel may be closing already
  }
  ch.close();
}
