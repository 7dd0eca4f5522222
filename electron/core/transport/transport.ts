/**
 * One small interface for every way of reaching a device (SSH now; serial and local shells next).
 * Collectors are written once against it. A transport never talks to a person: host-key decisions
 * and credentials arrive as data or callbacks from its owner.
 */
export interface ExecResult {
  stdout: string;
  stderr: string;
  /** null when the command was killed by a signal or the channel closed without a status. */
  exitCode: number | null;
  durationMs: number;
}

export interface ExecOptions {
  timeoutMs?: number;
  /** Output beyond this many bytes (per stream) is dropped and `truncated` noted in stderr. */
  maxOutputBytes?: number;
}

export type TransportState = 'idle' | 'connecting' | 'connected' | 'closed';

export interface DeviceTransport {
  readonly kind: 'ssh' | 'local';
  readonly state: TransportState;
  /** Connects if not connected; rejects with a SyncscopeError saying what to check. */
  connect(): Promise<void>;
  /** Runs one command (argv, never a shell string built from user input) and collects its output. */
  exec(argv: readonly string[], opts?: ExecOptions): Promise<ExecResult>;
  /** Called when an established connection drops; the owner decides whether to reconnect. */
  onDisconnect(listener: (reason: string) => void): () => void;
  close(): void;
}

export const DEFAULT_EXEC_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_OUTPUT_BYTES = 4 * 1024 * 1024;

/** Collects a stream's chunks up to a byte cap. */
export class OutputBuffer {
  private chunks: Buffer[] = [];
  private size = 0;
  truncated = false;
  constructor(private readonly cap: number) {}
  push(chunk: Buffer): void {
    if (this.size >= this.cap) {
      this.truncated = true;
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
