import { spawn } from 'node:child_process';
import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import { deadlineSignal } from './deadline';
import { exitOf, LineStream } from './line-stream';
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
  type StreamOptions,
  type TransportState,
} from './transport';

/** How long a stopped command gets to clean up after SIGTERM before SIGKILL. */
const KILL_GRACE_MS = 2_000;
const WHERE = 'this machine';

function childEnv(): NodeJS.ProcessEnv {
  return { ...process.env, PATH: [process.env.PATH ?? '', ...SBIN_DIRS].filter(Boolean).join(':') };
}

/** The machine the engine runs on: argv goes straight to execve, no shell in between. */
export class LocalTransport implements DeviceTransport {
  readonly kind = 'local';
  private _state: TransportState = 'idle';
  /** Stops each command in flight, rejecting its exec with the reason. */
  private readonly running = new Set<(reason: unknown) => void>();
  /** Closes each stream still running. */
  private readonly streams = new Set<() => void>();

  constructor(private readonly label = WHERE) {}

  get state(): TransportState {
    return this._state;
  }

  connect(opts: ConnectOptions = {}): Promise<void> {
    if (this._state === 'closed') return Promise.reject(this.closedError());
    if (opts.signal?.aborted) return Promise.reject(opts.signal.reason);
    this._state = 'connected';
    return Promise.resolve();
  }

  exec(argv: readonly string[], opts: ExecOptions = {}): Promise<ExecResult> {
    const [cmd, ...args] = argv;
    if (!cmd) return Promise.reject(new RangeError('exec needs a command'));
    if (this._state === 'closed') return Promise.reject(this.closedError());
    const started = performance.now();
    const timeoutMs = opts.timeoutMs ?? DEFAULT_EXEC_TIMEOUT_MS;
    const deadline = deadlineSignal(timeoutMs, opts.signal, () => new SyncscopeError(catalogError('collect.command-timeout', { command: cmd, target: this.label, ms: timeoutMs })));
    if (deadline.signal.aborted) {
      deadline.dispose();
      return Promise.reject(deadline.signal.reason);
    }
    const out = new OutputBuffer(opts.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES);
    const errOut = new OutputBuffer(opts.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES);
    return new Promise<ExecResult>((resolve, reject) => {
      const child = spawn(cmd, args, { env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
      let settled = false;
      let killTimer: NodeJS.Timeout | null = null;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        this.running.delete(stopWith);
        deadline.signal.removeEventListener('abort', stop);
        deadline.dispose();
        fn();
      };
      // TERM first, so the command can clean up (the poll script removes pmc's socket); KILL if it will not go.
      const stopWith = (reason: unknown) => {
        child.kill('SIGTERM');
        killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
        killTimer.unref();
        finish(() => reject(reason));
      };
      const stop = () => stopWith(deadline.signal.reason);
      this.running.add(stopWith);
      deadline.signal.addEventListener('abort', stop, { once: true });
      child.stdout?.on('data', (d: Buffer) => out.push(d));
      child.stderr?.on('data', (d: Buffer) => errOut.push(d));
      child.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') finish(() => resolve({ stdout: '', stderr: `${cmd}: command not found`, exitCode: 127, truncated: false, durationMs: performance.now() - started }));
        else finish(() => reject(new SyncscopeError(catalogError('collect.local-spawn-failed', { command: cmd, detail: err.message }))));
      });
      child.on('close', (code) => {
        if (killTimer) clearTimeout(killTimer);
        finish(() => resolve({ stdout: out.text(), stderr: errOut.text(), exitCode: code, truncated: out.truncated || errOut.truncated, durationMs: performance.now() - started }));
      });
    });
  }

  stream(argv: readonly string[], opts: StreamOptions = {}): Promise<DeviceStream> {
    const [cmd, ...args] = argv;
    if (!cmd) return Promise.reject(new RangeError('stream needs a command'));
    if (this._state === 'closed') return Promise.reject(this.closedError());
    if (opts.signal?.aborted) return Promise.reject(opts.signal.reason);
    const child = spawn(cmd, args, { env: childEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let killTimer: NodeJS.Timeout | null = null;
    const stream = new LineStream(
      {
        write: (text) => child.stdin?.write(text),
        stop: () => {
          child.stdin?.end();
          child.kill('SIGTERM');
          killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
          killTimer.unref();
        },
      },
      opts.maxLineBytes,
    );
    // A command that stops reading its stdin must not crash the engine on a late write.
    child.stdin?.on('error', () => undefined);
    child.stdout?.on('data', (d: Buffer) => stream.stdout.push(d));
    child.stderr?.on('data', (d: Buffer) => stream.stderr.push(d));
    const stopOnClose = () => stream.close();
    this.streams.add(stopOnClose);
    const onAbort = () => stream.close();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    void stream.ended.then(() => {
      this.streams.delete(stopOnClose);
      opts.signal?.removeEventListener('abort', onAbort);
      if (killTimer) clearTimeout(killTimer);
    });
    return new Promise<DeviceStream>((resolve, reject) => {
      child.once('spawn', () => resolve(stream));
      child.once('error', (err: NodeJS.ErrnoException) => {
        // Like a shell: a missing program is an ended stream with status 127, not an engine error.
        stream.finish(err.code === 'ENOENT' ? { exitCode: 127, reason: `exited 127 (${cmd}: command not found)` } : { exitCode: null, reason: err.message });
        if (err.code === 'ENOENT') resolve(stream);
        else reject(new SyncscopeError(catalogError('collect.local-spawn-failed', { command: cmd, detail: err.message })));
      });
      child.once('close', (code, signal) => stream.finish(exitOf(code, signal)));
    });
  }

  onDisconnect(): () => void {
    return () => undefined;
  }

  close(): void {
    this._state = 'closed';
    for (const stop of [...this.running]) stop(this.closedError());
    for (const close of [...this.streams]) close();
  }

  private closedError(): SyncscopeError {
    return new SyncscopeError(catalogError('collect.transport-closed', { device: this.label }));
  }
}
