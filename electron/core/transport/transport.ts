/**
 * One small interface for every way of reaching a device (SSH now; serial and local shells next).
 * Collectors are written once against it. A transport never talks to a person: host-key decisions
 * and credentials arrive as data or callbacks from its owner.
 *
 * Everything long-lived takes an AbortSignal, and close() is final: after it nothing connects or
 * runs, and a connect in flight ends its socket.
 */
export interface ExecResult {
  stdout: string;
  stderr: string;
  /** null when the command was killed by a signal or the channel closed without a status. */
  exitCode: number | null;
  /** True when either stream passed `maxOutputBytes` and was cut there: the text is incomplete. */
  truncated: boolean;
  durationMs: number;
}

export interface ExecOptions {
  /**
   * One deadline for the whole command: opening the channel, running, and reading its output.
   * On expiry the command is told to stop and exec rejects with a timeout error.
   */
  timeoutMs?: number;
  /** Output beyond this many bytes (per stream) is dropped, and the result says `truncated`. */
  maxOutputBytes?: number;
  /** Aborting stops the command the same way a deadline does, and rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface ConnectOptions {
  signal?: AbortSignal;
}

export interface StreamOptions {
  signal?: AbortSignal;
  /** A line longer than this is cut there (and the rest of it dropped), so a runaway line cannot eat memory. */
  maxLineBytes?: number;
  /** Bound on starting the command (channel open); the stream itself runs until closed. */
  startTimeoutMs?: number;
}

export interface StreamExit {
  /** null when killed by a signal, or when the stream ended because the connection dropped or close() was called. */
  exitCode: number | null;
  /** Why it ended, for people: `exited 1`, `killed by SIGTERM`, `connection lost`, `closed`. */
  reason: string;
}

/**
 * A long-running command on the device (an interactive pmc, `tail -F`, `journalctl -f`): write to
 * its stdin, receive its stdout/stderr line by line as they arrive, learn when it ends. Implemented
 * once per transport; every source that follows something is written against it.
 */
export interface DeviceStream {
  /** Writes to the command's stdin. False when the stream has ended (nothing was written). */
  write(text: string): boolean;
  /** Each complete line (without its newline), in arrival order per stream. Returns an unsubscribe function. */
  onLine(listener: (line: string, from: 'stdout' | 'stderr') => void): () => void;
  /** Settles once, when the command has ended for any reason (never rejects). */
  readonly ended: Promise<StreamExit>;
  /** Final: closes stdin and ends the command (on the device too); `ended` settles. */
  close(): void;
}

export type TransportState = 'idle' | 'connecting' | 'connected' | 'closed';

export interface DeviceTransport {
  readonly kind: TransportKind;
  readonly state: TransportState;
  /** Connects if not connected; rejects with a SyncscopeError saying what to check. */
  connect(opts?: ConnectOptions): Promise<void>;
  /** Runs one command (argv, never a shell string built from user input) and collects its output. */
  exec(argv: readonly string[], opts?: ExecOptions): Promise<ExecResult>;
  /**
   * Starts a long-running command (argv, quoted like exec's) and resolves once it runs. Rejects like
   * exec when not connected or when the start times out. A dropped connection ends every stream.
   */
  stream(argv: readonly string[], opts?: StreamOptions): Promise<DeviceStream>;
  /**
   * True when a running stream holds the device's only shell (a serial console), so exec waits until
   * it ends: collectors then poll with exec instead of keeping a stream open.
   */
  readonly exclusiveStream?: boolean;
  /** Called once when an established connection drops; the owner decides whether to reconnect. */
  onDisconnect(listener: (reason: string) => void): () => void;
  /** Final: ends any connection or connect in flight; later connect/exec reject. */
  close(): void;
}

export type TransportKind = 'ssh' | 'local' | 'serial';

export const DEFAULT_EXEC_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_OUTPUT_BYTES = 4 * 1024 * 1024;

/**
 * Where linuxptp lives (Debian: /usr/sbin): appended to PATH on every transport, since the PATH of a
 * non-login SSH session, or of a desktop app, often lacks the sbin directories.
 */
export const SBIN_DIRS: readonly string[] = ['/usr/local/sbin', '/usr/sbin', '/sbin'];

/** Collects a stream's chunks up to a byte cap, and remembers whether it had to cut. */
export class OutputBuffer {
  private chunks: Buffer[] = [];
  private size = 0;
  truncated = false;
  constructor(private readonly cap: number) {}
  push(chunk: Buffer): void {
    if (this.size >= this.cap) {
      if (chunk.length > 0) this.truncated = true;
      return;
    }
    const room = this.cap - this.size;
    const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
    if (part.length < chunk.length) this.truncated = true;
    this.chunks.push(part);
    this.size += part.length;
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}
