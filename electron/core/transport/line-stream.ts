import type { DeviceStream, StreamExit } from './transport';

export const DEFAULT_MAX_LINE_BYTES = 64 * 1024;
/** How long a closed stream's command gets to go before `ended` settles without it (a dead link). */
export const STREAM_CLOSE_GRACE_MS = 2_000;

/**
 * Splits a byte stream into lines, each handed on as a range of bytes (without its `\n`, and
 * without the `\r` of a `\r\n`): a line inside one chunk is a range of that chunk, nothing copied;
 * a line across chunks (or a UTF-8 character across two) is joined first. A line past
 * `maxLineBytes` is cut there with the rest dropped. The bytes are the chunk's own, which the
 * transport never reuses (Node streams hand each chunk over), so a consumer may keep a range.
 */
export class ByteLineSplitter {
  private parts: Buffer[] = [];
  private size = 0;
  constructor(
    private readonly maxLineBytes: number,
    private readonly emit: (bytes: Buffer, start: number, end: number) => void,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      if (nl < 0) {
        this.keep(chunk.subarray(start));
        return;
      }
      if (this.size === 0) this.line(chunk, start, Math.min(nl, start + this.maxLineBytes));
      else {
        this.keep(chunk.subarray(start, nl));
        this.flush();
      }
      start = nl + 1;
    }
  }

  /** A last line without its newline still counts once the stream ends. */
  end(): void {
    if (this.size > 0) this.flush();
  }

  private keep(part: Buffer): void {
    const room = this.maxLineBytes - this.size;
    if (room <= 0 || part.length === 0) return;
    const kept = part.length > room ? part.subarray(0, room) : part;
    this.parts.push(kept);
    this.size += kept.length;
  }

  private flush(): void {
    const joined = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts);
    this.parts = [];
    this.size = 0;
    this.line(joined, 0, joined.length);
  }

  private line(bytes: Buffer, start: number, end: number): void {
    this.emit(bytes, start, end > start && bytes[end - 1] === 13 ? end - 1 : end);
  }
}

/** ByteLineSplitter's lines as strings (UTF-8). */
export class LineSplitter extends ByteLineSplitter {
  constructor(maxLineBytes: number, emit: (line: string) => void) {
    super(maxLineBytes, (bytes, start, end) => emit(bytes.toString('utf8', start, end)));
  }
}

export type LineBytesListener = (bytes: Buffer, start: number, end: number, from: 'stdout' | 'stderr') => void;

/** What a transport plugs into a LineStream: how to write stdin and how to stop the command. */
export interface StreamSink {
  write(text: string): void;
  /** Ends stdin and tells the command to stop; the transport calls `finish` when it has gone. */
  stop(): void;
}

/**
 * The transport-independent half of a DeviceStream: line splitting per output, listeners, and an
 * `ended` that settles exactly once. After close() or the end no line is delivered and nothing is written.
 */
export class LineStream implements DeviceStream {
  readonly ended: Promise<StreamExit>;
  private settle!: (exit: StreamExit) => void;
  private done = false;
  private closing = false;
  private graceTimer: NodeJS.Timeout | null = null;
  private readonly listeners = new Set<(line: string, from: 'stdout' | 'stderr') => void>();
  private readonly byteListeners = new Set<LineBytesListener>();
  readonly stdout: ByteLineSplitter;
  readonly stderr: ByteLineSplitter;

  constructor(
    private readonly sink: StreamSink,
    maxLineBytes = DEFAULT_MAX_LINE_BYTES,
  ) {
    this.ended = new Promise<StreamExit>((resolve) => (this.settle = resolve));
    this.stdout = new ByteLineSplitter(maxLineBytes, (bytes, start, end) => this.deliver(bytes, start, end, 'stdout'));
    this.stderr = new ByteLineSplitter(maxLineBytes, (bytes, start, end) => this.deliver(bytes, start, end, 'stderr'));
  }

  get isOpen(): boolean {
    return !this.done && !this.closing;
  }

  write(text: string): boolean {
    if (!this.isOpen) return false;
    this.sink.write(text);
    return true;
  }

  onLine(listener: (line: string, from: 'stdout' | 'stderr') => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Each complete line as a range of the bytes it arrived in (see ByteLineSplitter), for a consumer that reads bytes. */
  onLineBytes(listener: LineBytesListener): () => void {
    this.byteListeners.add(listener);
    return () => this.byteListeners.delete(listener);
  }

  close(): void {
    if (!this.isOpen) return;
    this.closing = true;
    this.sink.stop();
    // The command's end is normally reported by the transport; a dead link may never report it.
    this.graceTimer = setTimeout(() => this.finish({ exitCode: null, reason: 'closed' }), STREAM_CLOSE_GRACE_MS);
    this.graceTimer.unref();
  }

  /** Called by the transport when the command has ended; only the first call counts. A close() wins the reason. */
  finish(exit: StreamExit): void {
    if (this.done) return;
    if (!this.closing) {
      this.stdout.end();
      this.stderr.end();
    }
    this.done = true;
    if (this.graceTimer) clearTimeout(this.graceTimer);
    this.listeners.clear();
    this.byteListeners.clear();
    this.settle(this.closing ? { exitCode: null, reason: 'closed' } : exit);
  }

  private deliver(bytes: Buffer, start: number, end: number, from: 'stdout' | 'stderr'): void {
    if (!this.isOpen) return;
    for (const fn of this.byteListeners) fn(bytes, start, end, from);
    if (this.listeners.size === 0) return;
    const line = bytes.toString('utf8', start, end);
    for (const fn of this.listeners) fn(line, from);
  }
}

/** `exited 3`, `killed by SIGTERM`: how a command ended, for people. */
export function exitOf(code: number | null, signal: string | null): StreamExit {
  if (code !== null) return { exitCode: code, reason: `exited ${code}` };
  if (signal) return { exitCode: null, reason: `killed by ${signal.startsWith('SIG') ? signal : `SIG${signal}`}` };
  return { exitCode: null, reason: 'ended without an exit status' };
}
